"""The assets figures of a ward, for pages, the dashboard and the report code.

`figures_at(ward, on)` → `AssetFigures`: the facilities register as held on a date, and equipment.
`figures_for(ward, start, end)` → `AssetRangeFigures`: the register on the last day of the range (a stock takes
its latest snapshot inside the range) and the spending over the range (a flow). A fixed number of queries
whatever the number of facilities, items or entries (two for `figures_at`, three for `figures_for`).

Placeholder names for the report code, and the attribute that holds each value:

    assets.facilities                  .assets.facilities                  int, facilities held
    assets.offices / police / military / school_sites / health / surplus / other
                                       .assets.<same name>                 int, facilities by use
    assets.land_m2 / floor_m2 / total_m2
                                       .assets.<same name>                 int, whole m² (total = land + floor)
    assets.surplus_not_handled         .assets.surplus_not_handled         int
    assets.surplus_not_handled_names   .assets.surplus_not_handled_names   tuple[str, ...]
    assets.surplus_plan_proposed / surplus_handled
                                       .assets.<same name>                 int
    assets.not_surveyed / without_cadastral_record
                                       .assets.<same name>                 int
    spending.development / recurrent / equipment / total
                                       .spending.<same name>               int, whole đồng, entries inside the range
    spending.coverage                  .spending.coverage                  tuple[KindCoverage, ...] per kind
    spending.fully_covered             .spending.fully_covered             bool: every day of every kind covered
    equipment                          .equipment                          tuple[UnitEquipment, ...]; use
                                       .equipment_of("one_stop_centre") for the unit of a kind, whose
                                       .items (EquipmentLine: kind, quantity, measure, condition) and
                                       .missing (MissingItem: kind, on_order) the weekly report lists.

Format values with wards.formatting: vi_number for counts, vi_area for m², vi_money for đồng.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce

from wards.models import Ward
from wards.periods import DateRange

from .models import EquipmentItem, EquipmentStatus, Facility, FacilityUse, Handling, Spending, SpendingKind
from .selectors import held_on


@dataclass(frozen=True)
class FacilityFigures:
    on: date
    facilities: int
    offices: int
    police: int
    military: int
    school_sites: int
    health: int
    surplus: int
    other: int
    land_m2: int
    floor_m2: int
    surplus_not_handled: int
    surplus_not_handled_names: tuple[str, ...]
    surplus_plan_proposed: int
    surplus_handled: int
    not_surveyed: int
    without_cadastral_record: int

    @property
    def total_m2(self) -> int:
        return self.land_m2 + self.floor_m2

    def by_use(self) -> tuple[tuple[str, str, int], ...]:
        """(use value, label, count) in the order of the register's uses."""
        counts = {
            FacilityUse.OFFICE: self.offices,
            FacilityUse.POLICE: self.police,
            FacilityUse.MILITARY: self.military,
            FacilityUse.SCHOOL: self.school_sites,
            FacilityUse.HEALTH: self.health,
            FacilityUse.SURPLUS: self.surplus,
            FacilityUse.OTHER: self.other,
        }
        return tuple((use.value, str(use.label), counts[use]) for use in FacilityUse)


@dataclass(frozen=True)
class EquipmentLine:
    kind: str
    quantity: int
    measure: str
    condition: str


@dataclass(frozen=True)
class MissingItem:
    kind: str
    on_order: bool


@dataclass(frozen=True)
class UnitEquipment:
    unit: str
    kind: str
    items: tuple[EquipmentLine, ...]
    missing: tuple[MissingItem, ...]


@dataclass(frozen=True)
class HeldFacility:
    """A facility held on the figures' date, for the report text that names them."""

    name: str
    use: str
    user_name: str
    former_use: str
    temporary: bool
    committee_seat: bool


@dataclass(frozen=True)
class AssetFigures:
    on: date
    assets: FacilityFigures
    equipment: tuple[UnitEquipment, ...]
    held: tuple[HeldFacility, ...]

    def held_of(self, use: str) -> tuple[HeldFacility, ...]:
        return tuple(facility for facility in self.held if facility.use == use)

    def equipment_of(self, kind: str) -> UnitEquipment | None:
        """The equipment of the ward's unit of `kind` (staffing's UnitKind: the one-stop centre ...)."""
        return next((e for e in self.equipment if e.kind == kind), None)


