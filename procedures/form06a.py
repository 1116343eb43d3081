"""Reading the national TTHC results form "Biểu số II.06a/VPCP/KSTT" (Thông tư 01/2020/TT-VPCP) as the
one-stop system exports it to Excel. The export is not our sheet: its title rows, merged header cells and
totals row vary from one system version to the next, so the header row and every column are found by
their headings, never by position, and the period is read from the line "Kỳ báo cáo: Từ ngày ... đến
ngày ...". Only what the form carries is read; `excel_06a.py` maps it onto our counts."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from wards.excel.io import MAX_ROWS, ParsedSheet, SheetError, SheetRow, check_archive, first_sheet
from wards.excel.layout import CellError

from .models import MAX_COUNT

# The form's header sits below a few title rows; no export puts it further down than this.
HEADER_SEARCH_ROWS = 40
HEADER_DEPTH = 5
TOTAL_WORDS = frozenset({"tổng cộng", "tổng số", "cộng", "tổng", "tổng chung"})
TT_WORDS = frozenset({"tt", "stt", "số tt", "số thứ tự"})
_DATE = r"(\d{1,2})\s*(?:[/.-]|tháng)\s*(\d{1,2})\s*(?:[/.-]|năm)\s*(\d{4})"
_PERIOD = re.compile(rf"từ ngày\s*{_DATE}\s*,?\s*đến ngày\s*{_DATE}")
_UNIT = re.compile(r"đơn vị báo cáo\s*:?\s*(.+)", re.IGNORECASE)
_NUMBERING = re.compile(r"\(?(\d{1,2})\)?")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


@dataclass(frozen=True)
class FormColumn:
    """One numbered column of the form: its group heading (Tiếp nhận, Đã giải quyết, Đang giải
    quyết) and the words of its own heading, tried in the order of FORM_COLUMNS."""

    key: str
    number: int
    group: str
    words: tuple[str, ...]
    label: Any
    required: bool = True


FORM_COLUMNS = (
    # The detail columns first: "Tổng số" is whatever of its group is not a detail.
    FormColumn("c6", 6, "received", ("kỳ trước",), gettext_lazy("(6) carried over from the previous period")),
    FormColumn("c4", 4, "received", ("trực tuyến",), gettext_lazy("(4) received online")),
    FormColumn("c5", 5, "received", ("trực tiếp", "bưu chính"), gettext_lazy("(5) received in person or by post")),
    FormColumn("c3", 3, "received", ("tổng",), gettext_lazy("(3) received, total"), required=False),
    FormColumn("c8", 8, "resolved", ("trước hạn",), gettext_lazy("(8) resolved before the deadline")),
    FormColumn("c9", 9, "resolved", ("đúng hạn",), gettext_lazy("(9) resolved on the deadline")),
    FormColumn("c10", 10, "resolved", ("quá hạn", "trễ hạn"), gettext_lazy("(10) resolved late")),
    FormColumn("c7", 7, "resolved", ("tổng",), gettext_lazy("(7) resolved, total"), required=False),
    FormColumn(
        "c12", 12, "pending", ("trong hạn", "chưa đến hạn"), gettext_lazy("(12) in progress, within the deadline")
    ),
    FormColumn("c13", 13, "pending", ("quá hạn", "trễ hạn"), gettext_lazy("(13) in progress, overdue")),
    FormColumn("c11", 11, "pending", ("tổng",), gettext_lazy("(11) in progress, total"), required=False),
)
BY_KEY = {column.key: column for column in FORM_COLUMNS}
BY_NUMBER = {column.number: column for column in FORM_COLUMNS}
# A total and the details it must equal.
TOTALS = {"c3": ("c4", "c5", "c6"), "c7": ("c8", "c9", "c10"), "c11": ("c12", "c13")}


def normal(value: Any) -> str:
    """Text compared the way a person reads it: composed Unicode (exports mix NFC and NFD), case and
    runs of white space (line breaks inside merged headings) ignored."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return " ".join(text.split()).strip(" .:;-\u2013")


def _group(path: str) -> str | None:
    # "Đã giải quyết" and "Đang giải quyết" contain "giải quyết" as the received group's
    # "Số hồ sơ nhận giải quyết" does, so they are tried first.
    if "đã giải quyết" in path:
        return "resolved"
    if "đang giải quyết" in path:
        return "pending"
    if "tiếp nhận" in path or "nhận giải quyết" in path or "hồ sơ nhận" in path:
        return "received"
    return None


def classify(headings: list[str]) -> FormColumn | None:
    """The form column whose headings (top to bottom, merged cells repeated) are `headings`."""
    path = " | ".join(headings)
    group = _group(path)
    if group is None:
        return None
    # The column's own heading is the lowest one; the group heading above it may mention words of a
    # detail ("Tiếp nhận trực tuyến và trực tiếp"), so it is read last.
    for heading in (*reversed(headings), path):
        for column in FORM_COLUMNS:
            if column.group == group and any(word in heading for word in column.words):
                return column
    return None


