"""Median time and SQL query count of every main page, at 2 wards and at 40 (issue 11, item 6).

Run as `.venv/bin/python bench/pages.py [--runs N] [--scale 40]`, with DATABASE_URL naming a scratch
database (PostgreSQL: its tables are dropped and made again; without it, a scratch SQLite file). The demo
is loaded (2 wards), every page is timed through Django's test client with the whole middleware stack,
then `load_demo --scale` makes the city full size and every page is timed again. Each figure is also
printed as a ratio to a trivial view (a bare HttpResponse behind the same middleware) timed in the same
run, so that runs on a busy machine can be compared, with this process's CPU time and the database's
time beside the wall clock (on a shared machine the wall clock mostly measures the others' work).
The pages are timed in a process of their own, as a server worker serves them: the loading process keeps
the loader's objects, and every garbage collection there walked them (assets was 108 ms there, 75 ms apart).
Targets: the same query count at 2 and at 40 wards for every page; every median at most 100 ms, /city/
at most 150 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100
CITY_TARGET_MS = 150


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kimtra_portal.settings.test"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def fresh_database() -> None:
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)


def load_demo() -> None:
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = True  # load_demo refuses to run otherwise; this database is thrown away
    settings.DEMO_REPORTS = True  # the test settings leave the seed reports out; the pages need them
    call_command("load_demo", verbosity=1)
    settings.DEBUG = False


def load_scale(scale: int) -> None:
    """What `load_demo --scale` adds, without loading the first two wards' demo again."""
    from django.utils import timezone

    from demo import scale as generator
    from wards.models import Ward

    result = generator.load(Ward.objects.get(slug="kim-tra").city, scale, timezone.localdate())
    print(f"{result.created} wards made, {result.wards} in all: {result.rows}")


def pages() -> dict[str, tuple[str, str]]:
    """Page name → (user, URL)."""
    from django.urls import reverse
    from django.utils import timezone

    from reports.models import Report, ReportState, ReportTemplate
    from reports.services import report_create
    from wards.models import Ward
    from wards.periods import DateRange, PeriodKind

    today = timezone.localdate()
    year = DateRange(today - timedelta(days=364), today)
    ward = Ward.objects.get(slug="kim-tra")
    weekly = Report.objects.filter(ward=ward, template__code="bao-cao-tuan").order_by("-end")
    # What the leader reads (its sections filled in) and what the clerk edits (a form and a version for
    # each section); the draft is made on the first run if the demo has none, and found on the next.
    draft = weekly.filter(state=ReportState.DRAFT).first()
    if draft is None:
        template = ReportTemplate.objects.get(code="bao-cao-tuan")
        draft = report_create(ward=ward, template=template, period=PeriodKind.WEEK.containing(today), created_by=None)
    report = weekly.exclude(state=ReportState.DRAFT).first() or draft
    staff, city = "kimtra.canbo", "sonoivu"
    w = {"ward": ward.slug}
    return {
        "trivial view": (staff, "/bench-trivial/"),
        "ward dashboard": (staff, reverse("dashboard", kwargs=w)),
        "procedures, a year": (staff, f"{reverse('procedures:overview', kwargs=w)}?{year.query()}"),
        "staffing": (staff, f"{reverse('staffing:overview', kwargs=w)}?date={today.isoformat()}"),
        "assets": (staff, f"{reverse('assets:register', kwargs=w)}?date={today.isoformat()}"),
        "indicators, a year": (staff, f"{reverse('indicators:values', kwargs=w)}?{year.query()}"),
        "report page": (staff, reverse("reports:detail", kwargs={**w, "pk": report.pk})),
        "report page, draft": (staff, reverse("reports:detail", kwargs={**w, "pk": draft.pk})),
        # htmx: the preview that the report page loads once shown, with the figures panel out of band.
        "report preview, figures": (staff, reverse("reports:preview", kwargs={**w, "pk": draft.pk}) + HTMX),
        "/city/, 26 weeks": (city, f"{reverse('city:home')}?periods=26"),
        "/city/totals/, a year": (city, f"{reverse('city:totals')}?{year.query()}"),
    }


