"""Sample files of form II.06a made by the tests, in the layouts one-stop systems export (not copies
of any real export): title rows, merged header cells over three rows, the numbering row, a totals row,
and optionally numbers stored as text; and the same re-saved by a spreadsheet program (shared strings,
styles, text cells, a hidden sheet, print settings)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from wards.tests.excel import with_shared_strings


@dataclass(frozen=True)
class Line:
    """One lĩnh vực of the form: columns (4) to (13) without the totals, which are computed."""

    name: str
    online: int = 0
    direct: int = 0
    carried: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    within: int = 0
    overdue: int = 0

    def cells(self) -> list[int]:
        received = self.online + self.direct + self.carried
        resolved = self.early + self.on_time + self.late
        pending = self.within + self.overdue
        return [
            received,
            self.online,
            self.direct,
            self.carried,
            resolved,
            self.early,
            self.on_time,
            self.late,
            pending,
            self.within,
            self.overdue,
        ]


def seed_week_lines() -> list[Line]:
    """The weekly seed as the one-stop system reports it: every case online and resolved on time; the
    cases returned for supplement are in progress for the form."""
    from procedures.demo import SEED_FIELDS, SEED_ROWS

    lines = []
    for name, (received, pending, supplement, *_rest) in zip(SEED_FIELDS, SEED_ROWS, strict=True):
        lines.append(Line(name, online=received, on_time=received - pending - supplement, within=pending + supplement))
    return lines


def form_06a(
    lines: Sequence[Line],
    *,
    period: str | None = "Kỳ báo cáo: Từ ngày 18/8/2025 đến ngày 23/8/2025",
    unit: str = "Đơn vị báo cáo: UBND phường Kim Trà",
    merged: bool = True,
    totals: str = "first",
    as_text: bool = False,
    title_rows: int = 3,
    resaved: bool = False,
) -> bytes:
    """The form as a one-stop system exports it; `resaved` as a clerk's spreadsheet program saves it
    again after opening it (see `resave`)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "II.06a"
    sheet["A1"] = "UBND PHƯỜNG KIM TRÀ"
    sheet["H1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    row = 2
    for index in range(title_rows):
        sheet.cell(
            row=row, column=1, value=["Biểu số II.06a/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC", ""][index % 3]
        )
        if index == 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=13)
        row += 1
    if period:
        sheet.cell(row=row, column=1, value=period)
        row += 1
    sheet.cell(row=row, column=1, value=unit)
    sheet.cell(row=row + 1, column=1, value="Đơn vị tính: Số hồ sơ TTHC")
    top = row + 3
    if merged:
        heads = {
            (0, 1): "STT",
            (0, 2): "Lĩnh vực giải quyết",
            (0, 3): "Tiếp nhận",
            (0, 7): "Số hồ sơ đã giải quyết",
            (0, 11): "Số hồ sơ đang giải quyết",
            (1, 3): "Tổng số",
            (1, 4): "Trong đó",
            (2, 4): "Trực tuyến",
            (2, 5): "Trực tiếp,\ndịch vụ bưu chính",
            (2, 6): "Từ kỳ trước",
            (1, 7): "Tổng số",
            (1, 8): "Trước hạn",
            (1, 9): "Đúng hạn",
            (1, 10): "Quá hạn",
            (1, 11): "Tổng số",
            (1, 12): "Trong hạn",
            (1, 13): "Quá hạn",
        }
        for (offset, column), text in heads.items():
            sheet.cell(row=top + offset, column=column, value=text)
        for rows, first, last in (
            ((0, 2), 1, 1),
            ((0, 2), 2, 2),
            ((0, 0), 3, 6),
            ((0, 0), 7, 10),
            ((0, 0), 11, 13),
            ((1, 2), 3, 3),
            ((1, 1), 4, 6),
            *(((1, 2), column, column) for column in range(7, 14)),
        ):
            sheet.merge_cells(start_row=top + rows[0], start_column=first, end_row=top + rows[1], end_column=last)
        bottom = top + 3
        for column in range(1, 14):
            sheet.cell(row=bottom, column=column, value=f"({column})")
    else:
        # One row of headings, no merged cells, no numbering row, columns in another order.
        heads = [
            "TT",
            "Lĩnh vực",
            "Tổng số tiếp nhận",
            "Tiếp nhận từ kỳ trước",
            "Tiếp nhận trực tuyến",
            "Tiếp nhận trực tiếp, dịch vụ bưu chính",
            "Đã giải quyết - Tổng số",
            "Đã giải quyết trước hạn",
            "Đã giải quyết đúng hạn",
            "Đã giải quyết quá hạn",
            "Đang giải quyết - Tổng số",
            "Đang giải quyết trong hạn",
            "Đang giải quyết quá hạn",
        ]
        for column, text in enumerate(heads, start=1):
            sheet.cell(row=top, column=column, value=text)
        bottom = top
    order = list(range(11)) if merged else [0, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10]
    sums = [sum(line.cells()[index] for line in lines) for index in range(11)]
    data = [[str(number), line.name, *line.cells()] for number, line in enumerate(lines, start=1)]
    total = ["", "Tổng cộng", *sums]
    body = [total, *data] if totals == "first" else [*data, total] if totals == "last" else data
    for offset, values in enumerate(body, start=1):
        sheet.cell(row=bottom + offset, column=1, value=values[0])
        sheet.cell(row=bottom + offset, column=2, value=values[1])
        for column, index in enumerate(order, start=3):
            value = values[2 + index]
            text = as_text or (resaved and column % 2 == 0)
            cell = sheet.cell(row=bottom + offset, column=column, value=str(value) if text else value)
            if text and resaved:
                cell.number_format = "@"  # a text cell: what a clerk's "12" typed over a figure becomes
    end = bottom + len(body) + 2
    sheet.cell(row=end, column=2, value="Người lập biểu")
    sheet.cell(row=end, column=10, value="THỦ TRƯỞNG ĐƠN VỊ")
    if resaved:
        resave(book, sheet, header=(top, bottom), last_row=end, last_column=13)
    buffer = io.BytesIO()
    book.save(buffer)
    return with_shared_strings(buffer.getvalue()) if resaved else buffer.getvalue()


