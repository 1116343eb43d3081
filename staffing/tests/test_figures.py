from __future__ import annotations

from datetime import date

import pytest

from staffing.figures import changes_over, figures_at
from staffing.models import OrgUnit, PositionCategory, SchoolLevel, StaffFunction, UnitKind
from wards.periods import DateRange

from .factories import (
    HeadcountLineFactory,
    HeadcountSnapshotFactory,
    JobPositionFactory,
    OrgUnitFactory,
    StaffingNeedFactory,
)

pytestmark = pytest.mark.django_db


def test_no_data_gives_zeros(ward) -> None:
    figures = figures_at(ward, date(2026, 5, 1))
    assert figures.first is None and figures.current is None
    assert figures.civil_servants_start == figures.civil_servants_now == 0
    assert figures.positions_short == 0
    assert figures.unit_rows == ()


def test_snapshot_in_force_is_the_latest_on_or_before_the_date(ward) -> None:
    unit = OrgUnitFactory(ward=ward)
    for day, total in ((date(2025, 7, 1), 10), (date(2025, 12, 31), 8), (date(2026, 5, 1), 7)):
        HeadcountLineFactory(snapshot=HeadcountSnapshotFactory(ward=ward, on=day), unit=unit, total=total)
    figures = figures_at(ward, date(2026, 4, 30))
    assert figures.first.on == date(2025, 7, 1)
    assert figures.current.on == date(2025, 12, 31)
    assert (figures.civil_servants_start, figures.civil_servants_now, figures.civil_servants_change) == (10, 8, -2)
    assert figures_at(ward, date(2025, 6, 30)).current is None


def test_other_wards_do_not_count(ward, other_ward) -> None:
    HeadcountLineFactory(snapshot__ward=other_ward, total=9)
    JobPositionFactory(ward=other_ward, quota=5, filled=0)
    figures = figures_at(ward, date(2026, 5, 1))
    assert figures.civil_servants_now == 0
    assert figures.positions_short == 0


def test_civil_servants_exclude_public_employees_and_military_is_apart(ward) -> None:
    snapshot = HeadcountSnapshotFactory(ward=ward)
    HeadcountLineFactory(snapshot=snapshot, total=4)
    HeadcountLineFactory(snapshot=snapshot, unit__kind=UnitKind.MILITARY, total=3)
    HeadcountLineFactory(
        snapshot=snapshot, unit__kind=UnitKind.PUBLIC_SERVICE, total=19, civil_servants=0, public_employees=19
    )
    current = figures_at(ward, date(2025, 7, 1)).current
    assert current.civil_servants == 7
    assert current.military == 3
    assert current.civil_servants_excluding_military == 4
    assert current.public_employees == 19
    assert current.total == 26


def test_positions_short_counts_professional_posts_only_and_never_negative(ward) -> None:
    unit = OrgUnitFactory(ward=ward, name="Phòng Kinh tế")
    JobPositionFactory(ward=ward, unit=unit, name="Kế hoạch", quota=2, filled=0)
    JobPositionFactory(ward=ward, unit=unit, name="Đất đai", quota=1, filled=3)  # above quota: not -2
    JobPositionFactory(
        ward=ward, unit=unit, name="Trưởng phòng", category=PositionCategory.LEADERSHIP, quota=1, filled=0
    )
    JobPositionFactory(ward=ward, unit=None, name="Chuyển đổi số", quota=1, filled=0)
    positions = figures_at(ward, date(2026, 5, 1)).positions
    assert positions.professional_quota == 4
    assert positions.professional_short == 3
    assert positions.leadership_short == 1
    assert [(u.unit, u.quota, u.short, u.short_names) for u in positions.by_unit] == [
        ("Phòng Kinh tế", 3, 2, ("Kế hoạch",)),
        ("", 1, 1, ("Chuyển đổi số",)),
    ]
    assert [line.name for line in positions.over_quota] == ["Đất đai"]


def test_schools_by_level_and_units_by_kind(ward) -> None:
    for level, count in ((SchoolLevel.PRESCHOOL, 3), (SchoolLevel.PRIMARY, 7), (SchoolLevel.LOWER_SECONDARY, 3)):
        OrgUnitFactory.create_batch(count, ward=ward, kind=UnitKind.SCHOOL, school_level=level)
    OrgUnitFactory(ward=ward, kind=UnitKind.AGENCY)
    figures = figures_at(ward, date(2026, 5, 1))
    assert figures.schools == 13
    assert [(level.level, level.count) for level in figures.schools_by_level] == [
        ("Mầm non", 3),
        ("Tiểu học", 7),
        ("THCS", 3),
    ]
    assert {k.kind: k.count for k in figures.units_by_kind} == {"agency": 1, "school": 13}


