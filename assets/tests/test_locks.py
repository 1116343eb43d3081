from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assets.models import EquipmentCondition, EquipmentItem, Facility, Spending, SpendingKind
from assets.services import (
    FACILITY_FIELDS,
    EquipmentInput,
    FacilityInput,
    SpendingInput,
    equipment_create,
    equipment_update,
    facility_create,
    facility_update,
    spending_create,
    spending_update,
)
from wards.tests.locks import LABEL, lock
from wards.tests.permissions import client_for

from .factories import EquipmentItemFactory, FacilityFactory, SpendingFactory, UnitFactory

# The lock of test_* below: a one-year review approved over the first year of the new ward.
LOCKED = (date(2025, 7, 1), date(2026, 5, 5))
INSIDE = date(2025, 12, 31)
AFTER = date(2026, 5, 6)


def values(start: date, end: date) -> SpendingInput:
    return SpendingInput(kind=SpendingKind.RECURRENT, start=start, end=end, amount=1_000)


def test_spending_in_a_locked_range_is_refused(ward) -> None:
    lock(ward, date(2025, 7, 1), date(2025, 12, 31))
    with pytest.raises(ValidationError) as raised:
        spending_create(ward=ward, data=values(date(2025, 12, 1), date(2026, 1, 31)))
    assert LABEL in raised.value.messages[0]
    spending_create(ward=ward, data=values(date(2026, 1, 1), date(2026, 1, 31)))
    assert Spending.objects.count() == 1


def test_a_locked_spending_cannot_be_moved_out(ward) -> None:
    spending = SpendingFactory(ward=ward, start=date(2025, 7, 1), end=date(2025, 7, 31))
    lock(ward, date(2025, 7, 1), date(2025, 7, 31))
    with pytest.raises(ValidationError):
        spending_update(spending=spending, data=values(date(2026, 2, 1), date(2026, 2, 28)))
    spending.refresh_from_db()
    assert spending.start == date(2025, 7, 1)


def facility_input(facility: Facility, **changes: object) -> FacilityInput:
    return replace(FacilityInput(**{name: getattr(facility, name) for name in FACILITY_FIELDS}), **changes)


def test_a_facility_handed_over_inside_a_locked_range_is_refused(ward) -> None:
    facility = FacilityFactory(ward=ward)
    lock(ward, *LOCKED)
    with pytest.raises(ValidationError) as raised:
        facility_update(facility=facility, data=facility_input(facility, held_until=INSIDE))
    assert LABEL in raised.value.messages[0]
    facility.refresh_from_db()
    assert facility.held_until is None
    with pytest.raises(ValidationError):
        facility_create(ward=ward, data=facility_input(FacilityFactory.build(ward=ward), held_until=INSIDE))
    assert Facility.objects.count() == 1
    facility_update(facility=facility, data=facility_input(facility, held_until=AFTER))
    assert Facility.objects.get(pk=facility.pk).held_until == AFTER


def test_a_facility_whose_handover_is_locked_cannot_change_at_all(ward) -> None:
    facility = FacilityFactory(ward=ward, held_until=INSIDE)
    lock(ward, *LOCKED)
    for change in ({"held_until": None}, {"held_until": AFTER}, {"floor_m2": 999}):
        with pytest.raises(ValidationError):
            facility_update(facility=facility, data=facility_input(facility, **change))
    facility.refresh_from_db()
    assert (facility.held_until, facility.floor_m2) == (INSIDE, 300)


def test_the_register_itself_is_not_dated_so_a_lock_leaves_it_open(ward) -> None:
    """What the lock means for the facilities register: only a facility's events (handed over, handled)
    are dated figures. Its takeover date and its areas describe the register as it stands, which the
    ward keeps completing: a lock over the takeover date refuses none of it."""
    facility = FacilityFactory(ward=ward, held_from=date(2025, 7, 1))
    lock(ward, *LOCKED)
    facility_update(facility=facility, data=facility_input(facility, floor_m2=450, held_from=date(2025, 8, 1)))
    facility_create(ward=ward, data=facility_input(FacilityFactory.build(ward=ward), held_from=INSIDE))
    assert sorted(Facility.objects.values_list("floor_m2", flat=True)) == [300, 450]


def test_equipment_has_no_date_and_is_never_locked(ward) -> None:
    """Equipment is the present inventory, with no date or period: no lock can say which report an item
    belongs to, so a lock over any range refuses nothing (the approved PDF keeps the counts it printed)."""
    lock(ward, date(2025, 7, 1), date(2029, 12, 31))  # today and years either side
    unit = UnitFactory(ward=ward)
    data = EquipmentInput(unit=unit, kind="Máy tính", quantity=8, condition=EquipmentCondition.GOOD)
    item = equipment_create(ward=ward, data=data)
    equipment_update(item=item, data=replace(data, quantity=9))
    assert EquipmentItem.objects.get(pk=item.pk).quantity == 9


SAVE = '<button type="submit" class="btn btn-primary">'


def test_the_edit_forms_show_the_lock_up_front_and_read_only(ward, staff) -> None:
    handed_over = FacilityFactory(ward=ward, held_until=INSIDE)
    held = FacilityFactory(ward=ward)
    spending = SpendingFactory(ward=ward, start=date(2025, 7, 1), end=date(2025, 7, 31))
    later = SpendingFactory(ward=ward, start=date(2026, 6, 1), end=date(2026, 6, 30))
    item = EquipmentItemFactory(ward=ward)
    lock(ward, *LOCKED)
    client = client_for(staff)

    def page(name: str, pk: int) -> str:
        return client.get(reverse(f"assets:{name}", kwargs={"ward": ward.slug, "pk": pk})).content.decode()

    for locked in (page("facility_edit", handed_over.pk), page("spending_edit", spending.pk)):
        assert f"Số liệu đã khóa theo {LABEL}" in locked
        assert '<fieldset class="border-0 p-0 m-0" disabled>' in locked
        assert SAVE not in locked
    for open_page in (page("facility_edit", held.pk), page("spending_edit", later.pk), page("equipment_edit", item.pk)):
        assert 'id="figure-lock"' not in open_page
        assert SAVE in open_page
