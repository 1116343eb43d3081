"""The domain figures of a range summed across a city's wards: one grouped query per domain, whatever
the number of wards, and rates recomputed from the summed counts (never an average of rates)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal

from assets.figures import WardAssets, assets_by_ward, latest_spending_end_of
from procedures.figures import Counts, counts_by_ward, latest_end_of
from staffing.figures import WardStaffing, staffing_by_ward
from wards.models import Ward
from wards.periods import DateRange


@dataclass(frozen=True)
class Row:
    """One ward's figures, or the sum of all of them (ward None)."""

    ward: Ward | None
    tthc: Counts
    staffing: WardStaffing
    assets: WardAssets

    @property
    def received(self) -> int:
        return self.tthc.received

    @property
    def resolved(self) -> int:
        return self.tthc.resolved

    @property
    def on_time(self) -> int:
        return self.tthc.on_time

    @property
    def on_time_rate(self) -> Decimal | None:
        return self.tthc.on_time_rate

    @property
    def online_rate(self) -> Decimal | None:
        return self.tthc.online_rate

    @property
    def civil_servants(self) -> int:
        return self.staffing.civil_servants

    @property
    def short(self) -> int:
        return self.staffing.professional_short

    @property
    def facilities(self) -> int:
        return self.assets.facilities

    @property
    def land_m2(self) -> int:
        return self.assets.land_m2

    @property
    def floor_m2(self) -> int:
        return self.assets.floor_m2

    @property
    def development(self) -> int:
        return self.assets.development

    @property
    def recurrent(self) -> int:
        return self.assets.recurrent

    @property
    def equipment(self) -> int:
        return self.assets.equipment

    @property
    def spending(self) -> int:
        return self.assets.spending


# The columns a reader may rank the wards by, in the order of the table.
COLUMNS = (
    "received",
    "resolved",
    "on_time",
    "on_time_rate",
    "online_rate",
    "civil_servants",
    "short",
    "facilities",
    "land_m2",
    "floor_m2",
    "development",
    "recurrent",
    "equipment",
    "spending",
)


def _sum(items: Sequence[object], kind: type) -> object:
    return kind(**{f.name: sum(getattr(item, f.name) for item in items) for f in fields(kind)})


@dataclass(frozen=True)
class Totals:
    period: DateRange
    rows: tuple[Row, ...]
    total: Row

    def ranked(self, column: str, descending: bool) -> tuple[Row, ...]:
        """The rows ranked by `column`; wards without a rate go last either way."""
        if column not in COLUMNS:
            return self.rows
        known = [row for row in self.rows if getattr(row, column) is not None]
        unknown = [row for row in self.rows if getattr(row, column) is None]
        return tuple(sorted(known, key=lambda row: getattr(row, column), reverse=descending) + unknown)


def latest_year(wards: Sequence[Ward]) -> DateRange | None:
    """The twelve months up to the last day with flows entered (cases or spending) in any of the wards:
    what the totals open on, as a figure page without a period opens on its latest data."""
    ends = [day for day in (latest_end_of(wards), latest_spending_end_of(wards)) if day is not None]
    if not ends:
        return None
    last: date = max(ends)
    return DateRange(last - timedelta(days=364), last)


def city_totals(wards: Sequence[Ward], period: DateRange) -> Totals:
    tthc = counts_by_ward(wards, period)
    staffing = staffing_by_ward(wards, period.end)
    assets = assets_by_ward(wards, period)
    rows = tuple(
        Row(
            ward=ward,
            tthc=tthc.get(ward.pk, Counts()),
            staffing=staffing.get(ward.pk, WardStaffing()),
            assets=assets.get(ward.pk, WardAssets()),
        )
        for ward in wards
    )
    total = Row(
        ward=None,
        tthc=_sum([row.tthc for row in rows], Counts),  # type: ignore[arg-type]
        staffing=_sum([row.staffing for row in rows], WardStaffing),  # type: ignore[arg-type]
        assets=_sum([row.assets for row in rows], WardAssets),  # type: ignore[arg-type]
    )
    return Totals(period=period, rows=rows, total=total)
