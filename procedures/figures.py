"""The TTHC figures of a ward over a date range, for pages, the dashboard and report placeholders.

`figures_for(ward, start, end)` (or `figures_for(ward, DateRange)`) returns a frozen `ProcedureFigures`;
it runs three queries whatever the length of the range; `nested_figures(ward, outer, *inner)` gives
ranges that end on the outer one's last day in the same three. Attributes (placeholders `tthc.<name>`):

Flows, summed over the entries inside the range (an entry cut by the range is left out and listed
in `coverage.cut_entries`):
    received, received_online, on_time, late, resolved (= on_time + late), digitised, e_results,
    paid_online, fee_bearing
Stocks, from the latest entry of each field inside the range:
    in_progress_on_time, in_progress_overdue, returned_for_supplement, awaiting_return, returned,
    awaiting_issuance, in_progress (= the first three)
Rates in percent (Decimal cut to 2 decimals as the city's TTHC system prints them, None without a base),
following Quyết định 766/QĐ-TTg:
    on_time_rate = on_time / resolved
    late_rate = 100 - on_time_rate; not late / resolved, so that the two printed rates always add up
        to 100% as in the reports (8.258/8.260 → 99,97% and 0,03%, where 2/8.260 would print 0,02%)
    online_rate = received_online / received
    digitisation_rate = digitised / received
    e_result_rate = e_results / resolved
    online_payment_rate = paid_online / fee_bearing
Breakdowns:
    by_field: one FieldRow per field in use (name, counts: Counts with the same names as above)
    weeks: one WeekRow per week (Monday) with entries, for the chart: received, resolved, on_time_rate
    coverage: Coverage (weeks_covered, weeks_total, label "45/45 tuần", complete, cut_entries, entries)
    catalogue: CatalogueFigures at the end of the range (procedures, fully_online, partly_online,
        boundary_free_cases, eligible_fully_online, full_online_service_rate, as_of) or None
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from wards.models import Ward
from wards.periods import DateRange

from .models import FLOW_FIELDS, STATUS_FIELDS, CaseVolume, ProcedureCatalogue, ProcedureField

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def rate(part: int, whole: int) -> Decimal | None:
    """part/whole in percent, cut (never rounded up) to 2 decimals; None when there is no base."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(CENT, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Counts:
    received: int = 0
    received_online: int = 0
    on_time: int = 0
    late: int = 0
    digitised: int = 0
    e_results: int = 0
    paid_online: int = 0
    fee_bearing: int = 0
    in_progress_on_time: int = 0
    in_progress_overdue: int = 0
    returned_for_supplement: int = 0
    awaiting_return: int = 0
    returned: int = 0
    awaiting_issuance: int = 0

    @property
    def resolved(self) -> int:
        return self.on_time + self.late

    @property
    def in_progress(self) -> int:
        return self.in_progress_on_time + self.in_progress_overdue + self.returned_for_supplement

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.on_time, self.resolved)

    @property
    def late_rate(self) -> Decimal | None:
        on_time_rate = self.on_time_rate
        return None if on_time_rate is None else HUNDRED - on_time_rate

    @property
    def online_rate(self) -> Decimal | None:
        return rate(self.received_online, self.received)

    @property
    def digitisation_rate(self) -> Decimal | None:
        return rate(self.digitised, self.received)

    @property
    def e_result_rate(self) -> Decimal | None:
        return rate(self.e_results, self.resolved)

    @property
    def online_payment_rate(self) -> Decimal | None:
        return rate(self.paid_online, self.fee_bearing)


# Model column → Counts attribute, where the names differ.
_FLOW_NAMES = {"resolved_on_time": "on_time", "resolved_late": "late"}


def _add(totals: dict[str, int], entry: CaseVolume, names: tuple[str, ...]) -> None:
    for name in names:
        totals[_FLOW_NAMES.get(name, name)] += getattr(entry, name)


@dataclass(frozen=True)
class FieldRow:
    name: str
    counts: Counts


@dataclass(frozen=True)
class WeekRow:
    monday: date
    received: int
    resolved: int
    on_time_rate: Decimal | None


@dataclass(frozen=True)
class Coverage:
    weeks_covered: int
    weeks_total: int
    entries: int
    cut_entries: tuple[CaseVolume, ...]

    @property
    def complete(self) -> bool:
        return self.weeks_covered == self.weeks_total and not self.cut_entries

    @property
    def label(self) -> str:
        return _("%(covered)s/%(total)s weeks") % {"covered": self.weeks_covered, "total": self.weeks_total}


@dataclass(frozen=True)
class CatalogueFigures:
    as_of: date
    procedures: int
    fully_online: int
    partly_online: int
    boundary_free_cases: int
    eligible_fully_online: int | None = None

    @property
    def full_online_service_rate(self) -> Decimal | None:
        """Procedures offered fully online out of those eligible to be (the seed's 100%)."""
        return None if self.eligible_fully_online is None else rate(self.fully_online, self.eligible_fully_online)


@dataclass(frozen=True)
class ProcedureFigures(Counts):
    ward: Ward | None = None
    range: DateRange | None = None
    by_field: tuple[FieldRow, ...] = ()
    weeks: tuple[WeekRow, ...] = ()
    coverage: Coverage | None = None
    catalogue: CatalogueFigures | None = None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def figures_for(ward: Ward, start: date | DateRange, end: date | None = None) -> ProcedureFigures:
    period = start if isinstance(start, DateRange) else DateRange(start, end)  # type: ignore[arg-type]
    return nested_figures(ward, period)[0]


