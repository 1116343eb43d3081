"""Every validation rule of the assets figures: in the models (services) and in the forms."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from assets.forms import EquipmentForm, FacilityForm, SpendingForm
from assets.models import EquipmentStatus, Facility, FacilityUse, Handling, Spending, SpendingKind
from assets.services import FacilityInput, SpendingInput, facility_create, spending_create
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory, UnitFactory

pytestmark = pytest.mark.django_db


def facility_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Trụ sở UBND phường",
        "address": "",
        "use": FacilityUse.OFFICE,
        "user_name": "UBND phường",
        "land_m2": "4.200",
        "floor_m2": "1650",
        "handling": "",
        "handling_plan": "",
        "held_from": "2025-07-01",
        "notes": "",
    }
    data.update(overrides)
    return data


def facility_input(**overrides: object) -> FacilityInput:
    base: dict[str, object] = {
        "name": "Cơ sở",
        "use": FacilityUse.OFFICE,
        "land_m2": 100,
        "floor_m2": 50,
        "held_from": date(2025, 7, 1),
    }
    return FacilityInput(**(base | overrides))  # type: ignore[arg-type]


def test_form_accepts_areas_with_vietnamese_grouping(ward) -> None:
    form = FacilityForm(facility_data(), ward=ward)
    assert form.is_valid(), form.errors
    facility = facility_create(ward=ward, data=form.as_input())
    assert (facility.land_m2, facility.floor_m2) == (4200, 1650)


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("land_m2", "-5", "negative"),
        ("land_m2", "120,5", "whole square metres"),
        ("land_m2", "12.34", "whole square metres"),
        ("land_m2", "1.000.001", "too large"),
        ("floor_m2", "200.001", "too large"),
        ("floor_m2", "abc", "whole square metres"),
    ],
)
def test_form_refuses_impossible_areas(ward, field, value, fragment) -> None:
    form = FacilityForm(facility_data(**{field: value}), ward=ward)
    with translation.override("en"):
        assert not form.is_valid()
        assert fragment in " ".join(form.errors[field])


def test_model_bounds_hold_without_the_form(ward) -> None:
    with pytest.raises(ValidationError) as error:
        facility_create(ward=ward, data=facility_input(land_m2=1_000_001))
    assert "land_m2" in error.value.message_dict
    assert Facility.objects.count() == 0


def test_duplicate_name_is_warned_then_accepted_when_confirmed(ward, other_ward) -> None:
    FacilityFactory(ward=ward, name="Trường Mầm non Hương Xuân")
    FacilityFactory(ward=other_ward, name="Trường Tiểu học Số 1")

    warned = FacilityForm(facility_data(name="  trường mầm non  Hương Xuân "), ward=ward)
    assert not warned.is_valid()
    assert "name" in warned.errors
    assert "confirm_duplicate" in warned.as_div()

    confirmed = FacilityForm(facility_data(name="Trường Mầm non Hương Xuân", confirm_duplicate="on"), ward=ward)
    assert confirmed.is_valid(), confirmed.errors
    # Another ward's names do not count.
    assert FacilityForm(facility_data(name="Trường Tiểu học Số 1"), ward=ward).is_valid()


def test_editing_a_facility_does_not_warn_about_its_own_name(ward) -> None:
    facility = FacilityFactory(ward=ward, name="Trạm Y tế")
    form = FacilityForm(facility_data(name="Trạm Y tế"), instance=facility, ward=ward)
    assert form.is_valid(), form.errors


def test_surplus_facility_defaults_to_not_handled(ward) -> None:
    form = FacilityForm(facility_data(use=FacilityUse.SURPLUS), ward=ward)
    assert form.is_valid(), form.errors
    assert form.as_input().handling == Handling.NOT_HANDLED


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"use": FacilityUse.SURPLUS}, "handling"),
        ({"use": FacilityUse.SURPLUS, "handling": Handling.PLAN_PROPOSED}, "handling_plan"),
        ({"use": FacilityUse.SURPLUS, "handling": Handling.HANDLED, "handling_plan": "Bán"}, "handled_on"),
        (
            {"use": FacilityUse.SURPLUS, "handling": Handling.NOT_HANDLED, "handled_on": date(2026, 1, 1)},
            "handled_on",
        ),
        ({"handling": Handling.NOT_HANDLED}, "handling"),
        ({"handled_on": date(2026, 1, 1)}, "handled_on"),
        ({"held_until": date(2025, 6, 30)}, "held_until"),
    ],
)
def test_surplus_handling_and_dates_rules(ward, overrides, field) -> None:
    with pytest.raises(ValidationError) as error:
        facility_create(ward=ward, data=facility_input(**overrides))
    assert field in error.value.message_dict


IN_PLACE = {"condition": "good", "status": "in_place", "position": "0"}


def test_equipment_rules(ward) -> None:
    unit = UnitFactory(ward=ward)
    missing_with_quantity = EquipmentForm(
        {"unit": unit.pk, "kind": "Máy scan A3", "quantity": "1", "status": EquipmentStatus.MISSING, "position": "0"},
        ward=ward,
    )
    assert not missing_with_quantity.is_valid()
    assert "quantity" in missing_with_quantity.errors

    in_place_without_quantity = EquipmentForm(
        {"unit": unit.pk, "kind": "Máy in", "quantity": "0", **IN_PLACE},
        ward=ward,
    )
    assert not in_place_without_quantity.is_valid()
    assert "quantity" in in_place_without_quantity.errors

    EquipmentItemFactory(ward=ward, unit=unit, kind="Máy tính")
    duplicate = EquipmentForm(
        {"unit": unit.pk, "kind": "máy tính", "quantity": "2", **IN_PLACE},
        ward=ward,
    )
    assert not duplicate.is_valid()
    assert "kind" in duplicate.errors

    too_many = EquipmentForm(
        {"unit": unit.pk, "kind": "Ghế", "quantity": "10001", **IN_PLACE},
        ward=ward,
    )
    assert not too_many.is_valid()
    assert "quantity" in too_many.errors


def spending_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": SpendingKind.DEVELOPMENT,
        "start": "2025-07-01",
        "end": "2026-05-05",
        "amount": "18.749.464.101",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_spending_form_takes_whole_dong_with_grouping(ward) -> None:
    form = SpendingForm(spending_data(), ward=ward)
    assert form.is_valid(), form.errors
    assert spending_create(ward=ward, data=form.as_input()).amount == 18_749_464_101


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": "1.500,50"}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "1.000.000.000.000.001"}, "amount"),
        ({"end": "2025-06-30"}, "end"),
    ],
)
def test_spending_form_refuses(ward, overrides, field) -> None:
    form = SpendingForm(spending_data(**overrides), ward=ward)
    assert not form.is_valid()
    assert field in form.errors


def test_spending_periods_of_one_kind_must_not_overlap(ward, other_ward) -> None:
    SpendingFactory(ward=ward, kind=SpendingKind.DEVELOPMENT, start=date(2025, 7, 1), end=date(2025, 7, 31))
    SpendingFactory(ward=other_ward, kind=SpendingKind.RECURRENT, start=date(2025, 7, 1), end=date(2025, 7, 31))

    overlapping = SpendingForm(spending_data(start="2025-07-31", end="2025-08-31"), ward=ward)
    assert not overlapping.is_valid()
    assert "start" in overlapping.errors
    # Another kind, or another ward, may cover the same days.
    assert SpendingForm(spending_data(kind=SpendingKind.RECURRENT, start="2025-07-31"), ward=ward).is_valid()
    with pytest.raises(ValidationError):
        spending_create(
            ward=ward,
            data=SpendingInput(kind=SpendingKind.DEVELOPMENT, start=date(2025, 7, 15), end=date(2025, 7, 20), amount=1),
        )
    assert Spending.objects.filter(ward=ward).count() == 1


def test_the_committee_sits_in_one_office(ward) -> None:
    FacilityFactory(ward=ward, use=FacilityUse.OFFICE, committee_seat=True)
    second = FacilityFactory.build(ward=ward, use=FacilityUse.OFFICE, committee_seat=True)
    school = FacilityFactory.build(ward=ward, use=FacilityUse.SCHOOL, committee_seat=True)
    for facility in (second, school):
        with pytest.raises(ValidationError) as error:
            facility.full_clean()
        assert "committee_seat" in error.value.message_dict
