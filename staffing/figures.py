"""The staffing figures of a ward (the types and their attributes are in staffing.figure_types).

`figures_at(ward, on)` → `StaffingFigures`: the snapshot in force at `on` (the latest on or before it)
against the ward's first snapshot, the job positions and the staffing needs as they stand now.
`changes_over(ward, period)` → `StaffingChanges`: the snapshot in force at the start of the range
against the latest one inside it.

Both run a fixed number of queries, whatever the number of units, positions, functions or snapshots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Greatest

from wards.models import Ward
from wards.periods import DateRange

from .figure_types import (
    FunctionLine,
    KindCount,
    LevelCount,
    Need,
    PositionLine,
    Positions,
    Snapshot,
    StaffingChanges,
    StaffingFigures,
    Unit,
    UnitLine,
    UnitRow,
)
from .models import (
    HeadcountLine,
    HeadcountSnapshot,
    JobPosition,
    OrgUnit,
    PositionCategory,
    SchoolLevel,
    StaffFunction,
    StaffingNeed,
    UnitKind,
)


def _snapshots(ward: Ward, records: list[HeadcountSnapshot | None]) -> list[Snapshot | None]:
    """Turn snapshot records into figures with one query for all their lines."""
    ids = {record.pk for record in records if record is not None}
    lines: dict[int, list[UnitLine]] = {pk: [] for pk in ids}
    for line in (
        HeadcountLine.objects.filter(snapshot_id__in=ids).select_related("unit").order_by("unit__order", "unit__name")
    ):
        lines[line.snapshot_id].append(
            UnitLine(
                unit=line.unit.name,
                kind=line.unit.kind,
                school_level=line.unit.school_level,
                head_title=line.unit.head_title,
                deputy_title=line.unit.deputy_title,
                total=line.total,
                heads=line.heads,
                deputies=line.deputies,
                specialists=line.specialists,
                civil_servants=line.civil_servants,
                public_employees=line.public_employees,
                contract_workers=line.contract_workers,
                seconded_out=line.seconded_out,
                seconded_in=line.seconded_in,
            )
        )
    return [
        None
        if record is None
        else Snapshot(
            on=record.on,
            lines=tuple(lines[record.pk]),
            non_specialised_workers=record.non_specialised_workers,
            non_specialised_left=record.non_specialised_left,
            non_specialised_left_from=record.non_specialised_left_from,
            includes_military=record.includes_military,
        )
        for record in records
    ]


def _unit_rows(units: list[OrgUnit], start: Snapshot | None, now: Snapshot | None) -> tuple[UnitRow, ...]:
    rows = []
    for unit in units:
        before = start.line(unit.name) if start else None
        after = now.line(unit.name) if now else None
        if before or after:
            rows.append(UnitRow(unit.name, unit.kind, unit.school_level, before, after))
    return tuple(rows)


def _units(ward: Ward) -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(ward=ward).order_by("order", "name"))


def _function_rows(ward: Ward, on: date, first_on: date | None) -> list[StaffFunction]:
    """The lists dated on or before `on` or `first_on`, in one query for the cuts at both."""
    last = max(on, first_on) if first_on else on
    return list(StaffFunction.objects.filter(ward=ward, on__lte=last).select_related("unit").order_by("-on", "order"))


def _functions(rows: list[StaffFunction], on: date | None) -> tuple[FunctionLine, ...]:
    """Each unit's list of its latest date on or before `on`."""
    if on is None:
        return ()
    rows = [row for row in rows if row.on <= on]
    latest: dict[int, date] = {}
    for row in rows:
        latest.setdefault(row.unit_id, row.on)
    return tuple(
        FunctionLine(row.unit.name, row.unit.kind, row.on, row.name, row.count, row.leadership, row.status)
        for row in sorted(rows, key=lambda r: (r.unit.order, r.order))
        if row.on == latest[row.unit_id]
    )