@dataclass(frozen=True)
class KindCoverage:
    """How much of the range the entries of one kind cover ("303/309 ngày"); entries that cut through an
    end of the range are left out of the sums and listed, so the user sees them before approving."""

    kind: str
    label: str
    amount: int
    days_covered: int
    days: int
    cut_entries: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.days_covered == self.days and not self.cut_entries


@dataclass(frozen=True)
class SpendingFigures:
    period: DateRange
    development: int
    recurrent: int
    equipment: int
    coverage: tuple[KindCoverage, ...]

    @property
    def total(self) -> int:
        return self.development + self.recurrent + self.equipment

    @property
    def fully_covered(self) -> bool:
        return all(c.complete for c in self.coverage)


@dataclass(frozen=True)
class AssetRangeFigures(AssetFigures):
    period: DateRange
    spending: SpendingFigures


def _held(ward: Ward, on: date) -> list[Facility]:
    """The facilities held on `on`, read once for both their counts and their list: a ward holds tens of
    them, and counting them here costs less than compiling a dozen filtered aggregates."""
    return list(Facility.objects.filter(held_on(on), ward=ward).order_by("name", "pk"))


def _facility_figures(on: date, held: list[Facility]) -> FacilityFigures:
    uses = Counter(facility.use for facility in held)
    surplus = [facility for facility in held if facility.use == FacilityUse.SURPLUS]

    def handled(facility: Facility, after: bool = False) -> bool:
        if facility.handling != Handling.HANDLED or facility.handled_on is None:
            return False
        return facility.handled_on > on if after else facility.handled_on <= on

    # A facility handled after `on` was still waiting on that date.
    waiting_names = tuple(
        facility.name
        for facility in surplus
        if facility.handling == Handling.NOT_HANDLED or handled(facility, after=True)
    )
    return FacilityFigures(
        on=on,
        facilities=len(held),
        offices=uses[FacilityUse.OFFICE],
        police=uses[FacilityUse.POLICE],
        military=uses[FacilityUse.MILITARY],
        school_sites=uses[FacilityUse.SCHOOL],
        health=uses[FacilityUse.HEALTH],
        surplus=uses[FacilityUse.SURPLUS],
        other=uses[FacilityUse.OTHER],
        land_m2=sum(facility.land_m2 for facility in held),
        floor_m2=sum(facility.floor_m2 for facility in held),
        surplus_not_handled=len(waiting_names),
        surplus_not_handled_names=waiting_names,
        surplus_plan_proposed=sum(1 for facility in surplus if facility.handling == Handling.PLAN_PROPOSED),
        surplus_handled=sum(1 for facility in surplus if handled(facility)),
        not_surveyed=sum(1 for facility in held if not facility.surveyed),
        without_cadastral_record=sum(1 for facility in held if not facility.cadastral_record),
    )


def facility_figures(ward: Ward, on: date) -> FacilityFigures:
    return _facility_figures(on, _held(ward, on))


def equipment_figures(ward: Ward) -> tuple[UnitEquipment, ...]:
    """Equipment as it stands now: the list is kept current, and its history records earlier states."""
    units: dict[tuple[str, str], tuple[list[EquipmentLine], list[MissingItem]]] = {}
    for item in (
        EquipmentItem.objects.filter(ward=ward).select_related("unit").order_by("unit__order", "position", "kind")
    ):
        items, missing = units.setdefault((item.unit.name, item.unit.kind), ([], []))
        if item.status == EquipmentStatus.IN_PLACE:
            items.append(EquipmentLine(item.kind, item.quantity, item.measure, item.get_condition_display()))
        else:
            missing.append(MissingItem(item.kind, on_order=item.status == EquipmentStatus.ON_ORDER))
    return tuple(
        UnitEquipment(name, kind, tuple(items), tuple(missing)) for (name, kind), (items, missing) in units.items()
    )


