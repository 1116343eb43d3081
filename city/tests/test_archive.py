"""The ZIP of a period's reports: signed PDF where there is one, else the approved version; through the
page with progress, from the command line, and through a real worker."""

from __future__ import annotations

import logging
import zipfile
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from city import tasks
from city.archive import period_archive_build
from city.archive_models import ArchiveFailure
from city.models import ArchiveStatus, PeriodArchive
from city.tasks import build_period_archive
from reports.models import PdfKind, PdfStatus, Report, ReportPdf, ReportState
from reports.tests.conftest import media_root  # noqa: F401 (shared fixture: PDFs go to the test's folder)
from reports.tests.test_pdf_jobs import domain_writes
from wards.tests.factories import CityFactory, MembershipFactory
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


def archive_urls(archive: PeriodArchive) -> dict[str, str]:
    return {
        "page": reverse("city:archive", kwargs={"pk": archive.pk}),
        "download": reverse("city:archive_download", kwargs={"pk": archive.pk}),
    }


def request_zip(client, weekly, django_capture_on_commit_callbacks, *, queue: bool = True):
    """Ask for the ZIP of SEED_WEEK; `queue=False` keeps it from the broker (tasks run eagerly without Redis)."""
    with django_capture_on_commit_callbacks(execute=queue):
        return client.post(reverse("city:archive_request"), {"regime": weekly.code, "start": "2025-08-18"})


def status_panel(client, archive: PeriodArchive) -> str:
    return client.get(archive_urls(archive)["page"], HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="vi").content.decode()


@pytest.mark.django_db
def test_a_zip_that_cannot_be_stored_ends_failed_with_a_retry(
    weekly, home_affairs, delivered, settings, caplog, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    client = client_for(home_affairs)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "city.tests.test_archive.RefusingStorage"},
    }
    with caplog.at_level(logging.ERROR, logger="city.archive"):
        request_zip(client, weekly, django_capture_on_commit_callbacks)
    archive = PeriodArchive.objects.get()
    assert (archive.status, archive.failure) == (ArchiveStatus.FAILED, ArchiveFailure.STORAGE)
    assert "No space left" in archive.failure_detail and archive.finished_at is not None and not archive.file
    assert any(record.exc_info and "could not be stored" in record.getMessage() for record in caplog.records)
    panel = status_panel(client, archive)
    assert "không lưu được trên máy chủ" in panel and "Thử lại" in panel and "hx-trigger" not in panel
    assert "No space" not in panel and "archive-download" not in panel

    # The retry, the storage back: a new request, done; the failed one kept as it ended.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    retry = request_zip(client, weekly, django_capture_on_commit_callbacks)
    again = PeriodArchive.objects.exclude(pk=archive.pk).get()
    assert retry["Location"] == archive_urls(again)["page"] and again.status == ArchiveStatus.DONE
    assert "archive-download" in status_panel(client, again)


class RefusingStorage(FileSystemStorage):
    """A storage whose saves of archives fail as a full disk does; the reports' PDFs still read."""

    def _save(self, name, content):
        if name.startswith("city/"):
            raise OSError(28, "No space left on device")
        return super()._save(name, content)


@pytest.mark.django_db
def test_an_error_while_packing_shows_a_plain_reason_and_logs_the_details(
    weekly, home_affairs, delivered, monkeypatch, caplog, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    def broken(reports, output, progress):
        raise RuntimeError("zlib stream exploded")

    monkeypatch.setattr("city.archive.archive_write", broken)
    client = client_for(home_affairs)
    with caplog.at_level(logging.ERROR, logger="city.archive"):
        request_zip(client, weekly, django_capture_on_commit_callbacks)
    archive = PeriodArchive.objects.get()
    assert (archive.status, archive.failure) == (ArchiveStatus.FAILED, ArchiveFailure.ERROR)
    assert "zlib stream exploded" in archive.failure_detail
    assert any(record.exc_info and "failed" in record.getMessage() for record in caplog.records)
    panel = status_panel(client, archive)
    assert "Không tạo được tệp ZIP" in panel and "Thử lại" in panel and "zlib" not in panel


@pytest.mark.django_db
def test_a_broker_that_cannot_be_reached_fails_the_zip_at_once(
    weekly, home_affairs, delivered, monkeypatch, caplog, django_capture_on_commit_callbacks
) -> None:
    def unreachable(*args, **kwargs):
        raise KombuOperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.build_period_archive, "apply_async", unreachable)
    client = client_for(home_affairs)
    with caplog.at_level(logging.ERROR, logger="city.archive"):
        request_zip(client, weekly, django_capture_on_commit_callbacks)
    archive = PeriodArchive.objects.get()
    assert (archive.status, archive.failure) == (ArchiveStatus.FAILED, ArchiveFailure.QUEUE)
    assert "Connection refused" in archive.failure_detail
    assert any(record.exc_info and "could not be queued" in record.getMessage() for record in caplog.records)
    panel = status_panel(client, archive)
    assert "hàng đợi xử lý" in panel and "Thử lại" in panel and "hx-trigger" not in panel


@pytest.mark.django_db
def test_a_request_under_way_is_returned_instead_of_a_second(
    weekly, home_affairs, delivered, django_capture_on_commit_callbacks
) -> None:
    client = client_for(home_affairs)
    first = request_zip(client, weekly, django_capture_on_commit_callbacks, queue=False)
    second = request_zip(client, weekly, django_capture_on_commit_callbacks, queue=False)
    archive = PeriodArchive.objects.get()
    assert first["Location"] == second["Location"] == archive_urls(archive)["page"]
    assert archive.status == ArchiveStatus.QUEUED


