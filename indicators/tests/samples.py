"""Sample outgoing-document registers (sổ đăng ký văn bản đi, Nghị định 30/2020 Phụ lục IV) made by the
tests, in the layout document systems export (not copies of any real export): a merged title, the
columns (1) to (6) with their numbering row, one line per document. `resaved` is the same file after a
clerk opened it in a spreadsheet program and saved it again."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from wards.tests.excel import with_shared_strings

HEADS = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
]
Line = tuple[str, Any, str]


def register(lines: Sequence[Line], *, resaved: bool = False, dimension: str | None = None) -> bytes:
    """`dimension` overrides the range the sheet states it covers, as some exporters write "A1"
    whatever the sheet holds."""
    book = Workbook()
    sheet = book.active
    sheet.title = "So van ban di"
    sheet["A1"] = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    sheet.merge_cells("A1:F1")
    for column, text in enumerate(HEADS, start=1):
        sheet.cell(row=3, column=column, value=text)
        sheet.cell(row=4, column=column, value=f"({column})")
    for row, (symbol, day, title) in enumerate(lines, start=5):
        sheet.cell(row=row, column=1, value=symbol)
        cell = sheet.cell(row=row, column=2, value=day)
        if resaved:
            # A spreadsheet keeps a date typed as text as text; a real date gets a date format.
            cell.number_format = "@" if isinstance(day, str) else "dd/mm/yyyy"
        sheet.cell(row=row, column=3, value=title)
        sheet.cell(row=row, column=4, value="Nguyễn Văn A")
    if resaved:
        _resave(book, sheet, last_row=4 + len(lines))
    buffer = io.BytesIO()
    book.save(buffer)
    content = with_shared_strings(buffer.getvalue()) if resaved else buffer.getvalue()
    return _with_dimension(content, dimension) if dimension else content


def _resave(book: Workbook, sheet: Any, *, last_row: int) -> None:
    edge = Side(style="thin")
    for row in sheet.iter_rows(min_row=1, max_row=4, max_col=6):
        for cell in row:
            cell.border = Border(left=edge, right=edge, top=edge, bottom=edge)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet["A1"].font = Font(bold=True, size=14)
    for letter, width in zip("ABCDEF", (18, 12, 60, 18, 30, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.print_area = f"A1:F{last_row}"
    sheet.print_title_rows = "3:4"
    sheet.auto_filter.ref = f"A4:F{last_row}"
    lookup = book.create_sheet("Loai van ban", 0)
    lookup.sheet_state = "hidden"
    for number, (abbreviation, name) in enumerate((("QĐ", "Quyết định"), ("KH", "Kế hoạch")), start=1):
        lookup.cell(row=number, column=1, value=abbreviation)
        lookup.cell(row=number, column=2, value=name)
    book.active = book.worksheets.index(sheet)


def _with_dimension(content: bytes, dimension: str) -> bytes:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), data)
            target.writestr(item.filename, data)
    return output.getvalue()


# The second half of 2025 as the seed reports it (DESIGN §10): 2.818 documents issued.
H2_2025_TYPES = {
    "QĐ": ("decisions", 898, "Quyết định về việc"),
    "KH": ("plans", 257, "Kế hoạch triển khai"),
    "PA": ("schemes", 2, "Phương án"),
    "ĐA": ("schemes", 2, "Đề án"),
    "TB": ("notices", 265, "Thông báo kết luận"),
    "TTr": ("submissions", 123, "Tờ trình đề nghị"),
    "BC": ("reports", 281, "Báo cáo tình hình"),
}
# The 990 others: công văn (issuer where the type would be), giấy mời, hợp đồng, nghị quyết...
H2_2025_OTHER = {"UBND-VP": 700, "GM": 150, "HĐ": 60, "CTr": 50, "BB": 30}


def half_year_register() -> list[Line]:
    """Every document of 01/7-31/12/2025, numbered per type as a register numbers them, in the spellings
    clerks use (lower case, "Số ...", a space after the slash), with copies and lines of the days just
    outside the half-year that must not be counted."""
    first, days = date(2025, 7, 1), 184
    kinds: list[tuple[str, str]] = []
    for abbreviation, (_name, count, title) in H2_2025_TYPES.items():
        kinds.extend([(f"{abbreviation}-UBND", title)] * count)
    for symbol, count in H2_2025_OTHER.items():
        kinds.extend([(symbol if symbol == "UBND-VP" else f"{symbol}-UBND", "V/v")] * count)
    lines: list[Line] = []
    for index, (symbol, title) in enumerate(kinds):
        number = index + 1
        spelled = _spelling(index, f"{number}/{symbol}")
        lines.append((spelled, first + timedelta(days=index * days // len(kinds)), f"{title} số {number}"))
    lines.extend(_outside())
    return lines


def _spelling(index: int, symbol: str) -> str:
    if index % 7 == 3:
        return symbol.lower()
    if index % 11 == 5:
        return f"Số {symbol}"
    if index % 13 == 6:
        return symbol.replace("/", "/ ")
    return symbol


def _outside() -> Iterable[Line]:
    yield ("900/QĐ-UBND", date(2025, 6, 30), "Quyết định ngày cuối quý II")
    yield ("1/QĐ-UBND", date(2026, 1, 1), "Quyết định năm mới")
    for number in range(1, 21):
        yield (f"{number}/SY-UBND", date(2025, 8, number), "Sao y Quyết định")
