"""No lost update on the facility, equipment and spending forms: two people saving the same record."""

from __future__ import annotations

import pytest

from assets.models import EquipmentItem, Facility, Spending
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory
from wards.tests.factories import MembershipFactory
from wards.tests.stale import two_sessions

from .test_views import url

pytestmark = pytest.mark.django_db


def test_stale_spending_is_refused_with_what_changed(ward, staff) -> None:
    spending = SpendingFactory(ward=ward, amount=1_000_000)
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    data = {"kind": spending.kind, "start": "2025-07-01", "end": "2025-07-31"}
    content = two_sessions(
        colleague,
        staff,
        url("spending_edit", ward, pk=spending.pk),
        first_data={**data, "amount": "1.200.000"},
        second_data={**data, "amount": "1.350.000", "notes": "Chi thường xuyên"},
    )
    assert Spending.objects.get(pk=spending.pk).amount == 1_200_000
    assert "1.000.000 → 1.200.000" in content
    assert "Trần Thị Lan" in content
    assert 'value="1.350.000"' in content and "Chi thường xuyên" in content, "what was typed is kept"


def test_stale_facility_is_refused_with_what_changed(ward, staff) -> None:
    facility = FacilityFactory(ward=ward, name="Trụ sở cũ", land_m2=2600, floor_m2=780)
    data = {"use": "office", "land_m2": "2.600", "floor_m2": "780", "held_from": "2025-07-01"}
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        url("facility_edit", ward, pk=facility.pk),
        first_data={**data, "name": "Trụ sở UBND"},
        second_data={**data, "name": "Trụ sở HĐND", "floor_m2": "800"},
    )
    assert Facility.objects.get(pk=facility.pk).name == "Trụ sở UBND"
    assert "Trụ sở cũ → Trụ sở UBND" in content
    assert 'value="Trụ sở HĐND"' in content


def test_stale_equipment_is_refused_with_what_changed(ward, staff) -> None:
    item = EquipmentItemFactory(ward=ward, quantity=2)
    data = {
        "unit": item.unit_id,
        "kind": item.kind,
        "measure": "cái",
        "condition": item.condition,
        "status": item.status,
    }
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        url("equipment_edit", ward, pk=item.pk),
        first_data={**data, "quantity": "5", "position": "0"},
        second_data={**data, "quantity": "7", "position": "0"},
    )
    assert EquipmentItem.objects.get(pk=item.pk).quantity == 5
    assert "2 → 5" in content
    assert 'value="7"' in content
