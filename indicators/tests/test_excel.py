"""Excel round trip of the indicators of a period: download, change, dry run naming the change,
save; a bad row names itself and nothing is saved; a blank value is left as it is, never 0."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorValue
from indicators.services import indicator_values_save
from wards.excel.layout import FIRST_DATA_ROW
from wards.periods import DateRange
from wards.tests.excel import data_rows, download, upload
from wards.tests.locks import assert_upload_refused_under_lock, lock
from wards.tests.permissions import assert_permission_matrix, assert_upload_matrix, client_for

pytestmark = pytest.mark.django_db
PERIOD = "?start=2025-07-01&end=2025-12-31"
SAVE = "Lưu các số liệu này"


def url(name: str, ward) -> str:
    return reverse(f"indicators:{name}", kwargs={"ward": ward.slug})


def test_permission_matrix(ward, staff, leader, home_affairs, other_staff) -> None:
    assert_permission_matrix(url("sheet", ward) + PERIOD, allowed=[staff, leader, home_affairs], outsider=other_staff)
    assert_upload_matrix(
        url("upload", ward),
        url("upload_confirm", ward),
        staff=staff,
        leader=leader,
        home_affairs=home_affairs,
        outsider=other_staff,
    )


def row_of(sheet, code: str) -> int:
    return next(FIRST_DATA_ROW + i for i, row in enumerate(data_rows(sheet)) if row["Mã"] == code)


def test_round_trip(ward, staff) -> None:
    indicator_values_save(ward=ward, period=DateRange(date(2025, 7, 1), date(2025, 12, 31)), values={"docs.plans": 250})
    client = client_for(staff)
    sheet = download(client, url("sheet", ward) + PERIOD)
    assert data_rows(sheet)[row_of(sheet, "docs.plans") - FIRST_DATA_ROW]["Giá trị"] == 250

    def edit(sheet) -> None:
        sheet.cell(row=row_of(sheet, "docs.plans"), column=4).value = 257
        sheet.cell(row=row_of(sheet, "digital.smartphone_users"), column=4).value = 80.5

    body = upload(client, url("upload", ward), sheet, edit)
    assert "Giá trị: 250 → <strong>257</strong>" in body
    assert "Giá trị: — → <strong>80,5</strong>" in body
    assert client.post(url("upload_confirm", ward)).status_code == 302
    values = dict(IndicatorValue.objects.filter(ward=ward).values_list("indicator__code", "value"))
    assert values == {"docs.plans": Decimal(257), "digital.smartphone_users": Decimal("80.5")}
    stock = IndicatorValue.objects.get(indicator__code="digital.smartphone_users")
    assert stock.start == stock.end == date(2025, 12, 31)


def test_bad_rows_save_nothing(ward, staff) -> None:
    client = client_for(staff)
    sheet = download(client, url("sheet", ward) + PERIOD)

    def edit(sheet) -> None:
        sheet.cell(row=row_of(sheet, "docs.plans"), column=4).value = "=1+1"
        sheet.cell(row=row_of(sheet, "digital.smartphone_users"), column=4).value = 120

    body = upload(client, url("upload", ward), sheet, edit)
    assert "Giá trị chứa công thức" in body
    assert "(Người dân sử dụng điện thoại thông minh): Giá trị: Tỷ lệ không được vượt quá 100%." in body
    assert SAVE not in body
    client.post(url("upload_confirm", ward))
    assert not IndicatorValue.objects.exists()


def test_a_locked_period_is_refused_by_the_dry_run_and_the_save(ward, staff) -> None:
    period = DateRange(date(2025, 7, 1), date(2025, 12, 31))
    indicator_values_save(ward=ward, period=period, values={"docs.plans": 250})
    client = client_for(staff)
    sheet = download(client, url("sheet", ward) + PERIOD)
    row = row_of(sheet, "docs.plans")
    assert_upload_refused_under_lock(
        client,
        upload_url=url("upload", ward),
        confirm_url=url("upload_confirm", ward),
        sheet=sheet,
        edit=lambda s: setattr(s.cell(row=row, column=4), "value", 257),
        locking=lambda: lock(ward, date(2025, 12, 1), date(2025, 12, 31)),
        row=row,
    )
    assert IndicatorValue.objects.get(ward=ward, indicator__code="docs.plans").value == 250
