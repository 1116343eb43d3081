from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assets.models import Facility, FacilityUse, Spending
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory
from wards.periods import DateRange
from wards.tests.excel import data_rows
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db


def url(name: str, ward, **kwargs) -> str:
    return reverse(f"assets:{name}", kwargs={"ward": ward.slug, **kwargs})


@pytest.mark.parametrize("name", ["register", "export", "equipment", "spending", "history"])
def test_read_pages_permission_matrix(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(url(name, ward), allowed=[staff, leader, home_affairs], outsider=other_staff)


@pytest.mark.parametrize("name", ["facility_add", "equipment_add", "spending_add"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_add_pages_permission_matrix(ward, staff, leader, home_affairs, other_staff, name, method) -> None:
    assert_permission_matrix(
        url(name, ward), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff, method=method
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_edit_pages_permission_matrix(ward, staff, leader, home_affairs, other_staff, method) -> None:
    facility = FacilityFactory(ward=ward)
    item = EquipmentItemFactory(ward=ward)
    spending = SpendingFactory(ward=ward)
    for name, pk in (("facility_edit", facility.pk), ("equipment_edit", item.pk), ("spending_edit", spending.pk)):
        assert_permission_matrix(
            url(name, ward, pk=pk),
            allowed=[staff, leader],
            forbidden=[home_affairs],
            outsider=other_staff,
            method=method,
        )


def test_a_record_of_another_ward_is_not_found_through_ones_own_ward(ward, staff, other_ward) -> None:
    foreign = FacilityFactory(ward=other_ward)
    response = client_for(staff).get(url("facility_edit", ward, pk=foreign.pk))
    assert response.status_code == 404


def test_home_affairs_writes_nothing(ward, home_affairs) -> None:
    client = client_for(home_affairs)
    response = client.post(
        url("facility_add", ward),
        {"name": "X", "use": "office", "land_m2": "1", "floor_m2": "1", "held_from": "2025-07-01"},
    )
    assert response.status_code == 403
    assert not Facility.objects.exists()
    page = client.get(url("register", ward)).content.decode()
    assert url("facility_add", ward) not in page


def test_register_shows_totals_and_filters(ward, staff) -> None:
    FacilityFactory(ward=ward, name="Trường THCS Hương Xuân", use=FacilityUse.SCHOOL, land_m2=12_000, floor_m2=2_300)
    FacilityFactory(ward=ward, name="Trụ sở UBND", use=FacilityUse.OFFICE, land_m2=4_200, floor_m2=1_650)
    client = client_for(staff)

    page = client.get(url("register", ward)).content.decode()
    assert "16.200 m²" in page and "3.950 m²" in page and "20.150 m²" in page

    filtered = client.get(url("register", ward), {"use": "school"})
    assert [f.name for f in filtered.context["facilities"]] == ["Trường THCS Hương Xuân"]
    assert filtered.context["table"].listed == {"count": 1, "land": 12_000, "floor": 2_300}
    assert "14.300 m²" in filtered.content.decode()
    searched = client.get(url("register", ward), {"q": "ubnd"})
    assert [f.name for f in searched.context["facilities"]] == ["Trụ sở UBND"]
    before = client.get(url("register", ward), {"date": "2025-06-30"})
    assert before.context["figures"].facilities == 0


def test_staff_adds_and_edits_a_facility_with_history(ward, staff) -> None:
    client = client_for(staff)
    data = {
        "name": "Cơ sở Phòng khám đa khoa Km9",
        "use": "surplus",
        "land_m2": "2.600",
        "floor_m2": "780",
        "held_from": "2025-07-01",
    }
    response = client.post(url("facility_add", ward), data)
    assert response.status_code == 302
    facility = Facility.objects.get()
    assert (facility.ward, facility.land_m2, facility.handling) == (ward, 2600, "not_handled")

    response = client.post(
        url("facility_edit", ward, pk=facility.pk),
        {**data, "handling": "plan_proposed", "handling_plan": "Chuyển đổi công năng sang y tế"},
    )
    assert response.status_code == 302
    facility.refresh_from_db()
    assert facility.handling == "plan_proposed"
    history = client.get(url("history", ward))
    rows = history.context["history"]
    assert rows[0].who == staff.user
    changed = {change.field for change in rows[0].changes}
    assert str(Facility._meta.get_field("handling").verbose_name) in changed
    assert str(Facility._meta.get_field("handling_plan").verbose_name) in changed
    assert len(rows) == 2


def test_invalid_post_saves_nothing_and_shows_the_form(ward, staff) -> None:
    response = client_for(staff).post(
        url("spending_add", ward), {"kind": "recurrent", "start": "2025-07-01", "end": "2025-07-31", "amount": "1,5"}
    )
    assert response.status_code == 200
    assert "amount" in response.context["form"].errors
    assert not Spending.objects.exists()


def test_spending_page_uses_the_range_of_the_query_string(ward, staff) -> None:
    SpendingFactory(ward=ward, kind="development", start=date(2025, 7, 1), end=date(2026, 5, 5), amount=18_749_464_101)
    SpendingFactory(ward=ward, kind="recurrent", start=date(2026, 5, 6), end=date(2026, 5, 31), amount=5)
    response = client_for(staff).get(url("spending", ward), {"start": "2025-07-01", "end": "2026-05-05"})
    page = response.content.decode()
    assert "18.749.464.101 đồng" in page
    assert response.context["figures"].recurrent == 0
    # Without a period: the month of the latest entry.
    latest = client_for(staff).get(url("spending", ward))
    assert latest.context["period"] == DateRange(date(2026, 5, 1), date(2026, 5, 31))
    assert latest.context["figures"].recurrent == 5


def test_equipment_page_lists_missing_items(ward, staff) -> None:
    EquipmentItemFactory(ward=ward, kind="Máy tính", quantity=8, measure="bộ")
    EquipmentItemFactory(ward=ward, kind="Máy bấm số tự động", quantity=0, condition="", status="missing")
    page = client_for(staff).get(url("equipment", ward)).content.decode()
    assert "Máy tính" in page and "8 bộ" in page
    assert "Máy bấm số tự động" in page


def test_register_cells_link_for_writers_only_and_escape(ward, staff, home_affairs) -> None:
    facility = FacilityFactory(
        ward=ward, name="Trụ sở <UBND>", address="thôn & xóm", surveyed=True, cadastral_record=False
    )
    edit = url("facility_edit", ward, pk=facility.pk)
    written = client_for(staff).get(url("register", ward)).content.decode()
    assert f'<a href="{edit}">Trụ sở &lt;UBND&gt;</a>' in written
    assert '<div class="small text-muted">thôn &amp; xóm</div>' in written
    assert '<span class="text-danger">chưa có hồ sơ địa chính</span>' in written and "đã đo đạc" in written
    read = client_for(home_affairs).get(url("register", ward)).content.decode()
    assert edit not in read and "Trụ sở &lt;UBND&gt;" in read


def test_excel_export_of_the_filtered_register(ward, home_affairs) -> None:
    FacilityFactory(ward=ward, name="Trường THCS Hương Xuân", use=FacilityUse.SCHOOL, land_m2=12_000, floor_m2=2_300)
    FacilityFactory(ward=ward, name="Trụ sở UBND", land_m2=4_200, floor_m2=1_650)
    response = client_for(home_affairs).get(url("export", ward), {"use": "school"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert [(row["Tên"], row["Diện tích đất (m²)"]) for row in data_rows(sheet)] == [("Trường THCS Hương Xuân", 12_000)]
