from __future__ import annotations

from datetime import date

import pytest

from assets.figures import figures_at, figures_for
from assets.models import EquipmentStatus, FacilityUse, Handling, SpendingKind
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_counts_by_use_and_area_totals(ward, other_ward) -> None:
    FacilityFactory(ward=ward, use=FacilityUse.OFFICE, land_m2=1000, floor_m2=300)
    FacilityFactory(
        ward=ward, use=FacilityUse.SCHOOL, land_m2=5000, floor_m2=1200, surveyed=True, cadastral_record=True
    )
    FacilityFactory(ward=ward, use=FacilityUse.SCHOOL, land_m2=2000, floor_m2=0, surveyed=True)
    FacilityFactory(ward=ward, use=FacilityUse.SURPLUS, name="Phòng khám Km9", handling=Handling.NOT_HANDLED)
    FacilityFactory(ward=other_ward, land_m2=99_999)

    figures = figures_at(ward, date(2026, 1, 1)).assets

    assert (figures.facilities, figures.offices, figures.school_sites, figures.surplus, figures.police) == (
        4,
        1,
        2,
        1,
        0,
    )
    assert (figures.land_m2, figures.floor_m2, figures.total_m2) == (9000, 1800, 10800)
    assert figures.surplus_not_handled == 1
    assert figures.surplus_not_handled_names == ("Phòng khám Km9",)
    assert (figures.not_surveyed, figures.without_cadastral_record) == (2, 3)
    assert dict((use, count) for use, _label, count in figures.by_use())["school"] == 2


def test_register_on_a_date_keeps_only_facilities_held_then(ward) -> None:
    FacilityFactory(ward=ward, held_from=date(2025, 7, 1), held_until=date(2025, 12, 1))
    FacilityFactory(ward=ward, held_from=date(2026, 2, 1))

    assert figures_at(ward, date(2025, 8, 1)).assets.facilities == 1
    assert figures_at(ward, date(2025, 12, 1)).assets.facilities == 0
    assert figures_at(ward, date(2026, 2, 1)).assets.facilities == 1


def test_surplus_handled_later_counts_as_waiting_before_its_date(ward) -> None:
    FacilityFactory(
        ward=ward,
        use=FacilityUse.SURPLUS,
        name="Trụ sở cũ",
        handling=Handling.HANDLED,
        handling_plan="Chuyển giao cho trường học",
        handled_on=date(2026, 3, 1),
    )
    FacilityFactory(ward=ward, use=FacilityUse.SURPLUS, handling=Handling.PLAN_PROPOSED, handling_plan="Bán đấu giá")

    before = figures_at(ward, date(2026, 2, 1)).assets
    after = figures_at(ward, date(2026, 3, 1)).assets

    assert (before.surplus_not_handled, before.surplus_handled, before.surplus_plan_proposed) == (1, 0, 1)
    assert before.surplus_not_handled_names == ("Trụ sở cũ",)
    assert (after.surplus_not_handled, after.surplus_handled) == (0, 1)


def test_spending_sums_entries_inside_the_range_and_reports_coverage(ward) -> None:
    SpendingFactory(ward=ward, kind=SpendingKind.DEVELOPMENT, start=date(2025, 7, 1), end=date(2025, 7, 31), amount=10)
    SpendingFactory(ward=ward, kind=SpendingKind.DEVELOPMENT, start=date(2025, 8, 1), end=date(2025, 8, 31), amount=5)
    SpendingFactory(ward=ward, kind=SpendingKind.RECURRENT, start=date(2025, 7, 15), end=date(2025, 8, 14), amount=7)
    SpendingFactory(ward=ward, kind=SpendingKind.EQUIPMENT, start=date(2025, 7, 1), end=date(2025, 7, 31), amount=3)

    spending = figures_for(ward, date(2025, 7, 1), date(2025, 7, 31)).spending

    assert (spending.development, spending.recurrent, spending.equipment, spending.total) == (10, 0, 3, 13)
    coverage = {c.kind: c for c in spending.coverage}
    assert coverage["development"].complete
    assert coverage["recurrent"].days_covered == 0
    assert len(coverage["recurrent"].cut_entries) == 1
    assert not spending.fully_covered


def test_equipment_of_a_unit_with_missing_items(ward) -> None:
    centre = UnitFactory(ward=ward, name="Trung tâm", kind="one_stop_centre")
    station = UnitFactory(ward=ward, name="Trạm Y tế", kind="health_station")
    EquipmentItemFactory(ward=ward, unit=centre, kind="Máy tính", quantity=8, measure="bộ", position=1)
    EquipmentItemFactory(
        ward=ward,
        unit=centre,
        kind="Máy scan khổ A3",
        quantity=0,
        condition="",
        status=EquipmentStatus.ON_ORDER,
        position=2,
    )
    EquipmentItemFactory(ward=ward, unit=station, kind="Máy tính", quantity=3)

    figures = figures_at(ward, date(2026, 1, 1))
    lines = figures.equipment_of("one_stop_centre")

    assert [(line.kind, line.quantity, line.measure) for line in lines.items] == [("Máy tính", 8, "bộ")]
    assert [(m.kind, m.on_order) for m in lines.missing] == [("Máy scan khổ A3", True)]
    assert figures.equipment_of("health_station").items[0].quantity == 3
    assert figures.equipment_of("school") is None


def test_renaming_a_unit_keeps_its_equipment(ward) -> None:
    centre = UnitFactory(ward=ward, name="Trung tâm Phục vụ hành chính công", kind="one_stop_centre")
    EquipmentItemFactory(ward=ward, unit=centre, kind="Máy tính", quantity=8)
    centre.name = "Trung tâm PVHCC phường"
    centre.save()

    lines = figures_at(ward, date(2026, 1, 1)).equipment_of("one_stop_centre")

    assert [(line.kind, line.quantity) for line in lines.items] == [("Máy tính", 8)]


@pytest.mark.parametrize("size", [1, 30])
def test_number_of_queries_does_not_grow_with_the_data(ward, size, django_assert_num_queries) -> None:
    units = UnitFactory.create_batch(4, ward=ward)
    for i in range(size):
        FacilityFactory(
            ward=ward,
            use=FacilityUse.SURPLUS if i % 3 == 0 else FacilityUse.SCHOOL,
            handling=Handling.NOT_HANDLED if i % 3 == 0 else "",
        )
        EquipmentItemFactory(ward=ward, unit=units[i % 4])
        SpendingFactory(ward=ward, start=date(2025, 7, 1 + i), end=date(2025, 7, 1 + i))

    # The facilities held are read once, for their counts and for the list the report text names.
    with django_assert_num_queries(3):
        figures = figures_for(ward, date(2025, 7, 1), date(2026, 5, 5))
        assert figures.assets.facilities == size
    with django_assert_num_queries(2):
        assert figures_at(ward, date(2026, 1, 1)).assets.facilities == size
