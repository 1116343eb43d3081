"""The typed, frozen figures that staffing.figures returns, for the report code, the dashboard and the staffing
pages.

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
    units                       tuple[Unit]: name, kind, origin; unit_of(kind), unit_names(kind)
    functions, first_functions  tuple[FunctionLine]: staff by function in force at `on` and at the first
                                snapshot; functions_of(kind, at_first=False)

Snapshot
    on, lines (tuple[UnitLine]), non_specialised_workers, non_specialised_left, non_specialised_left_from,
    includes_military (whether the civil servants counted include the military command); line_of(kind),
    civil_servants, civil_servants_excluding_military, military, public_employees, contract_workers,
    total, seconded_out, seconded_in; line(unit_name) → UnitLine | None

UnitLine
    unit, kind, school_level, head_title, deputy_title, total, heads, deputies, specialists, civil_servants,
    public_employees, contract_workers, seconded_out, seconded_in

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

from dataclasses import dataclass
from datetime import date

from wards.periods import DateRange

from .models import PositionCategory, UnitKind


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    origin: str


@dataclass(frozen=True)
class FunctionLine:
    unit: str
    kind: str
    on: date
    name: str
    count: int
    leadership: bool
    status: str


@dataclass(frozen=True)
class UnitLine:
    unit: str
    kind: str
    school_level: str
    head_title: str
    deputy_title: str
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
    non_specialised_left_from: date | None
    includes_military: bool

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

    def line_of(self, kind: str) -> UnitLine | None:
        """The line of the ward's unit of `kind` (the one-stop centre, the health station ...)."""
        return next((line for line in self.lines if line.kind == kind), None)


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
    placed_in: str = ""

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
    # Shared positions whose holders work in this unit: counted with its people, not in its quota.
    hosted: tuple[PositionLine, ...] = ()

    @property
    def working(self) -> int:
        return self.filled + sum(line.filled for line in self.hosted)


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
                hosted=tuple(line for line in groups.get("", ()) if name and line.placed_in == name),
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
    units: tuple[Unit, ...] = ()
    # The lists of staff by function in force at `on` and at the first snapshot's date.
    functions: tuple[FunctionLine, ...] = ()
    first_functions: tuple[FunctionLine, ...] = ()

    def unit_of(self, kind: str) -> Unit | None:
        return next((unit for unit in self.units if unit.kind == kind), None)

    def unit_names(self, kind: str) -> tuple[str, ...]:
        return tuple(unit.name for unit in self.units if unit.kind == kind)

    def functions_of(self, kind: str, *, at_first: bool = False) -> tuple[FunctionLine, ...]:
        lines = self.first_functions if at_first else self.functions
        return tuple(line for line in lines if line.kind == kind)

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
