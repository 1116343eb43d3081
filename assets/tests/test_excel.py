"""Excel round trips of the facilities register, the equipment list and spending: download, change,
dry run naming the change, save; a bad row names itself and nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from assets.models import EquipmentItem, Facility, Spending
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory
from wards.excel.layout import FIRST_DATA_ROW
from wards.tests.excel import data_rows, download, set_cell, upload
from wards.tests.locks import assert_upload_refused_under_lock, lock
from wards.tests.permissions import assert_permission_matrix, assert_upload_matrix, client_for

pytestmark = pytest.mark.django_db
SAVE = "Lưu các số liệu này"


def url(name: str, ward) -> str:
    return reverse(f"assets:{name}", kwargs={"ward": ward.slug})


@pytest.mark.parametrize("prefix", ["register", "equipment", "spending"])
def test_upload_pages_for_ward_roles_only(ward, staff, leader, home_affairs, other_staff, prefix) -> None:
    assert_upload_matrix(
        url(f"{prefix}_upload", ward),
        url(f"{prefix}_upload_confirm", ward),
        staff=staff,
        leader=leader,
        home_affairs=home_affairs,
        outsider=other_staff,
    )


@pytest.mark.parametrize("name", ["equipment_export", "spending_export"])
def test_sheets_for_every_role(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(url(name, ward), allowed=[staff, leader, home_affairs], outsider=other_staff)


def test_facilities_round_trip(ward, staff) -> None:
    office = FacilityFactory(ward=ward, name="Trụ sở UBND", land_m2=4_200, floor_m2=1_650)
    client = client_for(staff)
    sheet = download(client, url("export", ward) + "?date=2026-05-01")
    assert [row["Số trên cổng"] for row in data_rows(sheet)] == [office.pk]

    def edit(sheet) -> None:
        set_cell(sheet, FIRST_DATA_ROW, "Diện tích đất (m²)", 5_000)
        new = FIRST_DATA_ROW + 1
        for header, value in {
            "Tên": "Trạm y tế",
            "Mục đích sử dụng": "Cơ sở y tế",
            "Diện tích đất (m²)": 800,
            "Diện tích sàn nhà (m²)": 0,
            "Đã đo đạc": "có",
            "Có hồ sơ địa chính": "không",
            "Quản lý từ ngày": "01/07/2025",
            "Bố trí tạm thời": "không",
            "Trụ sở Ủy ban nhân dân": "không",
        }.items():
            set_cell(sheet, new, header, value)

    body = upload(client, url("register_upload", ward), sheet, edit)
    assert "Diện tích đất (m²): 4.200 → <strong>5.000</strong>" in body
    assert "thêm mới" in body and SAVE in body
    assert Facility.objects.count() == 1, "the dry run saves nothing"
    assert client.post(url("register_upload_confirm", ward)).status_code == 302
    office.refresh_from_db()
    assert office.land_m2 == 5_000
    assert Facility.objects.get(name="Trạm y tế").held_from == date(2025, 7, 1)


def test_facilities_bad_row_saves_nothing(ward, other_ward, staff) -> None:
    office = FacilityFactory(ward=ward, name="Trụ sở UBND", land_m2=4_200)
    stranger = FacilityFactory(ward=other_ward, name="Nơi khác")
    client = client_for(staff)
    sheet = download(client, url("export", ward) + "?date=2026-05-01")

    def edit(sheet) -> None:
        set_cell(sheet, FIRST_DATA_ROW, "Diện tích đất (m²)", 5_000)
        set_cell(sheet, FIRST_DATA_ROW, "Diện tích sàn nhà (m²)", "=B5*2")
        set_cell(sheet, FIRST_DATA_ROW + 1, "Số trên cổng", stranger.pk)
        set_cell(sheet, FIRST_DATA_ROW + 1, "Tên", "Chiếm chỗ")

    body = upload(client, url("register_upload", ward), sheet, edit)
    assert f"Dòng {FIRST_DATA_ROW} (Trụ sở UBND): Diện tích sàn nhà (m²) chứa công thức" in body
    assert (
        f"Dòng {FIRST_DATA_ROW + 1} (Chiếm chỗ): Số trên cổng {stranger.pk} không phải một dòng của phường này" in body
    )
    assert SAVE not in body
    assert client.post(url("register_upload_confirm", ward)).status_code == 302
    office.refresh_from_db()
    assert office.land_m2 == 4_200
    assert Facility.objects.filter(name="Chiếm chỗ").count() == 0


def test_filtered_export_escapes_formulas_and_totals_the_rows_written(ward, home_affairs) -> None:
    FacilityFactory(ward=ward, name='=HYPERLINK("http://x","bấm")', use="school", land_m2=12_000, floor_m2=2_300)
    FacilityFactory(ward=ward, name="Trụ sở UBND", land_m2=4_200, floor_m2=1_650)
    sheet = download(client_for(home_affairs), url("export", ward) + "?use=school&date=2026-05-01")
    rows = data_rows(sheet)
    assert [row["Tên"] for row in rows] == ['=HYPERLINK("http://x","bấm")']
    name = sheet.cell(row=FIRST_DATA_ROW, column=2)
    assert name.data_type == "s"
    totals = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Tổng cộng")
    assert 12_000 in totals and 2_300 in totals and 16_200 not in totals


def test_equipment_round_trip_and_bad_row(ward, staff) -> None:
    item = EquipmentItemFactory(ward=ward, kind="Máy tính", quantity=8)
    client = client_for(staff)
    sheet = download(client, url("equipment_export", ward))
    body = upload(client, url("equipment_upload", ward), sheet, lambda s: set_cell(s, FIRST_DATA_ROW, "Số lượng", 9))
    assert "Số lượng: 8 → <strong>9</strong>" in body
    assert client.post(url("equipment_upload_confirm", ward)).status_code == 302
    item.refresh_from_db()
    assert item.quantity == 9

    sheet = download(client, url("equipment_export", ward))
    body = upload(client, url("equipment_upload", ward), sheet, lambda s: set_cell(s, FIRST_DATA_ROW, "Số lượng", None))
    assert f"Dòng {FIRST_DATA_ROW} ({item.unit.name} - Máy tính): Số lượng đang để trống" in body
    assert SAVE not in body
    item.refresh_from_db()
    assert item.quantity == 9


def test_spending_round_trip_totals_and_overlap_in_the_sheet(ward, staff) -> None:
    entry = SpendingFactory(ward=ward, amount=1_000_000)
    client = client_for(staff)
    sheet = download(client, url("spending_export", ward) + "?start=2025-07-01&end=2025-12-31")
    assert data_rows(sheet)[0]["Số tiền (đồng)"] == 1_000_000
    body = upload(
        client,
        url("spending_upload", ward),
        sheet,
        lambda s: set_cell(s, FIRST_DATA_ROW, "Số tiền (đồng)", 18_749_464_101),
    )
    assert "1.000.000 → <strong>18.749.464.101</strong>" in body
    assert client.post(url("spending_upload_confirm", ward)).status_code == 302
    entry.refresh_from_db()
    assert entry.amount == 18_749_464_101

    def overlap(sheet) -> None:
        for header, value in {
            "Loại khoản chi": "Chi thường xuyên",
            "Từ ngày": "15/07/2025",
            "Đến ngày": "15/08/2025",
        }.items():
            set_cell(sheet, FIRST_DATA_ROW + 1, header, value)
        set_cell(sheet, FIRST_DATA_ROW + 1, "Số tiền (đồng)", 5)

    body = upload(client, url("spending_upload", ward), download(client, url("spending_export", ward)), overlap)
    assert f"Dòng {FIRST_DATA_ROW + 1}" in body
    assert SAVE not in body
    assert Spending.objects.count() == 1
    assert EquipmentItem.objects.count() == 0


def test_spending_in_a_locked_range_is_refused_by_the_dry_run_and_the_save(ward, staff) -> None:
    entry = SpendingFactory(ward=ward, start=date(2025, 7, 1), end=date(2025, 7, 31), amount=1_000_000)
    client = client_for(staff)
    assert_upload_refused_under_lock(
        client,
        upload_url=url("spending_upload", ward),
        confirm_url=url("spending_upload_confirm", ward),
        sheet=download(client, url("spending_export", ward) + "?start=2025-07-01&end=2025-12-31"),
        edit=lambda s: set_cell(s, FIRST_DATA_ROW, "Số tiền (đồng)", 2_000_000),
        locking=lambda: lock(ward, date(2025, 7, 1), date(2026, 5, 5)),
        row=FIRST_DATA_ROW,
    )
    entry.refresh_from_db()
    assert entry.amount == 1_000_000


def test_a_facility_handed_over_in_a_locked_range_is_refused_by_the_dry_run_and_the_save(ward, staff) -> None:
    office = FacilityFactory(ward=ward, name="Trụ sở cũ")
    client = client_for(staff)
    assert_upload_refused_under_lock(
        client,
        upload_url=url("register_upload", ward),
        confirm_url=url("register_upload_confirm", ward),
        sheet=download(client, url("export", ward) + "?date=2026-05-01"),
        edit=lambda s: set_cell(s, FIRST_DATA_ROW, "Quản lý đến ngày", "31/12/2025"),
        locking=lambda: lock(ward, date(2025, 7, 1), date(2026, 5, 5)),
        row=FIRST_DATA_ROW,
    )
    office.refresh_from_db()
    assert office.held_until is None


def test_a_lock_leaves_the_undated_rows_of_the_sheets_open(ward, staff) -> None:
    """The facilities register without a dated event, and the equipment list, are not dated: a lock over
    the whole first year refuses none of their rows."""
    office = FacilityFactory(ward=ward, name="Trụ sở UBND", land_m2=4_200)
    item = EquipmentItemFactory(ward=ward, kind="Máy tính", quantity=8)
    lock(ward, date(2025, 7, 1), date(2026, 5, 5))
    client = client_for(staff)
    for prefix, export, header, value in (
        ("register", url("export", ward) + "?date=2026-05-01", "Diện tích đất (m²)", 5_000),
        ("equipment", url("equipment_export", ward), "Số lượng", 9),
    ):
        sheet = download(client, export)
        set_cell(sheet, FIRST_DATA_ROW, header, value)
        body = upload(client, url(f"{prefix}_upload", ward), sheet)
        assert SAVE in body
        assert client.post(url(f"{prefix}_upload_confirm", ward)).status_code == 302
    office.refresh_from_db()
    item.refresh_from_db()
    assert (office.land_m2, item.quantity) == (5_000, 9)
