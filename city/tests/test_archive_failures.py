"""The period ZIP's failure paths with the real services (as the PDF's, reports/tests/test_pdf_failures.py):
a worker process killed mid-way, a broker that cannot be reached. Each ends in a visible failure with the
retry, and the retry makes the ZIP once the services are back; never a request that waits forever."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from city.archive_models import ArchiveFailure
from city.models import ArchiveStatus, PeriodArchive
from reports.tests.conftest import media_root  # noqa: F401 (shared fixture: the worker reads the same folder)
from reports.tests.test_pdf_jobs import domain_writes
from wards.tests.permissions import client_for

from .test_archive import delivered, status_panel  # noqa: F401 (shared fixture)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

REQUEST = {"regime": "bao-cao-tuan", "start": "2025-08-18"}


def wait_for(archive_id: int, process: subprocess.Popen[bytes], seconds: float = 60, **state: object) -> None:
    """Wait on the worker process (never a bare sleep) until the archive is in `state`."""
    for _tick in range(int(seconds / 0.05)):
        if PeriodArchive.objects.filter(pk=archive_id, **state).exists():
            return
        try:
            process.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the worker exited with {process.returncode} before the archive was {state}")
    raise AssertionError(f"the archive did not reach {state} within {seconds} s")


def test_a_worker_killed_mid_zip_ends_failed_and_a_retry_completes_on_a_new_worker(
    weekly,
    home_affairs,
    delivered,  # noqa: F811 (the fixture of test_archive)
    settings,
    celery_worker_process,
) -> None:
    settings.REPORTS_PDF_QUEUE = celery_worker_process.queue
    settings.REPORTS_PDF_STALE_AFTER = timedelta(minutes=10)
    # The second PDF of the ZIP (Kim Trà's, after Hương Trà's) is a named pipe with no writer: the worker
    # blocks reading it, after it has packed the first, and is killed there, mid-way.
    signed = delivered["signed"]
    signed.refresh_from_db()
    path = signed.signed_pdf.file.path
    content = Path(path).read_bytes()
    os.remove(path)
    os.mkfifo(path)

    client = client_for(home_affairs)
    response = client.post(reverse("city:archive_request"), REQUEST)
    archive = PeriodArchive.objects.get()
    assert response["Location"] == reverse("city:archive", kwargs={"pk": archive.pk})
    worker = celery_worker_process.process
    wait_for(archive.pk, worker, status=ArchiveStatus.RUNNING, done=1, total=2)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    archive.refresh_from_db()
    assert archive.status == ArchiveStatus.RUNNING  # died mid-way: nobody will finish it

    panel = status_panel(client, archive)
    assert "hx-trigger" in panel and "Thử lại" not in panel and "1/2" in panel
    os.remove(path)
    Path(path).write_bytes(content)
    with time_machine.travel(timezone.now() + timedelta(minutes=11), tick=False):
        client = client_for(home_affairs)
        with CaptureQueriesContext(connection) as queries:
            panel = status_panel(client, archive)
        assert "không còn phản hồi" in panel and "Thử lại" in panel and "hx-trigger" not in panel
        assert domain_writes(queries) == []
        # The retry gives the dead request up in the database and queues a new one, still without a worker.
        retry = client.post(reverse("city:archive_request"), REQUEST)
    archive.refresh_from_db()
    assert (archive.status, archive.failure) == (ArchiveStatus.FAILED, ArchiveFailure.STALE)
    again = PeriodArchive.objects.get(status=ArchiveStatus.QUEUED)
    assert retry["Location"] == reverse("city:archive", kwargs={"pk": again.pk})

    worker = celery_worker_process.restart()
    wait_for(again.pk, worker, status=ArchiveStatus.DONE)
    again.refresh_from_db()
    assert (again.done, again.total) == (2, 2) and again.file
    archive.refresh_from_db()
    assert archive.status == ArchiveStatus.FAILED  # the lost request stays given up
    assert "archive-download" in status_panel(client_for(home_affairs), again)


@contextmanager
def unreachable_broker() -> Iterator[str]:
    """The broker URL pointed at a closed port, as when Redis is stopped (the pools are made anew); a
    context rather than a fixture, so that the test can bring Redis back."""
    from kimtra_portal.celery import app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = app.conf.broker_url

    def reset_pools() -> None:
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
    reset_pools()
    try:
        yield app.conf.broker_url
    finally:
        app.conf.broker_url = before
        reset_pools()


def test_a_zip_asked_for_while_redis_is_unreachable_ends_failed_and_the_retry_completes(
    weekly,
    home_affairs,
    delivered,  # noqa: F811 (the fixture of test_archive)
    settings,
    celery_worker_process,
) -> None:
    settings.REPORTS_PDF_QUEUE = celery_worker_process.queue
    client = client_for(home_affairs)
    with unreachable_broker():
        response = client.post(reverse("city:archive_request"), REQUEST)
    archive = PeriodArchive.objects.get()
    assert response["Location"] == reverse("city:archive", kwargs={"pk": archive.pk})
    assert (archive.status, archive.failure) == (ArchiveStatus.FAILED, ArchiveFailure.QUEUE)
    assert "111" in archive.failure_detail or "refused" in archive.failure_detail.lower()
    panel = status_panel(client, archive)
    assert "hàng đợi xử lý" in panel and "Thử lại" in panel and "hx-trigger" not in panel

    # Redis back: the retry is made by the worker.
    client.post(reverse("city:archive_request"), REQUEST)
    again = PeriodArchive.objects.exclude(pk=archive.pk).get()
    wait_for(again.pk, celery_worker_process.process, status=ArchiveStatus.DONE)
    assert "archive-download" in status_panel(client, again)
