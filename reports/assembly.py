"""A report assembled for output: placeholders filled, footnotes placed at their calls, tables built,
HTML sanitised. The page preview and the PDF both render this one object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wards.formatting import person_name, vi_body_date, vi_long_date
from wards.periods import DateRange

from .models import Report, ReportSection, ReportState
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
    issued_on: date | None
    sections: list[AssembledSection]
    appendices: list[tuple[int, Table]] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # every placeholder, formatted, as filled in

    @property
    def is_draft(self) -> bool:
        """Not yet approved: the PDF says so, and has neither number nor date."""
        return self.issued_on is None

    @property
    def author(self) -> str:
        return self.report.ward.committee_name

    @property
    def title(self) -> str:
        return f"{self.report.title.capitalize()} {self.report.summary[:1].lower()}{self.report.summary[1:]}"

    @property
    def recipient_lines(self) -> list[str]:
        """The recipients, the filing line ("Lưu: VT, VHXH.") closed with the drafter's initials as the
        Nghị định 30 filing line has them ("Lưu: VT, VHXH (TH).")."""
        lines = self.report.recipient_lines
        initials = self.report.drafter_initials.strip()
        if not initials or not lines or not lines[-1].startswith("Lưu"):
            return lines
        return [*lines[:-1], f"{lines[-1].rstrip('./ ')} ({initials})."]

    @property
    def number_text(self) -> str:
        """The number and symbol alone (4/BC-UBND), as an appendix cites its report."""
        return self.number_line.removeprefix("Số: ")

    @property
    def issued_on_text(self) -> str:
        return vi_body_date(self.issued_on) if self.issued_on else ""

    @property
    def body_sections(self) -> list[AssembledSection]:
        return self.sections[:-1] if self.closing_section else self.sections

    @property
    def closing_section(self) -> AssembledSection | None:
        """The closing paragraph ("Trên đây là ..."): the last section when it has no heading. The PDF keeps it
        on the page of the recipients and the signature, so that page never holds only them."""
        last = self.sections[-1] if self.sections else None
        return last if last is not None and not last.heading else None

    @property
    def signer_name(self) -> str:
        return person_name(self.report.signer)

    @property
    def signature_field_name(self) -> str:
        return self.report.signature_field_name


def issued(report: Report) -> bool:
    """Approved or later: the number and date are printed; before that the document is a draft."""
    return report.state in (ReportState.APPROVED, ReportState.SIGNED, ReportState.ACCEPTED) and bool(report.issued_on)


def report_values(report: Report, final: bool) -> dict[str, str]:
    overrides: dict[str, object] = {}
    if final:
        overrides = {"report.date": report.issued_on, "report.number": report.document_number}
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


def assemble(report: Report, *, final: bool | None = None) -> AssembledReport:
    """`final`: print the number and issue date (the approval makes its PDF before the state changes);
    by default, whether the report has been approved."""
    final = issued(report) if final is None else final
    issued_on = report.issued_on if final else None
    values = report_values(report, final)
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
    # A draft leaves the number and the day blank, as a paper draft does, until approval gives them.
    number = report.number if issued_on else "\u2003\u2003"
    blank = "\u2003\u2003"
    date_line = vi_long_date(issued_on) if issued_on else f"ngày {blank} tháng {blank} năm {timezone.localdate().year}"
    return AssembledReport(
        report=report,
        number_line=f"Số: {number}/BC-{report.ward.document_code}",
        date_line=f"{report.ward.date_place}, {date_line}",
        issued_on=issued_on,
        sections=sections,
        appendices=appendices,
        missing_tables=missing,
        values=values,
    )
