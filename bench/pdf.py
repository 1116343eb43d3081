"""Render time and peak memory of the report PDFs (issue 6, item 9).

Run as `.venv/bin/python bench/pdf.py [--runs N]`. On a scratch SQLite database with the demo data and
the stand-in seed providers, each report kind is rendered N times in a fresh child process (so its peak
resident memory is its own) by the steps of reports.pdf.report_pdf, timed one by one; the time spent
outside WeasyPrint is assembling the report, rendering its HTML template and adding the signature field.
Target: the one-year review in at most 1,5 s median and 400 MB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.5
TARGET_MB = 400


def setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kimtra_portal.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def prepare(database: Path) -> None:
    setup_django(database)
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.DEBUG = True  # load_demo refuses to run otherwise; this database is thrown away
    call_command("load_demo", verbosity=0)


def measure(database: Path, kind: str, runs: int) -> dict[str, object]:
    setup_django(database)
    from reports.assembly import assemble
    from reports.models import Report, ReportTemplate
    from reports.pdf import add_signature_field, element_box, render_document_from_html, report_html
    from reports.services import report_create
    from reports.tests.factories import ANNUAL_RANGE, WEEKLY_RANGE
    from reports.tests.seed_providers import seed_providers
    from wards.models import Ward

    ward = Ward.objects.get(slug="kim-tra")
    period = ANNUAL_RANGE if kind == "annual" else WEEKLY_RANGE
    template = ReportTemplate.objects.filter(kind=kind).order_by("pk").first()
    totals, weasy = [], []
    with seed_providers():
        report = Report.objects.filter(
            ward=ward, template=template, start=period.start, end=period.end
        ).first() or report_create(ward=ward, template=template, period=period, created_by=None)
        for _run in range(runs + 1):  # the first run warms caches (fonts, templates) and is not counted
            started = time.perf_counter()
            doc = assemble(report)
            html = report_html(doc)
            before_weasy = time.perf_counter()
            document = render_document_from_html(html)
            pdf = document.write_pdf()
            after_weasy = time.perf_counter()
            pdf = add_signature_field(pdf, doc.signature_field_name, element_box(document, "signature-room"))
            ended = time.perf_counter()
            totals.append(ended - started)
            weasy.append(after_weasy - before_weasy)
    totals, weasy = totals[1:], weasy[1:]
    return {
        "kind": kind,
        "runs": runs,
        "pages": len(document.pages),
        "bytes": len(pdf),
        "median_s": statistics.median(totals),
        "outside_share": 1 - sum(weasy) / sum(totals),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=["annual", "weekly"], help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.database, args.child, args.runs)))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "bench.sqlite3"
        env = {**os.environ, "MEDIA_ROOT": scratch}
        subprocess.run(  # noqa: S603 (this interpreter running this file)
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                f"from bench.pdf import prepare; from pathlib import Path; prepare(Path({str(database)!r}))",
            ],
            check=True,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        ok = True
        for kind in ("annual", "weekly"):
            out = subprocess.run(  # noqa: S603 (this interpreter running this file)
                [sys.executable, __file__, "--child", kind, "--runs", str(args.runs), "--database", str(database)],
                check=True,
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            line = (
                f"{kind:7} {result['pages']:2d} pages  median {result['median_s']:.3f} s over {result['runs']} runs  "
                f"peak {result['peak_mb']:.0f} MB  outside WeasyPrint {result['outside_share']:.1%}"
            )
            if kind == "annual":
                met = result["median_s"] <= TARGET_SECONDS and result["peak_mb"] <= TARGET_MB
                ok = ok and met
                line += f"  (target ≤ 1,5 s and ≤ {TARGET_MB} MB: {'met' if met else 'MISSED'})"
            print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
