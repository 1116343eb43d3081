"""The ZIP of a period's reports: signed PDF where there is one, else the approved version; through the
page with progress, from the command line, and through a real worker."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from city.models import ArchiveStatus, PeriodArchive
from city.tasks import build_period_archive
from reports.models import PdfKind, PdfStatus, Report, ReportPdf, ReportState
from reports.tests.conftest import media_root  # noqa: F401 (shared fixture: PDFs go to the test's folder)
from wards.tests.permissions import client_for

from .conftest import WEEKS, report_in

SEED_WEEK = WEEKS[2]


def kept(report: Report, kind: str, content: bytes) -> ReportPdf:
    pdf = ReportPdf(report=report, kind=kind, status=PdfStatus.DONE)
    pdf.file.save(f"{kind}.pdf", ContentFile(content), save=False)
    pdf.save()
    return pdf


@pytest.fixture
def delivered(ward, other_ward) -> dict[str, Report]:
    signed = report_in(ward, SEED_WEEK, ReportState.SIGNED)
    approved = report_in(other_ward, SEED_WEEK, ReportState.APPROVED)
    report_in(other_ward, WEEKS[1], ReportState.APPROVED)  # another week: not in the ZIP
    Report.objects.filter(pk=signed.pk).update(
        approved_pdf=kept(signed, PdfKind.APPROVED, b"%PDF kim tra approved"),
        signed_pdf=kept(signed, PdfKind.SIGNED, b"%PDF kim tra signed"),
    )
    Report.objects.filter(pk=approved.pk).update(approved_pdf=kept(approved, PdfKind.APPROVED, b"%PDF huong tra"))
    return {"signed": signed, "approved": approved}


def contents(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.django_db
def test_the_page_makes_the_zip_with_progress(
    weekly, home_affairs, staff, delivered, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    client = client_for(home_affairs)
    assert client_for(staff).post(reverse("city:archive_request"), {"regime": weekly.code}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("city:archive_request"), {"regime": weekly.code, "start": "2025-08-18"})
    archive = PeriodArchive.objects.get()
    assert response["Location"] == reverse("city:archive", kwargs={"pk": archive.pk})
    assert archive.status == ArchiveStatus.DONE and (archive.done, archive.total) == (2, 2)
    page = client.get(response["Location"]).content.decode()
    assert "2 báo cáo" in page and reverse("city:archive_download", kwargs={"pk": archive.pk}) in page
    files = contents(
        b"".join(client.get(reverse("city:archive_download", kwargs={"pk": archive.pk})).streaming_content)
    )
    assert files == {
        "huong-tra-20250818-20250823-da-duyet.pdf": b"%PDF huong tra",
        "kim-tra-20250818-20250823-da-ky.pdf": b"%PDF kim tra signed",
    }


@pytest.mark.django_db
def test_a_running_archive_polls_and_the_command_writes_the_same_files(
    weekly, ward, home_affairs, delivered, tmp_path: Path
) -> None:
    archive = PeriodArchive.objects.create(
        regime=weekly, city=ward.city, period_start=SEED_WEEK.start, period_end=SEED_WEEK.end, total=2, done=1
    )
    client = client_for(home_affairs)
    status = client.get(reverse("city:archive", kwargs={"pk": archive.pk}), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="load delay:1s"' in status.content.decode() and "1/2" in status.content.decode()
    # Backoff: each answer asks again twice as late, up to every 10 s.
    assert "?poll=2" in status.content.decode()
    later = client.get(reverse("city:archive", kwargs={"pk": archive.pk}) + "?poll=8", HTTP_HX_REQUEST="true")
    assert 'hx-trigger="load delay:8s"' in later.content.decode() and "?poll=10" in later.content.decode()
    PeriodArchive.objects.filter(pk=archive.pk).update(status=ArchiveStatus.FAILED)
    failed = client.get(reverse("city:archive", kwargs={"pk": archive.pk}) + "?poll=10", HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in failed.content.decode()
    output = tmp_path / "week.zip"
    call_command("period_archive", regime=weekly.code, date="2025-08-20", output=output, verbosity=0)
    assert sorted(contents(output.read_bytes())) == [
        "huong-tra-20250818-20250823-da-duyet.pdf",
        "kim-tra-20250818-20250823-da-ky.pdf",
    ]


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_zip_through_a_worker_process(weekly, ward, delivered, celery_worker_process) -> None:
    archive = PeriodArchive.objects.create(
        regime=weekly, city=ward.city, period_start=SEED_WEEK.start, period_end=SEED_WEEK.end
    )
    build_period_archive.apply_async(args=[archive.pk], queue=celery_worker_process.queue).get(timeout=60)
    archive.refresh_from_db()
    assert archive.status == ArchiveStatus.DONE and archive.total == 2
    with archive.file.open("rb") as stored:
        assert len(contents(stored.read())) == 2
