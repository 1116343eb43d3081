"""The shared Excel mechanism: archive limits before parsing, formulas and text refused, blanks kept
blank, text that looks like a formula written as text, totals below the data never read back."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from wards.excel.io import MAX_UPLOAD_BYTES, SheetError, check_archive, read_workbook, write_workbook
from wards.excel.layout import FIRST_DATA_ROW, HEADER_ROW, Column, SheetLayout
from wards.excel.plan import ImportPlan, plan_row

LAYOUT = SheetLayout(
    sheet_name="Thử",
    title="Biểu thử",
    params=(Column("on", "Ngày", kind="date", required=True),),
    columns=(
        Column("name", "Tên", kind="text", required=True),
        Column("count", "Số lượng", max_value=1000),
        Column("share", "Tỷ lệ", kind="decimal", max_value=100),
        Column("ok", "Đạt", kind="bool"),
        Column("kind", "Loại", kind="choice", choices=(("a", "Loại A"), ("b", "Loại B"))),
    ),
    name_keys=("name",),
)


def sheet(rows: list[list[object]], on: object = date(2025, 8, 18)) -> io.BytesIO:
    content = write_workbook(LAYOUT, params={"on": on}, rows=[])
    book = load_workbook(io.BytesIO(content))
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            book.active.cell(row=FIRST_DATA_ROW + offset, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """418 KB in the issue's report; ours: 40 MB of zeros packed into about 40 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _index in range(40):
                member.write(chunk)
    return buffer.getvalue()


def test_a_decompression_bomb_is_refused_before_parsing_in_well_under_a_second(bomb: bytes) -> None:
    assert len(bomb) < 200 * 1024
    started = time.perf_counter()
    with pytest.raises(SheetError, match="giải nén"):
        read_workbook(io.BytesIO(bomb), LAYOUT)
    assert time.perf_counter() - started < 0.5


def test_too_large_and_not_a_zip_are_refused() -> None:
    with pytest.raises(SheetError, match="2 MB"):
        check_archive(io.BytesIO(b"0" * (MAX_UPLOAD_BYTES + 1)))
    with pytest.raises(SheetError, match="không phải là sổ tính Excel"):
        check_archive(io.BytesIO(b"name,count\n"))


def test_values_are_typed_and_a_blank_cell_stays_blank() -> None:
    parsed = read_workbook(
        sheet([["Một", 5, 4.5, "có", "Loại B"], ["Hai", None, None, "không", None], [None, None, None]]), LAYOUT
    )
    assert parsed.params == {"on": date(2025, 8, 18)}
    assert [row.values for row in parsed.rows] == [
        {"name": "Một", "count": 5, "share": Decimal("4.50"), "ok": True, "kind": "b"},
        {"name": "Hai", "count": None, "share": None, "ok": False, "kind": None},
    ]
    assert all(not row.errors for row in parsed.rows)


def test_formulas_text_in_numbers_and_bad_values_are_row_errors() -> None:
    parsed = read_workbook(
        sheet(
            [
                ["Một", "=1+2", 1, None, None],
                ["Hai", "bảy", 1.234, "có lẽ", "Loại C"],
                [None, -1, 101, None, None],
            ]
        ),
        LAYOUT,
    )
    # As the dry run shows them: each error after the row's number and name.
    errors = ImportPlan(title="", rows=[plan_row(LAYOUT, row, None, {}) for row in parsed.rows]).messages()
    assert (
        errors[0]
        == f"Dòng {FIRST_DATA_ROW} (Một): Số lượng chứa công thức; hãy nhập chính con số (sao chép rồi dán giá trị)."
    )
    assert f"Dòng {FIRST_DATA_ROW + 1} (Hai): Số lượng phải là số, không phải “bảy”." in errors
    assert f"Dòng {FIRST_DATA_ROW + 1} (Hai): Tỷ lệ có quá hai chữ số thập phân." in errors
    assert f"Dòng {FIRST_DATA_ROW + 1} (Hai): Đạt phải là “có” hoặc “không”." in errors
    assert f"Dòng {FIRST_DATA_ROW + 1} (Hai): Loại phải là một trong các giá trị: Loại A; Loại B." in errors
    assert f"Dòng {FIRST_DATA_ROW + 2} (—): Tên đang để trống; ô này bắt buộc phải điền." in errors
    assert f"Dòng {FIRST_DATA_ROW + 2} (—): Số lượng không được âm." in errors
    assert f"Dòng {FIRST_DATA_ROW + 2} (—): Tỷ lệ quá lớn, không hợp lý (tối đa 100)." in errors


def test_headers_and_parameters_are_checked() -> None:
    book = load_workbook(sheet([]))
    book.active.cell(row=HEADER_ROW, column=2, value="Khác")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SheetError, match="tiêu đề"):
        read_workbook(buffer, LAYOUT)
    with pytest.raises(SheetError, match="Ô B2 \\(Ngày\\) phải là ngày"):
        read_workbook(sheet([], on="hôm qua"), LAYOUT)
    assert read_workbook(sheet([], on="18/8/2025"), LAYOUT).params == {"on": date(2025, 8, 18)}


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+84 234", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_looks_like_a_formula_is_written_as_text(text: str) -> None:
    content = write_workbook(LAYOUT, params={"on": date(2025, 8, 18)}, rows=[{"name": text, "count": 1}])
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    cell = load_workbook(io.BytesIO(content)).active.cell(row=FIRST_DATA_ROW, column=1)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    # Read back as text too (surrounding blanks are trimmed as in every text cell).
    assert read_workbook(io.BytesIO(content), LAYOUT).rows[0].values["name"] == text.strip()


def test_totals_below_the_rows_are_not_read_back() -> None:
    content = write_workbook(
        LAYOUT,
        params={"on": date(2025, 8, 18)},
        rows=[{"name": "Một", "count": 2}, {"name": "Hai", "count": 3}],
        totals={"count": 5},
    )
    book = load_workbook(io.BytesIO(content))
    assert [book.active.cell(row=FIRST_DATA_ROW + 3, column=c).value for c in (1, 2)] == ["Tổng cộng", 5]
    assert [row.values["name"] for row in read_workbook(io.BytesIO(content), LAYOUT).rows] == ["Một", "Hai"]


def test_a_workbook_not_ours_is_refused() -> None:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(SheetError):
        read_workbook(buffer, LAYOUT)


def test_a_note_every_row_repeats_is_said_once_above_them() -> None:
    from wards.excel.plan import ImportPlan, PlanRow

    plan = ImportPlan(
        title="t",
        rows=[PlanRow(1, "a", notes=["same", "only a"]), PlanRow(2, "b", notes=["same"])],
    )
    plan.hoist_notes()
    assert plan.notes == ["same"]
    assert [row.notes for row in plan.rows] == [["only a"], []]
    single = ImportPlan(title="t", rows=[PlanRow(1, "a", notes=["mine"])])
    single.hoist_notes()
    assert (single.notes, single.rows[0].notes) == ([], ["mine"])
