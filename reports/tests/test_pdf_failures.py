"""The PDF's failure paths with the real services: a worker process killed mid-render, a broker that cannot
be reached. Each ends in a visible failure with the retry, or in a PDF made after recovery; never in a
request that waits forever."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from celery.result import AsyncResult
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports.models import PdfFailure, PdfStatus, ReportPdf
from reports.services import report_pdf_request
from reports.tests.factories import WEEKLY_RANGE, make_report
from reports.tests.test_pdf_jobs import domain_writes, urls
from wards.tests.permissions import client_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SMALL_BODY = "<p>Báo cáo của [[ward.name]] từ [[report.start]].</p>"
# Long enough that WeasyPrint is still at work when the test kills the worker (seconds, not milliseconds).
LONG_BODY = "<p>Báo cáo của [[ward.name]]: nội dung dài để tiến trình còn đang tạo tệp khi bị dừng.</p>" * 3000


def wait_for_status(pdf: ReportPdf, status: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait on the worker process (never a bare sleep) until the request reaches `status`."""
    for _tick in range(int(seconds / 0.05)):
        if ReportPdf.objects.filter(pk=pdf.pk, status=status).exists():
            return
        try:
            process.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the worker exited with {process.returncode} before the PDF was {status}")
    raise AssertionError(f"the PDF did not become {status} within {seconds} s")


def test_a_worker_killed_mid_render_ends_failed_and_a_retry_completes_on_a_new_worker(
    ward, leader, settings, catalogue_data, celery_worker_process
) -> None:
    settings.REPORTS_PDF_QUEUE = celery_worker_process.queue
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    report.sections.update(body=LONG_BODY, footnotes="", table_kind="")
    pdf = report_pdf_request(report=report, requested_by=leader.user)
    worker = celery_worker_process.process
    wait_for_status(pdf, PdfStatus.RUNNING, worker)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.RUNNING  # died mid-render: nobody will finish it

    client = client_for(leader)
    panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "hx-trigger" in panel and "Thử lại" not in panel
    with time_machine.travel(timezone.now() + timedelta(minutes=11), tick=False):
        client = client_for(leader)
        with CaptureQueriesContext(connection) as queries:
            panel = client.get(urls(report)["status"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "không còn phản hồi" in panel and "Thử lại" in panel and "hx-trigger" not in panel
        assert domain_writes(queries) == []
        report.sections.update(body=SMALL_BODY)
        # The retry gives the dead request up in the database and queues a new one, still without a worker.
        response = client.post(urls(report)["request"], HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="vi")
        assert "Đang chờ xử lý" in response.content.decode()
    pdf.refresh_from_db()
    assert (pdf.status, pdf.failure) == (PdfStatus.FAILED, PdfFailure.STALE)
    retry = report.pdfs.get(status=PdfStatus.QUEUED)

    celery_worker_process.restart()
    assert AsyncResult(retry.task_id).get(timeout=120) == PdfStatus.DONE
    retry.refresh_from_db()
    assert retry.status == PdfStatus.DONE and retry.size
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.FAILED  # the lost request stays given up
    assert "pdf-download" in client_for(leader).get(urls(report)["status"]).content.decode()


@pytest.fixture
def unreachable_broker() -> Iterator[str]:
    """The broker URL pointed at a closed port, as when Redis is stopped (the pools are made anew)."""
    from kimtra_portal.celery import app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = app.conf.broker_url
    url = f"redis://127.0.0.1:{port}/0"

    def reset_pools() -> None:
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.broker_url = url
    reset_pools()
    try:
        yield url
    finally:
        app.conf.broker_url = before
        reset_pools()


def test_a_request_while_redis_is_unreachable_ends_failed_with_a_reason(
    ward, leader, settings, catalogue_data, unreachable_broker
) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(leader)
    response = client.post(urls(report)["request"], HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    pdf = report.pdfs.get()
    assert (pdf.status, pdf.failure) == (PdfStatus.FAILED, PdfFailure.QUEUE)
    assert "111" in pdf.failure_detail or "refused" in pdf.failure_detail.lower()
    panel = response.content.decode()
    assert "hàng đợi xử lý" in panel and "Thử lại" in panel and "hx-trigger" not in panel
