"""A batch of weekly PDFs through Celery with 2 worker processes against one (issue 11, item 6).

Run as `.venv/bin/python bench/pdf_batch.py [--count 40]` with DATABASE_URL naming a scratch PostgreSQL
database (its tables are dropped and made again) and REDIS_URL a broker. The demo figures are loaded and
`--count` draft weekly reports of Kim Trà made (consecutive weeks before the seed week). One PDF is first
made in this process by the worker's own code path (report_pdf_make), a few times, for its median. Then
for each concurrency (1, then 2) a real `celery worker --pool=prefork` starts on a queue of its own, makes
one PDF per process untimed (fonts and templates loaded), and the whole batch is queued at once and timed
until the last PDF is done.
Target: with 2 processes the batch takes at most (count x one PDF) / 1,8.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SPEED_UP = 1.8


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kimtra_portal.settings.test"
    import django

    django.setup()


def prepare(count: int) -> list[int]:
    """A fresh database with the demo figures and `count` draft weekly reports; their ids."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from reports.models import ReportTemplate
    from reports.services import report_create
    from reports.tests.factories import WEEKLY_RANGE
    from wards.models import Ward
    from wards.periods import DateRange

    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    settings.DEBUG = True  # load_demo refuses to run otherwise; this database is thrown away
    call_command("load_demo", verbosity=0)  # the test settings leave the demo's reports (and their PDFs) out
    settings.DEBUG = False
    ward = Ward.objects.get(slug="kim-tra")
    template = ReportTemplate.objects.get(code="bao-cao-tuan")
    weeks = [
        DateRange(WEEKLY_RANGE.start - timedelta(weeks=n), WEEKLY_RANGE.end - timedelta(weeks=n)) for n in range(count)
    ]
    return [report_create(ward=ward, template=template, period=week, created_by=None).pk for week in weeks]


def one_pdf_seconds(report_id: int, runs: int) -> float:
    from reports.models import PdfStatus, Report
    from reports.services import report_pdf_make

    report = Report.objects.get(pk=report_id)
    times = []
    for _run in range(runs + 1):  # the first run loads fonts and templates and is not counted
        started = time.perf_counter()
        pdf = report_pdf_make(report=report, requested_by=None)
        times.append(time.perf_counter() - started)
        if pdf.status != PdfStatus.DONE:
            raise SystemExit(f"the PDF could not be made: {pdf.failure_message}")
    return statistics.median(times[1:])


def start_worker(concurrency: int) -> tuple[str, subprocess.Popen[bytes]]:
    from django.db import connection

    from kimtra_portal.celery import app

    db = connection.settings_dict
    database_url = (
        f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{db['HOST'] or 'localhost'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )
    queue = f"bench-{uuid.uuid4().hex[:12]}"
    node = f"{queue}@localhost"
    process = subprocess.Popen(  # noqa: S603 (this interpreter running Celery)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kimtra_portal",
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--loglevel=WARNING",
            "-Q",
            queue,
            "-n",
            node,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
    )
    for _attempt in range(120):
        if process.poll() is not None:
            raise SystemExit(f"celery worker exited with {process.returncode}")
        if app.control.ping(destination=[node], timeout=0.5):
            return queue, process
    process.terminate()
    raise SystemExit("celery worker did not answer within 60 s")


def most_at_once(pdf_ids: list[int]) -> int:
    """The most PDFs being made at the same moment, from their start and finish times: 2 shows that both
    worker processes did work side by side."""
    from reports.models import ReportPdf

    moments = []
    for started, finished in ReportPdf.objects.filter(pk__in=pdf_ids).values_list("started_at", "finished_at"):
        moments += [(started, 1), (finished, -1)]
    running = peak = 0
    for _moment, step in sorted(moments, key=lambda moment: (moment[0], moment[1])):
        running += step
        peak = max(peak, running)
    return peak


def run_batch(report_ids: list[int], queue: str) -> tuple[float, int]:
    """Queue a PDF of every report at once; the seconds until the last one is done, and the most made
    at once."""
    from celery.result import AsyncResult
    from django.conf import settings

    from reports.models import PdfStatus, Report
    from reports.services import report_pdf_request

    settings.REPORTS_PDF_QUEUE = queue
    reports = list(Report.objects.filter(pk__in=report_ids))
    started = time.perf_counter()
    pdfs = [report_pdf_request(report=report, requested_by=None) for report in reports]  # each commits: queued
    for pdf in pdfs:
        status = AsyncResult(pdf.task_id).get(timeout=600)
        if status != PdfStatus.DONE:
            raise SystemExit(f"PDF {pdf.pk} ended {status}")
    return time.perf_counter() - started, most_at_once([pdf.pk for pdf in pdfs])


def batch_seconds(report_ids: list[int], concurrency: int) -> tuple[float, int]:
    queue, process = start_worker(concurrency)
    try:
        run_batch(report_ids[:concurrency], queue)  # one PDF per worker process, untimed
        return run_batch(report_ids, queue)
    finally:
        process.terminate()  # warm shutdown: the processes finish what they hold
        process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="weekly PDFs in the batch (40)")
    parser.add_argument("--runs", type=int, default=3, help="in-process renders for the one-PDF median (3)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        raise SystemExit("DATABASE_URL must name a scratch PostgreSQL database and REDIS_URL a broker")
    media = tempfile.TemporaryDirectory()  # the PDFs, shared with the worker through the environment
    os.environ["MEDIA_ROOT"] = media.name
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; {os.cpu_count()} cores (shared)")
    report_ids = prepare(args.count)
    one = one_pdf_seconds(report_ids[0], args.runs)
    print(f"one weekly PDF in this process: median {one:.2f} s over {args.runs} runs")
    for concurrency in (1, 2):
        print(f"load average before {concurrency} process(es): {os.getloadavg()[0]:.1f}")
        seconds, at_once = batch_seconds(report_ids, concurrency)
        print(
            f"{args.count} PDFs, {concurrency} worker process(es): {seconds:.1f} s "
            f"({seconds / args.count:.2f} s each, at most {at_once} at once)"
        )
        if concurrency == 1:
            single = seconds
    double = seconds
    target = args.count * one / SPEED_UP
    met = double <= target
    print(f"2 processes against 1: {single / double:.2f} times as fast")
    print(
        f"target ({args.count} x {one:.2f} s) / 1,8 = {target:.1f} s: {double:.1f} s is "
        f"{double / target:.2f} of it, {'met' if met else 'MISSED'}"
    )
    media.cleanup()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
