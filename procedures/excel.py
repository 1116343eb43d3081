"""The week's entry sheet as .xlsx, and reading it back filled in. The sheet is Vietnamese whatever the
UI language, like the reports: the clerks exchange it with the one-stop centre's own spreadsheets."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from wards.periods import DateRange, PeriodError

from .models import COUNT_FIELDS, CaseVolume, ProcedureField

MAX_UPLOAD_BYTES = 1024 * 1024
HEADER_ROW = 4
FIRST_DATA_ROW = HEADER_ROW + 1
FIELD_HEADER = "Lĩnh vực"


class SheetError(ValueError):
    """The file as a whole cannot be read as an entry sheet; the message is for the user."""


def headers() -> list[str]:
    with translation.override("vi"):
        labels = [str(CaseVolume._meta.get_field(name).verbose_name) for name in COUNT_FIELDS]
    return [FIELD_HEADER, *(label[:1].upper() + label[1:] for label in labels)]


def week_workbook(period: DateRange, fields: list[ProcedureField], values: Mapping[int, Mapping[str, int]]) -> bytes:
    """The entry sheet of `period`, one row per field, prefilled with what is already entered."""
    book = Workbook()
    sheet = book.active
    sheet.title = "TTHC"
    sheet["A1"] = "Số liệu tiếp nhận, giải quyết thủ tục hành chính"
    sheet["A1"].font = Font(bold=True)
    sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"] = "Từ ngày", period.start, "Đến ngày", period.end
    sheet["B2"].number_format = sheet["D2"].number_format = "DD/MM/YYYY"
    for column, header in enumerate(headers(), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
    for row, procedure_field in enumerate(fields, start=FIRST_DATA_ROW):
        sheet.cell(row=row, column=1, value=procedure_field.name)
        entered = values.get(procedure_field.pk)
        for column, name in enumerate(COUNT_FIELDS, start=2):
            sheet.cell(row=row, column=column, value=entered[name] if entered else None)
    sheet.column_dimensions["A"].width = 50
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class SheetRow:
    number: int
    field: ProcedureField
    counts: dict[str, int]


@dataclass
class ParsedSheet:
    period: DateRange
    rows: list[SheetRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Dòng 7 (Chứng thực): ..."


def _as_date(value: object, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise SheetError(_("Cell %(cell)s must hold a date.") % {"cell": label})


def _as_count(value: object) -> int | None:
    """None for text and fractions, so that the row error names the cell."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def read_week(upload: IO[bytes], fields: list[ProcedureField]) -> ParsedSheet:
    """Read a filled entry sheet; file-level problems raise SheetError, row problems are collected."""
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise SheetError(_("This file is not an Excel .xlsx workbook.")) from None
    sheet = book.worksheets[0]
    grid = list(sheet.iter_rows(min_row=1, max_row=FIRST_DATA_ROW + 200, values_only=True))
    book.close()
    expected = headers()
    found = [
        str(value).strip() if value is not None else ""
        for value in (grid[HEADER_ROW - 1] if len(grid) >= HEADER_ROW else ())
    ]
    if found[: len(expected)] != expected:
        raise SheetError(
            _("Row %(row)s must hold the headers of the entry sheet (%(first)s, ...). Download the sheet again.")
            % {"row": HEADER_ROW, "first": FIELD_HEADER}
        )
    try:
        period = DateRange(_as_date(grid[1][1], "B2"), _as_date(grid[1][3], "D2"))
    except PeriodError as error:
        raise SheetError(str(error)) from None
    by_name = {f.name: f for f in fields}
    sheet_data = ParsedSheet(period=period)
    seen: set[int] = set()
    for number, row in enumerate(grid[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        if not row or all(value is None for value in row):
            continue
        name = str(row[0] or "").strip()
        where = _("Row %(row)s (%(field)s)") % {"row": number, "field": name or "—"}
        procedure_field = by_name.get(name)
        if procedure_field is None:
            sheet_data.errors.append(f"{where}: " + _("unknown field."))
            continue
        if procedure_field.pk in seen:
            sheet_data.errors.append(f"{where}: " + _("the field appears twice."))
            continue
        seen.add(procedure_field.pk)
        counts: dict[str, int] = {}
        for offset, (header, name_) in enumerate(zip(expected[1:], COUNT_FIELDS, strict=True), start=1):
            value = _as_count(row[offset] if offset < len(row) else None)
            if value is None:
                sheet_data.errors.append(
                    f"{where}: "
                    + _("%(column)s must be a whole number, not %(value)s.") % {"column": header, "value": row[offset]}
                )
            else:
                counts[name_] = value
        if len(counts) == len(COUNT_FIELDS):
            sheet_data.rows.append(SheetRow(number=number, field=procedure_field, counts=counts))
    return sheet_data