def test_non_specialised_workers(ward) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1), non_specialised_workers=29)
    HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1), non_specialised_workers=2, non_specialised_left=27)
    figures = figures_at(ward, date(2026, 5, 1))
    assert (figures.non_specialised_start, figures.non_specialised_left, figures.non_specialised_now) == (29, 27, 2)


def test_needs(ward) -> None:
    StaffingNeedFactory(ward=ward, unit__name="Trạm Y tế", position="Bác sĩ y học dự phòng", count=2)
    (need,) = figures_at(ward, date(2026, 5, 1)).needs
    assert (need.unit, need.position, need.count) == ("Trạm Y tế", "Bác sĩ y học dự phòng", 2)


def test_unit_rows_compare_start_and_now(ward) -> None:
    kept, closed = OrgUnitFactory(ward=ward, name="A"), OrgUnitFactory(ward=ward, name="B")
    start = HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1))
    HeadcountLineFactory(snapshot=start, unit=kept, total=5)
    HeadcountLineFactory(snapshot=start, unit=closed, total=3)
    HeadcountLineFactory(snapshot=HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1)), unit=kept, total=4)
    rows = figures_at(ward, date(2026, 5, 1)).unit_rows
    assert [(r.unit, r.start.total, r.now.total if r.now else None, r.change) for r in rows] == [
        ("A", 5, 4, -1),
        ("B", 3, None, -3),
    ]


def test_changes_over_a_range(ward) -> None:
    unit = OrgUnitFactory(ward=ward)
    for day, total in ((date(2025, 7, 1), 10), (date(2025, 12, 31), 8), (date(2026, 5, 1), 7)):
        HeadcountLineFactory(snapshot=HeadcountSnapshotFactory(ward=ward, on=day), unit=unit, total=total)
    changes = changes_over(ward, DateRange(date(2025, 8, 1), date(2026, 1, 31)))
    assert (changes.opening.on, changes.closing.on) == (date(2025, 7, 1), date(2025, 12, 31))
    assert (changes.civil_servants_opening, changes.civil_servants_closing, changes.civil_servants_change) == (
        10,
        8,
        -2,
    )
    before = changes_over(ward, DateRange(date(2025, 1, 1), date(2025, 6, 30)))
    assert before.opening is None and before.closing is None
    inside = changes_over(ward, DateRange(date(2025, 7, 1), date(2026, 5, 5)))
    assert (inside.civil_servants_opening, inside.civil_servants_closing) == (10, 7)


def _populate(ward, n: int) -> None:
    units = OrgUnitFactory.create_batch(n, ward=ward)
    for day in (date(2025, 7, 1), date(2025, 12, 31), date(2026, 5, 1)):
        snapshot = HeadcountSnapshotFactory(ward=ward, on=day)
        for unit in units:
            HeadcountLineFactory(snapshot=snapshot, unit=unit)
    for unit in units:
        JobPositionFactory(ward=ward, unit=unit)
        StaffingNeedFactory(ward=ward, unit=unit)


@pytest.mark.parametrize("n", [1, 12])
def test_queries_do_not_grow_with_the_data(ward, n, django_assert_max_num_queries) -> None:
    _populate(ward, n)
    for unit in OrgUnit.objects.filter(ward=ward):
        StaffFunction.objects.create(ward=ward, unit=unit, on=date(2025, 7, 1), name="Chuyên viên", count=2)
    # Two more than the snapshots, positions and needs: the staff by function at `on` and at the first snapshot.
    with django_assert_max_num_queries(8):
        figures = figures_at(ward, date(2026, 5, 1))
        assert len(figures.functions) == n
        assert figures.civil_servants_now == 5 * n
        assert len(figures.unit_rows) == n
        assert len(figures.positions.by_unit) == n
    with django_assert_max_num_queries(5):
        assert changes_over(ward, DateRange(date(2025, 7, 1), date(2026, 5, 5))).civil_servants_closing == 5 * n
