"""Reading and writing our sheets safely. An upload is checked as a ZIP archive before openpyxl sees it
(size, unpacked size, compression ratio), so that a small file that unpacks to hundreds of megabytes is
refused at once instead of keeping a worker busy; zipfile never reads more than the sizes it checked.
Text that a spreadsheet would take for a formula is written as text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .layout import FIRST_DATA_ROW, HEADER_ROW, TOTAL_LABEL, CellError, SheetLayout

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A filled sheet of a ward is a few dozen kilobytes, unpacking to well under a megabyte; these limits
# leave room for a register of thousands of rows and nothing near a decompression bomb.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 30 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 500
MAX_ROWS = 5_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SheetError(ValueError):
    """The file as a whole cannot be read as the expected sheet; the message is for the user."""


def check_archive(upload: IO[bytes]) -> None:
    """Refuse, before any parsing, a file too large, not a ZIP archive, or one that unpacks too far."""
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    if size > MAX_UPLOAD_BYTES:
        raise SheetError(_("The file is larger than 2 MB; a filled sheet is much smaller."))
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SheetError(_("This file is not an Excel .xlsx workbook.")) from None
    finally:
        upload.seek(0)
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(size, 1):
        raise SheetError(_("This workbook unpacks to far more data than a filled sheet holds; it is refused."))


def _write(sheet: Any, row: int, column: int, value: Any) -> Cell:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # openpyxl makes "=..." a formula; a spreadsheet would evaluate "+", "-", "@" once edited.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_workbook(
    layout: SheetLayout,
    *,
    params: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    totals: Mapping[str, Any] | None = None,
) -> bytes:
    """The sheet filled with `rows` (values keyed by column); `totals` are those of these rows."""
    with translation.override("vi"):
        return _workbook(layout, params, rows, totals)


def _workbook(
    layout: SheetLayout,
    params: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    totals: Mapping[str, Any] | None,
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = str(layout.sheet_name)[:31]
    _write(sheet, 1, 1, str(layout.title)).font = Font(bold=True)
    for index, column in enumerate(layout.params):
        _write(sheet, 2, 2 * index + 1, column.header())
        cell = _write(sheet, 2, 2 * index + 2, column.to_excel(params.get(column.key)))
        if column.kind == "date":
            cell.number_format = "DD/MM/YYYY"
    if layout.hint:
        _write(sheet, 3, 1, str(layout.hint)).font = Font(italic=True)
    for index, header in enumerate(layout.headers(), start=1):
        _write(sheet, HEADER_ROW, index, header).font = Font(bold=True)
    number = FIRST_DATA_ROW
    for number, values in enumerate(rows, start=FIRST_DATA_ROW):
        _write_row(sheet, layout, number, values)
    if totals is not None:
        number += 2
        _write(sheet, number, 1, TOTAL_LABEL).font = Font(bold=True)
        _write_row(sheet, layout, number, {key: value for key, value in totals.items() if key != layout.columns[0].key})
    for index, column in enumerate(layout.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=HEADER_ROW, column=index).column_letter].width = column.width
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_row(sheet: Any, layout: SheetLayout, number: int, values: Mapping[str, Any]) -> None:
    for index, column in enumerate(layout.columns, start=1):
        if column.key not in values:
            continue
        cell = _write(sheet, number, index, column.to_excel(values[column.key]))
        if column.kind == "date":
            cell.number_format = "DD/MM/YYYY"
        elif column.kind == "int":
            # Grouped thousands in every locale: Vietnamese Excel shows 145.788.
            cell.number_format = "#,##0"


@dataclass
class SheetRow:
    number: int
    values: dict[str, Any]
    errors: list[str] = field(default_factory=list)


@dataclass
class ParsedSheet:
    params: dict[str, Any]
    rows: list[SheetRow]


def where(number: int, name: str) -> str:
    return _("Row %(row)s (%(name)s)") % {"row": number, "name": name}


def first_sheet(book: Any) -> Any:
    """The sheet a person sees on opening the workbook: the first one not hidden (a re-saved workbook
    may keep a hidden lookup sheet before it). A read-only sheet forgets the dimensions the file
    states: an export that writes "A1" there would otherwise be read as its first column only."""
    sheet = next((sheet for sheet in book.worksheets if sheet.sheet_state == "visible"), book.worksheets[0])
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    return sheet


def read_workbook(upload: IO[bytes], layout: SheetLayout) -> ParsedSheet:
    """Read a filled sheet: file-level problems raise SheetError, each row keeps its own errors. Rows
    left entirely blank are skipped; a blank cell stays None."""
    check_archive(upload)
    try:
        book = load_workbook(upload, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SheetError(_("This file is not an Excel .xlsx workbook.")) from None
    try:
        sheet = first_sheet(book)
        grid = [tuple(row) for row in sheet.iter_rows(min_row=1, max_row=FIRST_DATA_ROW + MAX_ROWS)]
    finally:
        book.close()
    with translation.override("vi"):
        expected = layout.headers()
        found = [str(cell.value).strip() if cell.value is not None else "" for cell in _row(grid, HEADER_ROW)]
        if found[: len(expected)] != expected:
            raise SheetError(
                _("Row %(row)s must hold the headers of the sheet (%(first)s, ...). Download the sheet again.")
                % {"row": HEADER_ROW, "first": expected[0]}
            )
    params, problems = {}, []
    cells = _row(grid, 2)
    for index, column in enumerate(layout.params):
        cell = cells[2 * index + 1] if len(cells) > 2 * index + 1 else None
        try:
            params[column.key] = column.parse(cell)
        except CellError as error:
            name = _("Cell %(cell)s") % {"cell": f"{get_column_letter(2 * index + 2)}2"}
            problems.append(f"{name} ({column.title()}) {error}")
    if problems:
        raise SheetError(" ".join(problems))
    rows = []
    for number, cells in enumerate(grid[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        first = cells[0].value if cells else None
        if isinstance(first, str) and first.strip() == TOTAL_LABEL:
            break
        if all(getattr(cell, "value", None) in (None, "") for cell in cells):
            continue
        row = SheetRow(number=number, values={})
        for index, column in enumerate(layout.columns):
            cell = cells[index] if index < len(cells) else None
            try:
                row.values[column.key] = column.parse(cell)
            except CellError as error:
                row.values[column.key] = getattr(cell, "value", None)
                row.errors.append(f"{column.title()} {error}")
        rows.append(row)
    return ParsedSheet(params=params, rows=rows)


def _row(grid: list[tuple[Any, ...]], number: int) -> tuple[Any, ...]:
    return grid[number - 1] if len(grid) >= number else ()
