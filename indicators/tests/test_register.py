"""Documents issued from the outgoing-document register (Nghị định 30/2020 Phụ lục IV): type from the
ký hiệu with odd spellings, copies not counted, lines not classified listed, the range, overlap
refusal and replacement, the figure lock, and the permissions of the new pages."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from indicators.models import IndicatorValue
from indicators.register import classify
from indicators.services import indicator_values_save
from wards.models import FigureLock
from wards.periods import DateRange
from wards.tests.permissions import assert_permission_matrix, client_for

LINES = [
    ("12/QĐ-UBND", date(2025, 7, 3), "Quyết định về việc giao chỉ tiêu"),
    ("13/qđ-ubnd", "04/7/2025", "Quyết định thành lập tổ công tác"),
    ("5/KH-UBND", date(2025, 7, 5), "Kế hoạch triển khai"),
    ("6/TTr-UBND", date(2025, 7, 6), "Tờ trình đề nghị"),
    ("7/TB-UBND", date(2025, 7, 7), "Thông báo kết luận"),
    ("8/BC-UBND", date(2025, 7, 8), "Báo cáo tuần"),
    ("9/ĐA-UBND", date(2025, 7, 9), "Đề án"),
    ("45/UBND-VP", date(2025, 7, 10), "V/v cử cán bộ"),
    ("01/SY-UBND", date(2025, 7, 11), "Sao y Quyết định 12"),
    ("Không số", date(2025, 7, 12), "Ghi chú nội bộ"),
    ("14/QĐ-UBND", date(2026, 1, 2), "Quyết định năm sau"),
]
H2 = {"start": "2025-07-01", "end": "2025-12-31"}


def register(lines=LINES) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    sheet.merge_cells("A1:F1")
    heads = [
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Người ký",
        "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu",
    ]
    for column, text in enumerate(heads, start=1):
        sheet.cell(row=3, column=column, value=text)
        sheet.cell(row=4, column=column, value=f"({column})")
    for row, (symbol, day, title) in enumerate(lines, start=5):
        sheet.cell(row=row, column=1, value=symbol)
        sheet.cell(row=row, column=2, value=day)
        sheet.cell(row=row, column=3, value=title)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def url(ward, name: str) -> str:
    return reverse(f"indicators:{name}", kwargs={"ward": ward.slug})


def post(client, ward, content: bytes, **data):
    return client.post(url(ward, "register"), {"file": SimpleUploadedFile("so.xlsx", content), **data})


def counts(ward) -> dict[str, Decimal]:
    return {value.indicator.code: value.value for value in IndicatorValue.objects.filter(ward=ward)}


@pytest.mark.parametrize(
    ("symbol", "title", "code"),
    [
        ("12/QĐ-UBND", "", "docs.decisions"),
        ("12/qd-ubnd", "", "docs.decisions"),
        ("Số 3/TTr-UBND", "", "docs.submissions"),
        ("3/ttr-ubnd", "", "docs.submissions"),
        ("4/PA-UBND", "", "docs.schemes"),
        ("01/SY-UBND", "Sao y", "copy"),
        ("45/UBND-VP", "V/v họp", "docs.other"),
        ("x", "Báo cáo tháng", "docs.reports"),
        ("x", "Ghi chú", None),
    ],
)
def test_type_from_the_ky_hieu(symbol, title, code) -> None:
    assert classify(symbol, title) == code


def test_register_counted_by_type_for_the_range(ward, staff, catalogue_data) -> None:
    client = client_for(staff)
    body = post(client, ward, register(), **H2).content.decode()
    assert "upload-errors" not in body, body
    assert "Không số" in body  # the line that could not be classified is listed
    assert client.post(url(ward, "register_confirm")).status_code == 302
    assert counts(ward) == {
        "docs.decisions": 2,
        "docs.plans": 1,
        "docs.schemes": 1,
        "docs.notices": 1,
        "docs.submissions": 1,
        "docs.reports": 1,
        "docs.other": 1,
    }


def test_overlap_refused_unless_replaced(ward, staff, catalogue_data) -> None:
    indicator_values_save(
        ward=ward, period=DateRange(date(2025, 7, 1), date(2025, 9, 30)), values={"docs.decisions": Decimal(5)}
    )
    client = client_for(staff)
    body = post(client, ward, register(), **H2).content.decode()
    assert "01/07/2025 - 30/09/2025" in body and "upload-errors" in body
    assert client.post(url(ward, "register_confirm")).status_code == 302
    assert counts(ward) == {"docs.decisions": 5}
    assert "upload-errors" not in post(client, ward, register(), replace="on", **H2).content.decode()
    client.post(url(ward, "register_confirm"))
    assert counts(ward)["docs.decisions"] == 2
    assert not IndicatorValue.objects.filter(ward=ward, end=date(2025, 9, 30)).exists()


def test_the_figure_lock_is_respected(ward, staff, catalogue_data) -> None:
    FigureLock.objects.create(ward=ward, start=date(2025, 7, 1), end=date(2025, 12, 31), label="Báo cáo 6 tháng")
    body = post(client_for(staff), ward, register(), **H2).content.decode()
    assert "Báo cáo 6 tháng" in body
    assert "upload-errors" in body


def test_not_a_register(ward, staff) -> None:
    book = Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    assert "upload-plan" not in post(client_for(staff), ward, buffer.getvalue(), **H2).content.decode()


def test_register_pages_for_ward_roles_only(ward, staff, leader, home_affairs, other_staff) -> None:
    assert_permission_matrix(
        url(ward, "register"), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff
    )
    assert_permission_matrix(
        url(ward, "register_confirm"),
        allowed=[staff],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        ok_status=(302,),
    )
