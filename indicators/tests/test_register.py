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

from indicators.demo import DOCS_2025, H2_2025
from indicators.models import IndicatorValue
from indicators.register import classify
from indicators.services import indicator_values_save
from wards.models import FigureLock, ImportRecord
from wards.periods import DateRange
from wards.tests.excel import shares_strings
from wards.tests.factories import ImportRecordFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import assert_upload_matrix, client_for

from . import samples

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


def register(lines=LINES, **options) -> bytes:
    return samples.register(lines, **options)


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


@pytest.mark.parametrize("options", [{"resaved": True}, {"dimension": "A1"}])
def test_a_resaved_register_and_a_wrong_dimension_count_the_same(ward, staff, catalogue_data, options) -> None:
    content = register(**options)
    assert shares_strings(content) == bool(options.get("resaved"))
    client = client_for(staff)
    assert "upload-errors" not in post(client, ward, content, **H2).content.decode()
    client.post(url(ward, "register_confirm"))
    assert counts(ward)["docs.decisions"] == 2 and sum(counts(ward).values()) == 8


@pytest.mark.parametrize("resaved", [False, True])
def test_the_seed_half_year_register_gives_the_seed_counts(ward, staff, catalogue_data, resaved) -> None:
    """DESIGN §10, annual documents: 01/7-31/12/2025, 2.818 = QĐ 898, KH 257, PA/ĐA 04, TB 265, TTr 123,
    BC 281, other 990; the copies and the days just outside the half-year are left out."""
    content = register(samples.half_year_register(), resaved=resaved)
    client = client_for(staff)
    body = post(client, ward, content, start=H2_2025.start.isoformat(), end=H2_2025.end.isoformat()).content
    assert "upload-errors" not in body.decode()
    client.post(url(ward, "register_confirm"))
    values = IndicatorValue.objects.filter(ward=ward, start=H2_2025.start, end=H2_2025.end)
    assert {value.indicator.code: value.value for value in values} == {
        f"docs.{name}": Decimal(count) for name, count in DOCS_2025.items()
    }
    assert sum(value.value for value in values) == 2818
    record = ImportRecord.objects.get(ward=ward)
    assert (record.kind, record.start, record.end) == ("indicators_register", H2_2025.start, H2_2025.end)
    assert record.file.read() == content


def test_the_register_file_is_listed_on_the_indicators_page(ward, staff, catalogue_data) -> None:
    client = client_for(staff)
    post(client, ward, register(), **H2)
    client.post(url(ward, "register_confirm"))
    record = ImportRecord.objects.get()
    assert (record.imported_by, record.filename) == (staff.user, "so.xlsx")
    body = client.get(url(ward, "values") + "?start=2025-07-01&end=2025-12-31").content.decode()
    assert "so.xlsx" in body
    assert reverse("import_download", kwargs={"ward": ward.slug, "pk": record.pk}) in body


def test_the_imports_list_takes_the_same_queries_however_long(
    ward, staff, catalogue_data, django_assert_num_queries
) -> None:
    ImportRecordFactory(ward=ward, kind="indicators")
    body = assert_queries_do_not_grow(
        client_for(staff),
        url(ward, "values") + "?start=2025-07-01&end=2025-12-31",
        lambda: ImportRecordFactory.create_batch(6, ward=ward, kind="indicators_register"),
        django_assert_num_queries,
    )
    assert body.count('data-testid="import-row"') == 5


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
    assert_upload_matrix(
        url(ward, "register"),
        url(ward, "register_confirm"),
        staff=staff,
        leader=leader,
        home_affairs=home_affairs,
        outsider=other_staff,
    )