def figures_at(ward: Ward, on: date) -> StaffingFigures:
    snapshots = HeadcountSnapshot.objects.filter(ward=ward)
    first, current = _snapshots(
        ward, [snapshots.order_by("on").first(), snapshots.filter(on__lte=on).order_by("-on").first()]
    )
    units = _units(ward)
    kinds = Counter(unit.kind for unit in units)
    levels = Counter(unit.school_level for unit in units if unit.kind == UnitKind.SCHOOL)
    positions = (
        JobPosition.objects.filter(ward=ward)
        .select_related("unit", "placed_in")
        .order_by(F("unit__order").asc(nulls_last=True), "category", "order", "name")
    )
    needs = StaffingNeed.objects.filter(ward=ward).select_related("unit").order_by("unit__order", "pk")
    first_on = first.on if first else None
    function_rows = _function_rows(ward, on, first_on)
    return StaffingFigures(
        on=on,
        first=first,
        current=current,
        unit_rows=_unit_rows(units, first, current),
        positions=Positions(
            tuple(
                PositionLine(
                    unit=p.unit.name if p.unit else "",
                    name=p.name,
                    category=p.category,
                    quota=p.quota,
                    filled=p.filled,
                    placed_in=p.placed_in.name if p.placed_in else "",
                )
                for p in positions
            )
        ),
        needs=tuple(Need(n.unit.name, n.position, n.count, n.stated_on) for n in needs),
        units_by_kind=tuple(KindCount(kind.value, str(kind.label), kinds[kind]) for kind in UnitKind if kinds[kind]),
        schools_by_level=tuple(LevelCount(level.value, levels[level]) for level in SchoolLevel if levels[level]),
        units=tuple(Unit(unit.name, unit.kind, unit.origin) for unit in units),
        functions=_functions(function_rows, on),
        first_functions=_functions(function_rows, first_on),
    )


def changes_over(ward: Ward, period: DateRange) -> StaffingChanges:
    """The snapshot in force on the first day (else the first one inside the range) against the latest
    one inside the range."""
    snapshots = HeadcountSnapshot.objects.filter(ward=ward)
    opening = (
        snapshots.filter(on__lte=period.start).order_by("-on").first()
        or snapshots.filter(on__range=(period.start, period.end)).order_by("on").first()
    )
    closing = snapshots.filter(on__range=(period.start, period.end)).order_by("-on").first()
    start, end = _snapshots(ward, [opening, closing])
    return StaffingChanges(period=period, opening=start, closing=end, unit_rows=_unit_rows(_units(ward), start, end))


@dataclass(frozen=True)
class WardStaffing:
    """One ward's row of the city's totals on a date."""

    civil_servants: int = 0
    professional_short: int = 0


def _in_post(ward_ids: list[int], on: date) -> dict[int, int]:
    """Ward id → civil servants in post in its snapshot in force on `on` (as `Snapshot.civil_servants`)."""
    in_force = (
        HeadcountSnapshot.objects.filter(ward_id=OuterRef("snapshot__ward_id"), on__lte=on).order_by("-on").values("pk")
    )
    return dict(
        HeadcountLine.objects.filter(snapshot__ward_id__in=ward_ids, snapshot_id=Subquery(in_force[:1]))
        .values("snapshot__ward_id")
        .order_by("snapshot__ward_id")
        .annotate(count=Sum("civil_servants"))
        .values_list("snapshot__ward_id", "count")
    )


def _professional_short(ward_ids: list[int]) -> dict[int, int]:
    """Ward id → its professional positions short of quota (as `Positions.professional_short`)."""
    return dict(
        JobPosition.objects.filter(ward_id__in=ward_ids, category=PositionCategory.PROFESSIONAL)
        .values("ward_id")
        .order_by("ward_id")
        .annotate(short=Sum(Greatest(F("quota") - F("filled"), Value(0))))
        .values_list("ward_id", "short")
    )


@dataclass(frozen=True)
class StaffingHeadline:
    """The ward dashboard's tile: the same figures as `StaffingFigures` of the same names."""

    civil_servants_now: int
    civil_servants_start: int
    first_on: date | None
    positions_short: int


def headline_at(ward: Ward, on: date) -> StaffingHeadline:
    """The tile's four figures in four small queries, where `figures_at` reads every unit, position,
    function and need of the ward."""
    first_on = HeadcountSnapshot.objects.filter(ward=ward).order_by("on").values_list("on", flat=True).first()
    return StaffingHeadline(
        civil_servants_now=_in_post([ward.pk], on).get(ward.pk, 0),
        civil_servants_start=_in_post([ward.pk], first_on).get(ward.pk, 0) if first_on else 0,
        first_on=first_on,
        positions_short=_professional_short([ward.pk]).get(ward.pk, 0),
    )


def staffing_by_ward(wards: Iterable[Ward], on: date) -> dict[int, WardStaffing]:
    """Civil servants in post in each ward's snapshot in force on `on`, and its professional positions
    short of quota (as `Positions.professional_short`), per ward id, in two grouped queries."""
    ward_ids = [ward.pk for ward in wards]
    in_post = _in_post(ward_ids, on)
    short = _professional_short(ward_ids)
    return {
        ward_id: WardStaffing(civil_servants=in_post.get(ward_id, 0), professional_short=short.get(ward_id, 0))
        for ward_id in in_post.keys() | short.keys()
    }