@dataclass
class Header:
    top: int  # 1-based rows
    bottom: int
    field_column: int  # 0-based
    tt_column: int | None
    columns: dict[str, int]


def _text(value: Any) -> str:
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def _numbering(values: list[Any]) -> dict[int, int] | None:
    """Column index → number when the row is the form's numbering row ("(1)", "(2)", ... or 1, 2, ...)."""
    numbers = {}
    for index, value in enumerate(values):
        if value in (None, ""):
            continue
        match = _NUMBERING.fullmatch(normal(value)) if not isinstance(value, float | int) else None
        number = int(value) if isinstance(value, int | float) and value == int(value) else None
        if match:
            number = int(match.group(1))
        if number is None:
            return None
        numbers[index] = number
    ordered = [numbers[index] for index in sorted(numbers)]
    if len(ordered) >= 5 and ordered == list(range(ordered[0], ordered[0] + len(ordered))):
        return numbers
    return None


class Grid:
    """The sheet's values, with each merged range's value readable from every cell it covers (the
    header only: a merged data cell is not copied into its neighbours)."""

    def __init__(self, sheet: Any) -> None:
        self.cells = [tuple(row) for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS + MAX_ROWS)]
        self.merged: dict[tuple[int, int], Any] = {}
        self.bottoms: dict[tuple[int, int], int] = {}
        for merged in sheet.merged_cells.ranges:
            if merged.min_row > HEADER_SEARCH_ROWS + HEADER_DEPTH:
                continue
            value = sheet.cell(row=merged.min_row, column=merged.min_col).value
            self.bottoms[(merged.min_row, merged.min_col - 1)] = merged.max_row
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col - 1, merged.max_col):
                    self.merged[(row, column)] = value

    @property
    def width(self) -> int:
        return max((len(row) for row in self.cells[: HEADER_SEARCH_ROWS + HEADER_DEPTH]), default=0)

    def raw(self, row: int, column: int) -> Any:
        cells = self.cells[row - 1] if 0 < row <= len(self.cells) else ()
        return cells[column].value if column < len(cells) else None

    def cell(self, row: int, column: int) -> Any:
        cells = self.cells[row - 1] if 0 < row <= len(self.cells) else ()
        return cells[column] if column < len(cells) else None

    def heading(self, row: int, column: int) -> Any:
        value = self.raw(row, column)
        return self.merged.get((row, column)) if value in (None, "") else value

    def row_values(self, row: int, *, merged: bool = False) -> list[Any]:
        read = self.heading if merged else self.raw
        return [read(row, column) for column in range(self.width)]


def find_header(grid: Grid) -> Header:
    field_at = None
    for row in range(1, min(len(grid.cells), HEADER_SEARCH_ROWS) + 1):
        for column in range(grid.width):
            text = normal(_text(grid.raw(row, column)))
            if text.startswith(("lĩnh vực", "tên lĩnh vực")) and len(text) < 40:
                field_at = (row, column)
                break
        if field_at:
            break
    if field_at is None:
        raise SheetError(
            _("This is not form II.06a: no column headed “Lĩnh vực” was found in the first %(rows)s rows.")
            % {"rows": HEADER_SEARCH_ROWS}
        )
    top, field_column = field_at
    bottom = grid.bottoms.get(field_at, top)
    numbers = None
    while bottom < top + HEADER_DEPTH:
        values = grid.row_values(bottom + 1)
        numbers = _numbering(values)
        if numbers is not None:
            bottom += 1
            break
        # A row of headings below a heading that is not merged down: its field cell is empty.
        texts = [value for value in values if isinstance(value, str) and value.strip()]
        if grid.raw(bottom + 1, field_column) in (None, "") and texts and not _numeric_row(values):
            bottom += 1
            continue
        break
    columns: dict[str, int] = {}
    twice = []
    for column in range(grid.width):
        if column == field_column:
            continue
        headings = [
            normal(_text(grid.heading(row, column)))
            for row in range(top, bottom + 1)
            if not (numbers is not None and row == bottom)
        ]
        found = classify([heading for heading in headings if heading])
        if found is None and numbers is not None and numbers.get(column) in BY_NUMBER:
            found = BY_NUMBER[numbers[column]]
        if found is None:
            continue
        if found.key in columns:
            twice.append(str(found.label))
        columns.setdefault(found.key, column)
    if twice:
        raise SheetError(_("These columns appear twice in the header: %(columns)s.") % {"columns": "; ".join(twice)})
    missing = [str(column.label) for column in FORM_COLUMNS if column.required and column.key not in columns]
    if missing:
        raise SheetError(
            _("The header of form II.06a (row %(row)s) lacks these columns: %(columns)s.")
            % {"row": top, "columns": "; ".join(missing)}
        )
    tt_column = next(
        (column for column in range(field_column) if normal(_text(grid.heading(top, column))) in TT_WORDS),
        None,
    )
    return Header(top=top, bottom=bottom, field_column=field_column, tt_column=tt_column, columns=columns)


def _numeric_row(values: Iterable[Any]) -> bool:
    return any(isinstance(value, int | float) and not isinstance(value, bool) for value in values)


