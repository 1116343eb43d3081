"""Write the PDF of a ward's report of a kind and range to a file: the approved version, byte for byte, of a
report that was approved (issue 12 item 5), also once it is signed, since the signed file is the leader's
upload rather than what the portal issued; `--signed` asks for that upload instead. Otherwise a fresh
render by the same service as the web's worker (kept as a version too), of the ward's report of that
range, created from the template when there is none."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reports.models import PdfStatus, Report, ReportKind, ReportTemplate
from reports.services import report_create, report_pdf_make
from wards.models import Ward
from wards.periods import DateRange, PeriodError


class Command(BaseCommand):
    help = "Render the weekly or annual report of a ward and date range to a PDF file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--ward", required=True, help="ward slug, e.g. kim-tra")
        parser.add_argument("--kind", required=True, choices=[ReportKind.WEEKLY, ReportKind.ANNUAL])
        parser.add_argument("--start", required=True, type=date.fromisoformat)
        parser.add_argument("--end", required=True, type=date.fromisoformat)
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument(
            "--signed", action="store_true", help="write the signed upload of a signed report, not its approved version"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ward = Ward.objects.filter(slug=options["ward"]).first()
        if ward is None:
            raise CommandError(f"No ward with the slug {options['ward']!r}.")
        template = ReportTemplate.objects.filter(kind=options["kind"]).order_by("pk").first()
        if template is None:
            raise CommandError(f"No report template of kind {options['kind']!r}.")
        try:
            period = DateRange(options["start"], options["end"])
        except PeriodError as error:
            raise CommandError(str(error)) from error
        report = Report.objects.filter(
            ward=ward, template=template, start=period.start, end=period.end
        ).first() or report_create(ward=ward, template=template, period=period, created_by=None)
        if options["signed"]:
            if report.signed_pdf is None:
                raise CommandError(f"Report #{report.pk} has no signed version.")
            pdf = report.signed_pdf
        else:
            pdf = report.approved_pdf or report_pdf_make(report=report, requested_by=None)
        if pdf.status != PdfStatus.DONE:
            # The administrator running the command also gets the technical detail the page keeps for the log.
            detail = f" ({pdf.failure_detail})" if pdf.failure_detail else ""
            raise CommandError(f"{pdf.failure_message}{detail}")
        with pdf.file.open("rb") as stored:
            options["output"].write_bytes(stored.read())
        self.stdout.write(
            self.style.SUCCESS(f"{options['output']}: {pdf.size} bytes, SHA-256 {pdf.sha256}, report #{report.pk}")
        )
