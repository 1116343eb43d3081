"""The city's figures as an Excel workbook (/city/export.xlsx)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .matrix import Matrix
from .totals import Totals

# A cell starting with one of these is read by Excel as a formula (or DDE): write it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMAT = "#,##0"
RATE_FORMAT = "0.00"


def cell_value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _append(sheet: Worksheet, values: list[Any]) -> None:
    sheet.append([cell_value(value) for value in values])


def totals_headers() -> list[str]:
    return [
        _("Ward"),
        _("TTHC received"),
        _("resolved"),
        _("on time"),
        _("on-time rate (%)"),
        _("online rate (%)"),
        _("civil servants in post"),
        _("positions short"),
        _("facilities"),
        _("land (m²)"),
        _("floor (m²)"),
        _("development investment (đồng)"),
        _("recurrent spending (đồng)"),
        _("new equipment (đồng)"),
        _("spending (đồng)"),
    ]


def add_totals_sheet(book: Workbook, totals: Totals) -> None:
    sheet = book.create_sheet(_("Totals"))
    _append(sheet, [_("Figures summed across wards, %(range)s") % {"range": totals.period.label()}])
    sheet["A1"].font = Font(bold=True)
    _append(sheet, totals_headers())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in (*totals.rows, totals.total):
        _append(
            sheet,
            [
                str(row.ward) if row.ward else _("Total"),
                row.received,
                row.resolved,
                row.on_time,
                row.on_time_rate,
                row.online_rate,
                row.civil_servants,
                row.short,
                row.facilities,
                row.land_m2,
                row.floor_m2,
                row.development,
                row.recurrent,
                row.equipment,
                row.spending,
            ],
        )
    sheet[sheet.max_row][0].font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=3, min_col=2, max_col=15):
        for cell in cells:
            cell.number_format = RATE_FORMAT if cell.column in (5, 6) else NUMBER_FORMAT
    sheet.column_dimensions["A"].width = 28
    sheet.freeze_panes = "B3"


def add_matrix_sheet(book: Workbook, matrix: Matrix) -> None:
    sheet = book.create_sheet(_("Submissions"))
    _append(sheet, [str(matrix.regime)])
    sheet["A1"].font = Font(bold=True)
    _append(sheet, [_("Ward"), *(period.label() for period in matrix.periods), _("Complete"), _("On time")])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append(_("not expected"))
                continue
            late = _("late") if cell.cell.late else _("approved late") if cell.cell.approved_late else ""
            cells.append(f"{cell.state_label} ({late})" if late else cell.state_label)
        rates = row.rates
        _append(
            sheet,
            [str(row.ward), *cells, f"{rates.delivered}/{rates.expected}", f"{rates.on_time}/{rates.expected}"],
        )
    _append(sheet, [])
    _append(sheet, [matrix.regime.rule])
    sheet.column_dimensions["A"].width = 28


def workbook(totals: Totals, matrix: Matrix | None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    if matrix is not None:
        add_matrix_sheet(book, matrix)
    add_totals_sheet(book, totals)
    output = BytesIO()
    book.save(output)
    return output.getvalue()