def spending_figures(ward: Ward, period: DateRange) -> SpendingFigures:
    entries = Spending.objects.filter(ward=ward, start__lte=period.end, end__gte=period.start).order_by("start")
    amounts = {kind.value: 0 for kind in SpendingKind}
    # Entries of one kind never overlap (Spending.clean), so their days add up.
    covered = {kind.value: 0 for kind in SpendingKind}
    cut: dict[str, list[str]] = {kind.value: [] for kind in SpendingKind}
    for entry in entries:
        if period.covers(DateRange(entry.start, entry.end)):
            amounts[entry.kind] += entry.amount
            covered[entry.kind] += DateRange(entry.start, entry.end).days
        else:
            cut[entry.kind].append(str(entry))
    coverage = tuple(
        KindCoverage(
            kind=kind.value,
            label=str(kind.label),
            amount=amounts[kind.value],
            days_covered=covered[kind.value],
            days=period.days,
            cut_entries=tuple(cut[kind.value]),
        )
        for kind in SpendingKind
    )
    return SpendingFigures(
        period=period,
        development=amounts[SpendingKind.DEVELOPMENT],
        recurrent=amounts[SpendingKind.RECURRENT],
        equipment=amounts[SpendingKind.EQUIPMENT],
        coverage=coverage,
    )


def _held_facilities(held: list[Facility]) -> tuple[HeldFacility, ...]:
    return tuple(
        HeldFacility(f.name, f.use, f.user_name, f.former_use, f.temporary, f.committee_seat)
        for f in sorted(held, key=lambda f: (f.use, f.pk))
    )


def figures_at(ward: Ward, on: date) -> AssetFigures:
    held = _held(ward, on)
    return AssetFigures(
        on=on, assets=_facility_figures(on, held), equipment=equipment_figures(ward), held=_held_facilities(held)
    )


def figures_for(ward: Ward, start: date, end: date) -> AssetRangeFigures:
    period = DateRange(start, end)
    held = _held(ward, end)
    return AssetRangeFigures(
        on=end,
        assets=_facility_figures(end, held),
        equipment=equipment_figures(ward),
        held=_held_facilities(held),
        period=period,
        spending=spending_figures(ward, period),
    )


@dataclass(frozen=True)
class WardAssets:
    """One ward's row of the city's totals: facilities held at the range's end and spending over it."""

    facilities: int = 0
    land_m2: int = 0
    floor_m2: int = 0
    development: int = 0
    recurrent: int = 0
    equipment: int = 0

    @property
    def total_m2(self) -> int:
        return self.land_m2 + self.floor_m2

    @property
    def spending(self) -> int:
        return self.development + self.recurrent + self.equipment


def latest_spending_end_of(wards: Iterable[Ward]) -> date | None:
    """The last day any of the wards has entered spending for."""
    return Spending.objects.filter(ward__in=list(wards)).aggregate(last=Max("end"))["last"]


def assets_by_ward(wards: Iterable[Ward], period: DateRange) -> dict[int, WardAssets]:
    """Facilities on the register at the range's end and spending inside the range, per ward id, in two
    grouped queries; as in `spending_figures`, an entry cut by the range is left out."""
    ward_ids = [ward.pk for ward in wards]
    rows: dict[int, dict[str, int]] = {}
    facilities = (
        Facility.objects.filter(held_on(period.end), ward_id__in=ward_ids)
        .values("ward_id")
        .order_by("ward_id")
        .annotate(facilities=Count("pk"), land_m2=Coalesce(Sum("land_m2"), 0), floor_m2=Coalesce(Sum("floor_m2"), 0))
    )
    for row in facilities:
        rows[row.pop("ward_id")] = row
    kinds = {kind.value: Coalesce(Sum("amount", filter=Q(kind=kind)), 0) for kind in SpendingKind}
    spending = (
        Spending.objects.filter(ward_id__in=ward_ids, start__gte=period.start, end__lte=period.end)
        .values("ward_id")
        .order_by("ward_id")
        .annotate(**kinds)
    )
    for row in spending:
        rows.setdefault(row.pop("ward_id"), {}).update(row)
    return {ward_id: WardAssets(**row) for ward_id, row in rows.items()}