def nested_figures(ward: Ward, outer: DateRange, *inner: DateRange) -> tuple[ProcedureFigures, ...]:
    """The figures of `outer` and of each `inner` range, which lies inside it and ends on its last day
    (the dashboard's half year and its latest week), in the three queries of one range."""
    for period in inner:
        if period.end != outer.end or period.start < outer.start:
            raise ValueError(f"{period} is not a range inside {outer} that ends on its last day")
    touching = list(
        CaseVolume.objects.filter(ward=ward, start__lte=outer.end, end__gte=outer.start).order_by("start", "pk")
    )
    # The catalogue of fields is a dozen rows: read whole and joined here, rather than a copy of a field
    # made for each of the hundreds of entries a half year holds.
    fields = list(ProcedureField.objects.all())
    by_pk = {field.pk: field for field in fields}
    for entry in touching:
        entry.field = by_pk[entry.field_id]
    # Every range ends on the same day, so the catalogue in force at its end is the same one.
    catalogue = ProcedureCatalogue.objects.filter(ward=ward, as_of__lte=outer.end).order_by("-as_of").first()
    return tuple(
        _figures(
            ward,
            period,
            [entry for entry in touching if entry.start <= period.end and entry.end >= period.start],
            fields,
            catalogue,
        )
        for period in (outer, *inner)
    )


def _figures(
    ward: Ward,
    period: DateRange,
    touching: list[CaseVolume],
    fields: list[ProcedureField],
    catalogue: ProcedureCatalogue | None,
) -> ProcedureFigures:
    inside = [entry for entry in touching if period.covers(entry.period)]
    cut = tuple(entry for entry in touching if not period.covers(entry.period))
    used = {entry.field_id for entry in inside}
    # Fields no longer in use still show where the range has entries for them.
    fields = [field for field in fields if field.active or field.pk in used]

    flows: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    latest: dict[int, CaseVolume] = {}
    week_totals: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    covered_weeks: set[date] = set()
    for entry in inside:
        _add(flows[entry.field_id], entry, FLOW_FIELDS)
        if entry.field_id not in latest or entry.end >= latest[entry.field_id].end:
            latest[entry.field_id] = entry
        covered_weeks.update(
            _monday(entry.start) + timedelta(weeks=n)
            for n in range((_monday(entry.end) - _monday(entry.start)).days // 7 + 1)
        )
        week = week_totals[_monday(entry.start)]
        _add(week, entry, ("received", "resolved_on_time", "resolved_late"))

    def counts_of(field_id: int) -> Counts:
        values = dict(flows.get(field_id, {}))
        if field_id in latest:
            values.update({name: getattr(latest[field_id], name) for name in STATUS_FIELDS})
        return Counts(**values)

    by_field = tuple(FieldRow(name=f.name, counts=counts_of(f.pk)) for f in fields)
    totals = {name: sum(getattr(row.counts, name) for row in by_field) for name in Counts.__dataclass_fields__}
    weeks_total = (_monday(period.end) - _monday(period.start)).days // 7 + 1
    return ProcedureFigures(
        **totals,
        ward=ward,
        range=period,
        by_field=by_field,
        weeks=tuple(
            WeekRow(
                monday=monday,
                received=values["received"],
                resolved=values["on_time"] + values["late"],
                on_time_rate=rate(values["on_time"], values["on_time"] + values["late"]),
            )
            for monday, values in sorted(week_totals.items())
        ),
        coverage=Coverage(
            weeks_covered=len(covered_weeks),
            weeks_total=weeks_total,
            entries=len(inside),
            cut_entries=cut,
        ),
        catalogue=None
        if catalogue is None
        else CatalogueFigures(
            as_of=catalogue.as_of,
            procedures=catalogue.procedures,
            fully_online=catalogue.fully_online,
            partly_online=catalogue.partly_online,
            boundary_free_cases=catalogue.boundary_free_cases,
            eligible_fully_online=catalogue.eligible_fully_online,
        ),
    )


def latest_period(ward: Ward) -> DateRange | None:
    """The period of the ward's most recent entry: what the dashboard shows at a glance."""
    latest = CaseVolume.objects.filter(ward=ward).order_by("-end", "-start").values_list("start", "end").first()
    return DateRange(*latest) if latest else None


def latest_end_of(wards: Iterable[Ward]) -> date | None:
    """The last day any of the wards has entered cases for (the city's totals open on the year up to it)."""
    return CaseVolume.objects.filter(ward__in=list(wards)).aggregate(last=Max("end"))["last"]


def counts_by_ward(wards: Iterable[Ward], period: DateRange) -> dict[int, Counts]:
    """The flows of each ward over the range in one grouped query (ward id → Counts; stocks left at 0).

    As in `figures_for`, an entry cut by the range is left out, so a ward's row here equals its own
    figures; rates come from the summed counts, never from an average of rates."""
    columns = {_FLOW_NAMES.get(name, name): Sum(name) for name in FLOW_FIELDS}
    rows = (
        CaseVolume.objects.filter(ward__in=list(wards), start__gte=period.start, end__lte=period.end)
        .values("ward_id")
        .order_by("ward_id")
        .annotate(**columns)
    )
    return {row.pop("ward_id"): Counts(**row) for row in rows}