@dataclass(frozen=True)
class Figures:
    ms: float  # wall-clock median: what the reader waits, the figure the targets are about
    cpu_ms: float  # this process's CPU median: less sensitive to other work on a shared machine
    sql_ms: float  # the database's time in one request, as the connection measured it
    queries: int


HTMX = "#htmx"  # a URL ending so is asked for as htmx asks


def measure(runs: int) -> dict[str, Figures]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    results = {}
    for name, (user, url) in pages().items():
        if user not in clients:
            clients[user] = Client()
            clients[user].force_login(get_user_model().objects.get(username=user))
        client = clients[user]
        headers = {"HX-Request": "true"} if url.endswith(HTMX) else {}
        url = url.removesuffix(HTMX)
        for _ in range(2):  # warm the template and translation caches
            status = client.get(url, headers=headers).status_code
            if status != 200:
                raise SystemExit(f"{name}: {url} answered {status}")
        times, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url, headers=headers)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        with CaptureQueriesContext(connection) as queries:
            client.get(url, headers=headers)
        sql = sum(float(query["time"]) for query in queries.captured_queries)
        results[name] = Figures(
            ms=statistics.median(times) * 1000,
            cpu_ms=statistics.median(cpu) * 1000,
            sql_ms=sql * 1000,
            queries=len(queries),
        )
    return results


def measure_apart(runs: int) -> dict[str, Figures]:
    out = subprocess.run(  # noqa: S603 (this interpreter running this file)
        [sys.executable, __file__, "--measure-only", "--runs", str(runs)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return {name: Figures(**figures) for name, figures in json.loads(out.splitlines()[-1]).items()}


def serve_trivial_view() -> None:
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    from kimtra_portal import urls

    urls.urlpatterns.append(path("bench-trivial/", lambda request: HttpResponse("ok")))
    clear_url_caches()


def report(label: str, results: dict[str, Figures]) -> None:
    base = results["trivial view"]
    print(f"\n{label}")
    print(f"{'page':<24}{'median ms':>10}{'x trivial':>10}{'CPU ms':>8}{'SQL ms':>8}{'queries':>8}{'x trivial':>10}")
    for name, f in results.items():
        print(
            f"{name:<24}{f.ms:>10.1f}{f.ms / base.ms:>10.1f}{f.cpu_ms:>8.1f}{f.sql_ms:>8.1f}"
            f"{f.queries:>8}{f.queries / max(base.queries, 1):>10.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scale", type=int, default=40)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:  # the child of measure_apart: the database is loaded, the figures go out as JSON
        setup_django()
        serve_trivial_view()
        print(json.dumps({name: asdict(figures) for name, figures in measure(args.runs).items()}))
        return 0
    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)  # noqa: SIM115 (kept for the run)
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch.name}"
    media = tempfile.TemporaryDirectory()  # the demo's PDFs, thrown away with the database
    os.environ["MEDIA_ROOT"] = media.name
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    fresh_database()
    load_demo()
    small = measure_apart(args.runs)
    report("2 wards", small)
    started = time.monotonic()
    load_scale(args.scale)
    print(f"load_demo --scale {args.scale}: {time.monotonic() - started:.0f} s")
    large = measure_apart(args.runs)
    report(f"{args.scale} wards", large)
    failures = []
    print(f"\n{'page':<24}{'queries at 2':>13}{f'at {args.scale}':>8}  same")
    for name, f in large.items():
        same = f.queries == small[name].queries
        print(f"{name:<24}{small[name].queries:>13}{f.queries:>8}  {'yes' if same else 'NO'}")
        if not same:
            failures.append(f"{name}: {small[name].queries} queries at 2 wards, {f.queries} at {args.scale}")
        target = CITY_TARGET_MS if name.startswith("/city/,") else TARGET_MS
        if f.ms > target and name != "trivial view":
            failures.append(f"{name}: {f.ms:.0f} ms > {target} ms at {args.scale} wards")
    print("\n" + ("\n".join(failures) if failures else "all targets met"))
    if scratch is not None:
        Path(scratch.name).unlink()
    media.cleanup()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