@pytest.mark.django_db
def test_a_running_zip_whose_worker_died_is_given_up_after_the_timeout(
    weekly, ward, home_affairs, delivered, settings, django_capture_on_commit_callbacks
) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        archive = PeriodArchive.objects.create(
            regime=weekly,
            city=ward.city,
            period_start=SEED_WEEK.start,
            period_end=SEED_WEEK.end,
            status=ArchiveStatus.RUNNING,
            started_at=start,
            total=2,
            done=1,
        )
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        client = client_for(home_affairs)
        panel = status_panel(client, archive)
        assert "hx-trigger" in panel and "Thử lại" not in panel and "1/2" in panel
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        client = client_for(home_affairs)
        panel = status_panel(client, archive)
        # Shown given up, with the retry, and the polling stops; the row itself is not written by a GET.
        assert "10 phút" in panel and "Thử lại" in panel and "hx-trigger" not in panel
        archive.refresh_from_db()
        assert archive.status == ArchiveStatus.RUNNING
        # The retry is the write that gives the stale request up and queues a new one.
        request_zip(client, weekly, django_capture_on_commit_callbacks, queue=False)
    archive.refresh_from_db()
    assert (archive.status, archive.failure, archive.failure_detail) == (ArchiveStatus.FAILED, "stale", "10")
    assert PeriodArchive.objects.filter(status=ArchiveStatus.QUEUED).count() == 1
    # The broker delivering the lost task late must not bring the given-up request back to life.
    period_archive_build(archive.pk)
    archive.refresh_from_db()
    assert archive.status == ArchiveStatus.FAILED and not archive.file


@pytest.mark.django_db
def test_a_stale_zip_delivered_late_to_a_worker_is_given_up_there(weekly, ward, delivered, settings) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        archive = PeriodArchive.objects.create(
            regime=weekly, city=ward.city, period_start=SEED_WEEK.start, period_end=SEED_WEEK.end
        )
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert build_period_archive(archive.pk) == ArchiveStatus.FAILED
    archive.refresh_from_db()
    assert (archive.status, archive.failure, archive.started_at) == (ArchiveStatus.FAILED, "stale", None)


@pytest.mark.django_db
def test_a_zip_left_being_made_by_a_dead_worker_is_made_again_on_redelivery(weekly, ward, delivered) -> None:
    archive = PeriodArchive.objects.create(
        regime=weekly,
        city=ward.city,
        period_start=SEED_WEEK.start,
        period_end=SEED_WEEK.end,
        status=ArchiveStatus.RUNNING,
        started_at=timezone.now(),
        done=1,
        total=2,
    )
    assert build_period_archive(archive.pk) == ArchiveStatus.DONE
    archive.refresh_from_db()
    assert (archive.done, archive.total) == (2, 2) and archive.file and archive.finished_at


@pytest.mark.django_db
def test_the_archive_page_and_its_poll_write_nothing(weekly, ward, home_affairs, settings) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        running = PeriodArchive.objects.create(
            regime=weekly,
            city=ward.city,
            period_start=SEED_WEEK.start,
            period_end=SEED_WEEK.end,
            status=ArchiveStatus.RUNNING,
            started_at=start,
        )
        queued = PeriodArchive.objects.create(
            regime=weekly, city=ward.city, period_start=WEEKS[1].start, period_end=WEEKS[1].end
        )
    for moment in (start + timedelta(minutes=1), start + timedelta(minutes=30)):
        with time_machine.travel(moment, tick=False):
            client = client_for(home_affairs)
            for archive in (running, queued):
                url = archive_urls(archive)["page"]
                for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
                    for query in ("", "?poll=4"):
                        with CaptureQueriesContext(connection) as queries:
                            assert client.get(url + query, **headers).status_code == 200
                        assert domain_writes(queries) == [], (url, query, headers)
    assert set(PeriodArchive.objects.values_list("status", flat=True)) == {ArchiveStatus.RUNNING, ArchiveStatus.QUEUED}


@pytest.mark.django_db
def test_permission_matrix_of_the_archive(weekly, ward, home_affairs, staff, leader, delivered) -> None:
    archive = PeriodArchive.objects.create(
        regime=weekly, city=ward.city, period_start=SEED_WEEK.start, period_end=SEED_WEEK.end
    )
    period_archive_build(archive.pk)
    other_city = MembershipFactory(home_affairs=True, city=CityFactory(name="Đà Nẵng"))
    assert other_city.city_id != ward.city_id
    urls = archive_urls(archive)
    for url in (urls["page"], urls["page"] + "?poll=2", urls["download"]):
        anonymous = client_for(None).get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login")), url
        for membership in (staff, leader):
            assert client_for(membership).get(url).status_code == 403, (url, membership.role)
        assert client_for(other_city).get(url).status_code == 404, url
        assert client_for(home_affairs).get(url).status_code == 200, url
    request = reverse("city:archive_request")
    data = {"regime": weekly.code, "start": "2025-08-18"}
    anonymous = client_for(None).post(request, data)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert client_for(staff).post(request, data).status_code == 403
    assert client_for(home_affairs).post(request, data).status_code == 302