def find_period(grid: Grid, header: Header) -> tuple[date, date] | None:
    """The period of "Kỳ báo cáo: Từ ngày 18/8/2025 đến ngày 23/8/2025" (or "... 18 tháng 8 năm
    2025 ..."), wherever the title rows put it, even split over several cells."""
    lines = [" ".join(_text(value) for value in grid.row_values(row)) for row in range(1, header.top)]
    for text in (*lines, " ".join(lines)):
        match = _PERIOD.search(normal(text))
        if match:
            day1, month1, year1, day2, month2, year2 = (int(part) for part in match.groups())
            try:
                return date(year1, month1, day1), date(year2, month2, day2)
            except ValueError:
                raise SheetError(
                    _("The reporting period of the form (“%(text)s”) is not a real date.") % {"text": match.group(0)}
                ) from None
    return None


def find_unit(grid: Grid, header: Header) -> str:
    for row in range(1, header.top):
        for value in grid.row_values(row):
            match = _UNIT.search(unicodedata.normalize("NFC", _text(value)))
            if match and match.group(1).strip():
                return " ".join(match.group(1).split())
    return ""


def _figure_like(cell: Any) -> bool:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return True
    if isinstance(value, str):
        return bool(re.fullmatch(r"[\d.,\s\xa0-]+", value)) and any(char.isdigit() for char in value)
    return isinstance(value, int | float) and not isinstance(value, bool)


def count(cell: Any) -> int | None:
    """A count as the export holds it: a number, or a number stored as text ("12", "1.234"); blank
    is None (never zero). A formula or any other text is refused."""
    if getattr(cell, "data_type", None) == "f":
        raise CellError(_("holds a formula; type the figure itself (copy, then paste values only)."))
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        text = value.replace("\xa0", " ").strip().replace(" ", "")
        if text == "":
            return None
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "").replace(",", "")
        if not text.isdigit():
            raise CellError(_("must be a number, not “%(value)s”.") % {"value": value.strip()})
        value = int(text)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CellError(_("must be a number, not “%(value)s”.") % {"value": value})
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("must be a whole number, not %(value)s.") % {"value": value})
        value = int(value)
    if value < 0:
        raise CellError(_("cannot be negative."))
    if value > MAX_COUNT:
        raise CellError(_("is too large to be right (at most %(max)s).") % {"max": MAX_COUNT})
    return value


def read_form(upload: IO[bytes]) -> ParsedSheet:
    """The form's rows by lĩnh vực: values "field" (the name as written) and c3 ... c13; params
    "start" and "end" from the header (None when it has no period) and "unit"."""
    check_archive(upload)
    try:
        # Not read-only: the merged header cells are only known to a fully loaded sheet; the archive
        # check above bounds what that costs.
        book = load_workbook(upload, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SheetError(_("This file is not an Excel .xlsx workbook.")) from None
    try:
        grid = Grid(first_sheet(book))
    finally:
        book.close()
    header = find_header(grid)
    period = find_period(grid, header)
    rows = []
    for number in range(header.bottom + 1, len(grid.cells) + 1):
        name = " ".join(_text(grid.raw(number, header.field_column)).split())
        tt = _text(grid.raw(number, header.tt_column)) if header.tt_column is not None else ""
        if normal(name) in TOTAL_WORDS or normal(tt) in TOTAL_WORDS:
            continue  # the totals row: the portal adds up the fields itself
        cells = [grid.cell(number, column) for column in header.columns.values()]
        if not any(_figure_like(cell) for cell in cells):
            continue  # a heading, a blank or a signature line ("Người lập biểu"): no figures
        row = SheetRow(number=number, values={"field": name})
        failed = set()
        for key, column in header.columns.items():
            cell = grid.cell(number, column)
            try:
                row.values[key] = count(cell)
            except CellError as error:
                row.values[key] = _text(getattr(cell, "value", None))
                if BY_KEY[key].required:
                    failed.add(key)
                    row.errors.append(f"{BY_KEY[key].label} ({get_column_letter(column + 1)}{number}) {error}")
                else:
                    # A total is only checked, never taken: a formula there does no harm.
                    row.values[key] = None
        if not name:
            row.errors.append(_("the row has figures but no field name."))
        for key in (column.key for column in FORM_COLUMNS if column.required):
            if key not in failed and row.values.get(key) is None:
                row.errors.append(
                    _("%(column)s is blank; the form writes 0 where there are none.") % {"column": BY_KEY[key].label}
                )
        if not row.errors:
            for total, parts in TOTALS.items():
                if row.values.get(total) is not None and row.values[total] != sum(row.values[key] for key in parts):
                    row.errors.append(
                        _("%(total)s is %(value)s, but its columns add up to %(sum)s.")
                        % {
                            "total": BY_KEY[total].label,
                            "value": row.values[total],
                            "sum": sum(row.values[key] for key in parts),
                        }
                    )
        rows.append(row)
    start, end = period or (None, None)
    return ParsedSheet(params={"start": start, "end": end, "unit": find_unit(grid, header)}, rows=rows)
