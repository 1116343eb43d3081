"""Render a report of a ward and range straight to a PDF file, by the same code as the web: the
ward's report of that template and range, created from the template when there is none."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reports.models import Report, ReportKind, ReportTemplate
from reports.pdf import report_pdf
from reports.placeholders import PlaceholderError
from reports.services import report_create
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
        try:
            pdf = report_pdf(report)
        except PlaceholderError as error:
            raise CommandError(f"The report uses placeholders no app provides: {', '.join(error.keys)}") from error
        options["output"].write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"{options['output']}: {len(pdf)} bytes, report #{report.pk}"))
