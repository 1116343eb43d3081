"""A report assembled for output: placeholders filled, footnotes placed at their calls, tables built,
HTML sanitised. The page preview and the PDF both render this one object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wards.formatting import vi_long_date
from wards.periods import DateRange

from .models import Report, ReportSection
from .placeholders import FOOTNOTE_CALL, PLACEHOLDER, PlaceholderError, fill, resolve
from .sanitize import clean_html
from .tables import Table, build_table


@dataclass
class AssembledSection:
    pk: int
    number: str
    heading: str
    level: int
    html: SafeString
    table_kind: str
    table: Table | None


@dataclass
class AssembledReport:
    report: Report
    number_line: str
    date_line: str
    issued_on: date
    sections: list[AssembledSection]
    appendices: list[tuple[int, Table]] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)

    @property
    def author(self) -> str:
        return self.report.ward.committee_name

    @property
    def title(self) -> str:
        return f"{self.report.title.capitalize()} {self.report.summary[:1].lower()}{self.report.summary[1:]}"

    @property
    def signer_name(self) -> str:
        signer = self.report.signer
        return f"{signer.last_name} {signer.first_name}".strip() if signer else ""

    @property
    def signature_field_name(self) -> str:
        username = self.report.signer.get_username() if self.report.signer else "lanh_dao"
        return "ChuKy_" + re.sub(r"[^A-Za-z0-9]+", "_", username)


def report_values(report: Report, issued_on: date) -> dict[str, str]:
    number = f"{report.number}/BC-{report.ward.document_code}" if report.number else None
    overrides: dict[str, object] = {"report.date": issued_on}
    if number:
        overrides["report.number"] = number
    return resolve(report.ward, DateRange(report.start, report.end), overrides)


def section_html(section: ReportSection, values: dict[str, str]) -> SafeString:
    """The section's text with its figures, and each footnote as an element at its call (the PDF
    floats it to the foot of the page; the page shows it inline)."""
    body = fill(clean_html(section.body), values)
    notes = [fill(escape(line), values) for line in section.footnote_lines]

    def footnote(match: re.Match[str]) -> str:
        call = FOOTNOTE_CALL.fullmatch(match.group(1))
        if call is None:
            return match.group(0)
        index = int(call.group(1)) - 1
        if not 0 <= index < len(notes):
            raise PlaceholderError([f"^{index + 1}"])
        return f'<span class="footnote">{notes[index]}</span>'

    return mark_safe(PLACEHOLDER.sub(footnote, body))  # noqa: S308 (sanitised above; values escaped by fill)


def assemble(report: Report) -> AssembledReport:
    issued_on = report.issued_on or timezone.localdate()
    values = report_values(report, issued_on)
    period = DateRange(report.start, report.end)
    sections = []
    appendices: list[tuple[int, Table]] = []
    missing: list[str] = []
    for section in report.sections.all():
        table = build_table(section.table_kind, report.ward, period) if section.table_kind else None
        if section.table_kind and table is None:
            missing.append(section.get_table_kind_display())
        if table is not None:
            appendices.append((len(appendices) + 1, table))
        sections.append(
            AssembledSection(
                pk=section.pk,
                number=section.number,
                heading=section.heading,
                level=section.level,
                html=section_html(section, values),
                table_kind=section.table_kind,
                table=table,
            )
        )
    number = report.number or "\u2003\u2003"
    return AssembledReport(
        report=report,
        number_line=f"Số: {number}/BC-{report.ward.document_code}",
        date_line=f"{report.ward.date_place}, {vi_long_date(issued_on)}",
        issued_on=issued_on,
        sections=sections,
        appendices=appendices,
        missing_tables=missing,
    )