def resave(book: Workbook, sheet: Worksheet, *, header: tuple[int, int], last_row: int, last_column: int) -> None:
    """What a spreadsheet program adds when a clerk opens an export and saves it again: styles on every
    header cell (the covered cells of a merged range become styled blanks), column widths, a print area
    and print titles, landscape pages, frozen header, and a hidden lookup sheet before the form. The text
    goes to shared strings when the file is written (`with_shared_strings`)."""
    edge = Side(style="thin")
    for row in sheet.iter_rows(min_row=header[0], max_row=header[1], max_col=last_column):
        for cell in row:
            cell.border = Border(left=edge, right=edge, top=edge, bottom=edge)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if not isinstance(cell, MergedCell):
                cell.font = Font(name="Times New Roman", bold=True, size=12)
    for column in range(1, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 30 if column == 2 else 11
    sheet.row_dimensions[header[0]].height = 32
    last = f"{get_column_letter(last_column)}{last_row}"
    sheet.print_area = f"A1:{last}"
    sheet.print_title_rows = f"{header[0]}:{header[1]}"
    sheet.page_setup.orientation = "landscape"
    sheet.freeze_panes = sheet.cell(row=header[1] + 1, column=3)
    lookup = book.create_sheet("DanhMuc", 0)
    lookup.sheet_state = "hidden"
    for number, name in enumerate(("Chứng thực", "Hộ tịch", "Đất đai"), start=1):
        lookup.cell(row=number, column=1, value=name)
    book.active = book.worksheets.index(sheet)
