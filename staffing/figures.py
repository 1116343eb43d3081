"""The staffing figures of a ward, for the report code, the dashboard and the staffing pages.

`figures_at(ward, on)` → `StaffingFigures`: the snapshot in force at `on` (the latest on or before it)
against the ward's first snapshot, the job positions and the staffing needs as they stand now.
`changes_over(ward, period)` → `StaffingChanges`: the snapshot in force at the start of the range
against the latest one inside it.

Both run a fixed number of queries, whatever the number of units, positions or snapshots.

Placeholders of the report read these attributes (all frozen dataclasses, counts are int):

StaffingFigures
    on, first (Snapshot | None), current (Snapshot | None)
    civil_servants_start        officials and civil servants of the first snapshot (46 for Kim Trà)
    civil_servants_now          the same in the snapshot in force at `on` (43 on 01/5/2026)
    civil_servants_change       now minus start
    unit_rows                   tuple[UnitRow]: unit, kind, school_level, start and now (UnitLine | None)
    positions                   Positions (below)
    positions_short             professional posts short of the quota, leadership excluded (8)
    needs                       tuple[Need]: unit, position, count, stated_on
    units_by_kind               tuple[KindCount]: kind, label, count (kinds with units only)
    schools, schools_by_level   13; tuple[LevelCount]: level ("Mầm non", "Tiểu học", "THCS"), count
    non_specialised_start       non-specialised workers (người hoạt động không chuyên trách) in the first snapshot (29)
    non_specialised_left        left under Decree 154 by `on` (27)
    non_specialised_now         still working at `on` (2)

Snapshot
    on, lines (tuple[UnitLine]), non_specialised_workers, non_specialised_left,
    civil_servants, civil_servants_excluding_military, military, public_employees, contract_workers,
    total, seconded_out, seconded_in; line(unit_name) → UnitLine | None

UnitLine
    unit, kind, school_level, total, heads, deputies, specialists, civil_servants, public_employees,
    contract_workers, seconded_out, seconded_in

Positions
    lines (tuple[PositionLine]: unit ("" when shared), name, category, quota, filled, short, over_quota),
    leadership_quota (8), leadership_filled, leadership_short, professional_quota (33),
    professional_filled, professional_short (8), by_unit (tuple[UnitPositions]: unit ("" for the
    shared positions), quota, filled, short, short_names), over_quota (positions filled above quota)

StaffingChanges
    period, opening, closing (Snapshot | None), civil_servants_opening, civil_servants_closing,
    civil_servants_change, unit_rows (tuple[UnitRow], start = opening, now = closing)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import F

from wards.models import Ward
from wards.periods import DateRange

from .models import (
    HeadcountLine,
    HeadcountSnapshot,
    JobPosition,
    OrgUnit,
    PositionCategory,
    SchoolLevel,
    StaffingNeed,
    UnitKind,
)


@dataclass(frozen=True)
class UnitLine:
    unit: str
    kind: str
    school_level: str
    total: int
    heads: int
    deputies: int
    specialists: int
    civil_servants: int
    public_employees: int
    contract_workers: int
    seconded_out: int
    seconded_in: int


@dataclass(frozen=True)
class Snapshot:
    on: date
    lines: tuple[UnitLine, ...]
    non_specialised_workers: int
    non_specialised_left: int

    def _sum(self, name: str) -> int:
        return sum(getattr(line, name) for line in self.lines)

    @property
    def civil_servants(self) -> int:
        return self._sum("civil_servants")

    @property
    def military(self) -> int:
        return sum(line.civil_servants for line in self.lines if line.kind == UnitKind.MILITARY)

    @property
    def civil_servants_excluding_military(self) -> int:
        return self.civil_servants - self.military

    @property
    def public_employees(self) -> int:
        return self._sum("public_employees")

    @property
    def contract_workers(self) -> int:
        return self._sum("contract_workers")

    @property
    def total(self) -> int:
        return self._sum("total")

    @property
    def seconded_out(self) -> int:
        return self._sum("seconded_out")

    @property
    def seconded_in(self) -> int:
        return self._sum("seconded_in")

    def line(self, unit_name: str) -> UnitLine | None:
        return next((line for line in self.lines if line.unit == unit_name), None)


@dataclass(frozen=True)
class UnitRow:
    unit: str
    kind: str
    school_level: str
    start: UnitLine | None
    now: UnitLine | None

    @property
    def change(self) -> int:
        return (self.now.total if self.now else 0) - (self.start.total if self.start else 0)


@dataclass(frozen=True)
class PositionLine:
    unit: str
    name: str
    category: str
    quota: int
    filled: int

    @property
    def short(self) -> int:
        return max(self.quota - self.filled, 0)

    @property
    def over_quota(self) -> bool:
        return self.filled > self.quota


@dataclass(frozen=True)
class UnitPositions:
    unit: str
    quota: int
    filled: int
    short: int
    short_names: tuple[str, ...]


@dataclass(frozen=True)
class Positions:
    lines: tuple[PositionLine, ...]

    def _of(self, category: str) -> tuple[PositionLine, ...]:
        return tuple(line for line in self.lines if line.category == category)

    @property
    def leadership_quota(self) -> int:
        return sum(line.quota for line in self._of(PositionCategory.LEADERSHIP))

    @property
    def leadership_filled(self) -> int:
        return sum(line.filled for line in self._of(PositionCategory.LEADERSHIP))

    @property
    def leadership_short(self) -> int:
        return sum(line.short for line in self._of(PositionCategory.LEADERSHIP))

    @property
    def professional_quota(self) -> int:
        return sum(line.quota for line in self._of(PositionCategory.PROFESSIONAL))

    @property
    def professional_filled(self) -> int:
        return sum(line.filled for line in self._of(PositionCategory.PROFESSIONAL))

    @property
    def professional_short(self) -> int:
        return sum(line.short for line in self._of(PositionCategory.PROFESSIONAL))

    @property
    def by_unit(self) -> tuple[UnitPositions, ...]:
        """Professional positions per unit, in unit order, the shared positions last."""
        groups: dict[str, list[PositionLine]] = {}
        for line in self._of(PositionCategory.PROFESSIONAL):
            groups.setdefault(line.unit, []).append(line)
        ordered = [name for name in groups if name] + ([""] if "" in groups else [])
        return tuple(
            UnitPositions(
                unit=name,
                quota=sum(line.quota for line in groups[name]),
                filled=sum(line.filled for line in groups[name]),
                short=sum(line.short for line in groups[name]),
                short_names=tuple(line.name for line in groups[name] if line.short),
            )
            for name in ordered
        )

    @property
    def over_quota(self) -> tuple[PositionLine, ...]:
        return tuple(line for line in self.lines if line.over_quota)


@dataclass(frozen=True)
class Need:
    unit: str
    position: str
    count: int
    stated_on: date


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class LevelCount:
    level: str
    count: int


@dataclass(frozen=True)
class StaffingFigures:
    on: date
    first: Snapshot | None
    current: Snapshot | None
    unit_rows: tuple[UnitRow, ...]
    positions: Positions
    needs: tuple[Need, ...]
    units_by_kind: tuple[KindCount, ...]
    schools_by_level: tuple[LevelCount, ...]

    @property
    def civil_servants_start(self) -> int:
        return self.first.civil_servants if self.first else 0

    @property
    def civil_servants_now(self) -> int:
        return self.current.civil_servants if self.current else 0

    @property
    def civil_servants_change(self) -> int:
        return self.civil_servants_now - self.civil_servants_start

    @property
    def positions_short(self) -> int:
        return self.positions.professional_short

    @property
    def schools(self) -> int:
        return sum(level.count for level in self.schools_by_level)

    @property
    def non_specialised_start(self) -> int:
        return self.first.non_specialised_workers if self.first else 0

    @property
    def non_specialised_left(self) -> int:
        return self.current.non_specialised_left if self.current else 0

    @property
    def non_specialised_now(self) -> int:
        return self.current.non_specialised_workers if self.current else 0


@dataclass(frozen=True)
class StaffingChanges:
    period: DateRange
    opening: Snapshot | None
    closing: Snapshot | None
    unit_rows: tuple[UnitRow, ...]

    @property
    def civil_servants_opening(self) -> int:
        return self.opening.civil_servants if self.opening else 0

    @property
    def civil_servants_closing(self) -> int:
        return self.closing.civil_servants if self.closing else 0

    @property
    def civil_servants_change(self) -> int:
        return self.civil_servants_closing - self.civil_servants_opening


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
        .select_related("unit")
        .order_by(F("unit__order").asc(nulls_last=True), "category", "order", "name")
    )
    needs = StaffingNeed.objects.filter(ward=ward).select_related("unit").order_by("unit__order", "pk")
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
                )
                for p in positions
            )
        ),
        needs=tuple(Need(n.unit.name, n.position, n.count, n.stated_on) for n in needs),
        units_by_kind=tuple(KindCount(kind.value, str(kind.label), kinds[kind]) for kind in UnitKind if kinds[kind]),
        schools_by_level=tuple(LevelCount(level.value, levels[level]) for level in SchoolLevel if levels[level]),
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
