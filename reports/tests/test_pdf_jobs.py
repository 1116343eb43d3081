"""PDF generation as a Celery task with a status record, kept versions and their downloads."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

import pytest
import time_machine
from celery.result import AsyncResult
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from pypdf import PdfReader

from reports import tasks
from reports.models import PdfFailure, PdfStatus, Report, ReportPdf
from reports.services import report_pdf_render, report_pdf_request
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db


def domain_writes(queries: CaptureQueriesContext) -> list[str]:
    """The INSERT, UPDATE and DELETE statements of a request but the session's: the sliding sign-out
    (SESSION_SAVE_EVERY_REQUEST) renews the session row on every request, a page view writes nothing else."""
    writes = ("INSERT", "UPDATE", "DELETE")
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(writes) and '"django_session"' not in query["sql"]
    ]


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
    assert 'hx-trigger="load delay:1s"' in panel and "progress-bar" in panel and "w-25" in panel
    assert "?poll=2" in panel
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
    assert "Thử lại" in panel and "hx-trigger" not in panel

    report.sections.filter(pk=section.pk).update(body=section.body)
    with django_capture_on_commit_callbacks(execute=True):
        retry = client.post(urls(report)["request"], HTTP_HX_REQUEST="true")
    assert retry.status_code == 200 and 'id="pdf-panel"' in retry.content.decode()
    assert "pdf-download" in client.get(urls(report)["status"]).content.decode()
    assert list(report.pdfs.values_list("status", flat=True)) == [PdfStatus.DONE, PdfStatus.FAILED]


def test_a_running_pdf_whose_worker_died_is_given_up_after_the_timeout(
    ward, seeds, staff, settings, django_capture_on_commit_callbacks
) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        pdf = ReportPdf.objects.create(
            report=report, requested_by=staff.user, status=PdfStatus.RUNNING, started_at=start, attempts=1
        )
    client = client_for(staff)
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "hx-trigger" in panel and "Thử lại" not in panel
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        # Shown given up, with the retry, and the polling stops; the row itself is not written by a GET.
        assert "10 phút" in panel and "Thử lại" in panel and "hx-trigger" not in panel
        pdf.refresh_from_db()
        assert pdf.status == PdfStatus.RUNNING
        # The retry is the write that gives the stale request up and queues a new one.
        with django_capture_on_commit_callbacks(execute=False):
            client.post(urls(report)["request"])
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED and pdf.failure == PdfFailure.STALE and pdf.failure_detail == "10"
    assert report.pdfs.filter(status=PdfStatus.QUEUED).count() == 1
    # The broker delivering the lost task late must not bring the given-up request back to life.
    report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED and pdf.attempts == 1


def test_a_stale_request_delivered_late_to_a_worker_is_given_up_there(ward, seeds, staff, settings) -> None:
    """Nobody retried; the worker that finally gets the task marks it failed, as the page already shows."""
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        pdf = ReportPdf.objects.create(report=report, requested_by=staff.user)
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert (pdf.status, pdf.failure, pdf.attempts) == (PdfStatus.FAILED, PdfFailure.STALE, 0)


def test_the_report_page_and_the_poll_write_nothing(ward, seeds, staff, settings) -> None:
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ReportPdf.objects.create(report=report, status=PdfStatus.RUNNING, started_at=start, attempts=1)
    with time_machine.travel(start + timedelta(minutes=30), tick=False):
        client = client_for(staff)
        for url in (urls(report)["detail"], urls(report)["status"], urls(report)["status"] + "?poll=4"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            assert domain_writes(queries) == [], url
            assert "Thử lại" in client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()


@pytest.mark.parametrize(
    ("poll", "delay", "following"),
    [(None, 1, 2), ("2", 2, 4), ("4", 4, 8), ("8", 8, 10), ("10", 10, 10), ("600", 10, 10), ("x", 1, 2)],
)
def test_the_panel_polls_with_backoff(ward, seeds, staff, poll, delay, following) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    ReportPdf.objects.create(report=report, status=PdfStatus.QUEUED)
    url = urls(report)["status"] + (f"?poll={poll}" if poll else "")
    panel = client_for(staff).get(url).content.decode()
    assert f'hx-trigger="load delay:{delay}s"' in panel and f"?poll={following}" in panel


def test_the_poll_queries_do_not_grow_with_versions(ward, seeds, staff, leader, django_assert_num_queries) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    ReportPdf.objects.create(report=report, status=PdfStatus.DONE, requested_by=staff.user)

    def add_versions() -> None:
        for user in (staff.user, leader.user) * 10:
            ReportPdf.objects.create(report=report, status=PdfStatus.FAILED, requested_by=user)
        ReportPdf.objects.create(report=report, status=PdfStatus.QUEUED, requested_by=leader.user)

    page = assert_queries_do_not_grow(
        client_for(staff), urls(report)["status"], add_versions, django_assert_num_queries
    )
    assert page.count("<tr>") == 22 + 1 and "load delay:1s" in page


def test_a_pdf_that_cannot_be_stored_ends_failed_with_a_retry(
    ward, seeds, leader, settings, tmp_path, caplog, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    # A disk that refuses: the media folder would have to be made inside a plain file.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(leader)
    with caplog.at_level(logging.ERROR, logger="reports.services"), django_capture_on_commit_callbacks(execute=True):
        client.post(urls(report)["request"])
    pdf = report.pdfs.get()
    assert (pdf.status, pdf.failure) == (PdfStatus.FAILED, PdfFailure.STORAGE)
    assert not pdf.file and pdf.finished_at is not None
    assert any(record.exc_info and "could not be stored" in record.getMessage() for record in caplog.records)
    panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "không lưu được trên máy chủ" in panel and "Thử lại" in panel and "hx-trigger" not in panel
    assert "Error" not in panel.split('id="pdf-failure"')[1].split("</div>")[0]


def test_a_render_error_shows_a_plain_reason_and_logs_the_details(
    ward, seeds, leader, monkeypatch, caplog, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    def broken(report):
        raise RuntimeError("cairo surface exploded")

    monkeypatch.setattr("reports.services.report_pdf", broken)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(leader)
    with caplog.at_level(logging.ERROR, logger="reports.services"), django_capture_on_commit_callbacks(execute=True):
        client.post(urls(report)["request"])
    pdf = report.pdfs.get()
    assert (pdf.status, pdf.failure) == (PdfStatus.FAILED, PdfFailure.ERROR)
    assert "cairo surface exploded" in pdf.failure_detail
    assert any(record.exc_info and "failed" in record.getMessage() for record in caplog.records)
    panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "do lỗi của cổng thông tin" in panel and "Thử lại" in panel and "cairo" not in panel


def test_a_broker_that_cannot_be_reached_fails_the_request_at_once(
    ward, seeds, leader, monkeypatch, caplog, django_capture_on_commit_callbacks
) -> None:
    def unreachable(*args, **kwargs):
        raise KombuOperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.render_report_pdf, "apply_async", unreachable)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(leader)
    with caplog.at_level(logging.ERROR, logger="reports.services"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls(report)["request"], HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="vi")
    pdf = report.pdfs.get()
    assert (pdf.status, pdf.failure) == (PdfStatus.FAILED, PdfFailure.QUEUE)
    assert any(record.exc_info and "could not be queued" in record.getMessage() for record in caplog.records)
    panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "hàng đợi xử lý" in panel and "Thử lại" in panel and "hx-trigger" not in panel
    assert response.status_code == 200


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
