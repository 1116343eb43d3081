"""PDF generation as a Celery task with a status record, kept versions and their downloads."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import time_machine
from celery.result import AsyncResult
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reports.models import PdfFailure, PdfStatus, Report, ReportPdf
from reports.services import report_pdf_current, report_pdf_render, report_pdf_request
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db


def urls(report: Report) -> dict[str, str]:
    kwargs = {"ward": report.ward.slug, "pk": report.pk}
    return {
        "request": reverse("reports:pdf_request", kwargs=kwargs),
        "status": reverse("reports:pdf_status", kwargs=kwargs),
        "detail": reverse("reports:detail", kwargs=kwargs),
    }


def stored_bytes(pdf: ReportPdf) -> bytes:
    with pdf.file.open("rb") as handle:
        return handle.read()


def test_eager_generation_keeps_a_version(
    ward, seeds, leader, media_root, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls(report)["request"])
    assert response.status_code == 302
    pdf = report.pdfs.get()
    assert pdf.status == PdfStatus.DONE and pdf.attempts == 1
    assert pdf.requested_by == leader.user and pdf.requested_at <= pdf.started_at <= pdf.finished_at
    content = stored_bytes(pdf)
    assert pdf.sha256 == hashlib.sha256(content).hexdigest() and pdf.size == len(content)
    assert (media_root / pdf.file.name).is_file()
    assert "277/277" in PdfReader(pdf.file.path).pages[0].extract_text() + "".join(
        page.extract_text() for page in PdfReader(pdf.file.path).pages
    )
    detail = client.get(urls(report)["detail"]).content.decode()
    download_url = reverse("reports:pdf_download", kwargs={"ward": ward.slug, "pk": report.pk, "pdf_pk": pdf.pk})
    assert download_url in detail and pdf.sha256[:12] in detail
    download = client.get(download_url)
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == content


def test_every_request_is_a_new_version_and_old_ones_stay_downloadable(
    ward, seeds, staff, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    with django_capture_on_commit_callbacks(execute=True):
        first = report_pdf_request(report=report, requested_by=staff.user)
    with time_machine.travel(timezone.now() + timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        second = report_pdf_request(report=report, requested_by=staff.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.pk != second.pk and first.file.name != second.file.name
    for version in (first, second):
        assert version.status == PdfStatus.DONE
        assert version.sha256 == hashlib.sha256(stored_bytes(version)).hexdigest()
    client = client_for(staff)
    old = client.get(reverse("reports:pdf_download", kwargs={"ward": ward.slug, "pk": report.pk, "pdf_pk": first.pk}))
    assert hashlib.sha256(b"".join(old.streaming_content)).hexdigest() == first.sha256


def test_a_request_under_way_is_not_queued_twice(ward, seeds, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    # Without running the on-commit callbacks the request stays queued, as while a worker is busy.
    first = report_pdf_request(report=report, requested_by=staff.user)
    again = report_pdf_request(report=report, requested_by=staff.user)
    assert again.pk == first.pk and report.pdfs.count() == 1
    panel = client_for(staff).get(urls(report)["status"]).content.decode()
    assert 'hx-trigger="every 1s"' in panel and "progress-bar" in panel and "w-25" in panel
    assert "style=" not in panel


def test_failure_shows_the_reason_in_vietnamese_and_a_retry(
    ward, leader, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    # A key no app provides (a provider removed after the text was written) makes the render fail.
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    section = report.sections.exclude(body="").first()
    report.sections.filter(pk=section.pk).update(body=section.body + "<p>[[tthc.received_gone]]</p>")
    client = client_for(leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls(report)["request"])
    failed = report.pdfs.get()
    assert failed.status == PdfStatus.FAILED and failed.failure == PdfFailure.PLACEHOLDERS
    assert "tthc.received_gone" in failed.failure_detail and not failed.file
    panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Báo cáo dùng khóa số liệu chưa có ứng dụng nào cung cấp" in panel and "tthc.received_gone" in panel
    assert "Thử lại" in panel and 'hx-trigger="every 1s"' not in panel

    report.sections.filter(pk=section.pk).update(body=section.body)
    with django_capture_on_commit_callbacks(execute=True):
        retry = client.post(urls(report)["request"], HTTP_HX_REQUEST="true")
    assert retry.status_code == 200 and 'id="pdf-panel"' in retry.content.decode()
    assert "pdf-download" in client.get(urls(report)["status"]).content.decode()
    assert list(report.pdfs.values_list("status", flat=True)) == [PdfStatus.DONE, PdfStatus.FAILED]


def test_a_running_pdf_whose_worker_died_is_given_up_after_the_timeout(ward, seeds, staff, settings) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        pdf = ReportPdf.objects.create(
            report=report, requested_by=staff.user, status=PdfStatus.RUNNING, started_at=start, attempts=1
        )
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        assert report_pdf_current(report=report).status == PdfStatus.RUNNING
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        panel = client_for(staff).get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED and pdf.failure == PdfFailure.STALE
    assert "10 phút" in panel and "Thử lại" in panel
    # The broker delivering the lost task late must not bring the given-up request back to life.
    report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED and pdf.attempts == 1


def test_a_redelivered_task_makes_the_pdf_again(ward, seeds, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    # The state a worker leaves when it dies mid-render: running, not yet stale.
    pdf = ReportPdf.objects.create(
        report=report, status=PdfStatus.RUNNING, started_at=timezone.now(), attempts=1, requested_by=staff.user
    )
    report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.DONE and pdf.attempts == 2 and len(pdf.sha256) == 64
    # A duplicate delivery of a finished request changes nothing.
    report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert pdf.attempts == 2


def test_pdf_views_matrix(ward, seeds, staff, leader, home_affairs, other_staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    pdf = ReportPdf.objects.create(report=report, status=PdfStatus.QUEUED, requested_by=staff.user)
    assert_permission_matrix(urls(report)["status"], allowed=[staff, leader, home_affairs], outsider=other_staff)
    assert_permission_matrix(
        urls(report)["request"],
        allowed=[staff, leader],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        ok_status=(302,),
    )
    assert report.pdfs.count() == 1  # the queued one was handed back, not duplicated
    report_pdf_render(pdf_id=pdf.pk)
    download = reverse("reports:pdf_download", kwargs={"ward": ward.slug, "pk": report.pk, "pdf_pk": pdf.pk})
    assert_permission_matrix(download, allowed=[staff, leader, home_affairs], outsider=other_staff)


def test_the_download_of_an_unfinished_request_is_404(ward, seeds, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    pdf = ReportPdf.objects.create(report=report, status=PdfStatus.QUEUED)
    url = reverse("reports:pdf_download", kwargs={"ward": ward.slug, "pk": report.pk, "pdf_pk": pdf.pk})
    assert client_for(staff).get(url).status_code == 404


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_generation_through_a_worker_process(ward, leader, settings, catalogue_data, celery_worker_process) -> None:
    # The worker has only this branch's providers: a report that uses ward and report keys alone.
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    report.sections.update(body="<p>Báo cáo của [[ward.name]] từ [[report.start]].</p>", footnotes="", table_kind="")
    settings.REPORTS_PDF_QUEUE = celery_worker_process.queue
    pdf = report_pdf_request(report=report, requested_by=leader.user)
    assert AsyncResult(pdf.task_id).get(timeout=60) == PdfStatus.DONE
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.DONE and pdf.attempts == 1
    assert pdf.sha256 == hashlib.sha256(stored_bytes(pdf)).hexdigest()
    assert "phường Kim Trà" in PdfReader(pdf.file.path).pages[0].extract_text()
    assert celery_worker_process.process.poll() is None
