"""Reads for the TTHC pages (the figures of a range are in figures.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from wards.models import Ward
from wards.periods import DateRange

from .models import COUNT_FIELDS, CaseVolume, ProcedureCatalogue, ProcedureField


def fields_for_entry(ward: Ward, period: DateRange | None) -> list[ProcedureField]:
    """Fields in use, and any retired field that already has an entry of exactly this period."""
    condition = Q(active=True)
    if period is not None:
        condition |= Q(case_volumes__ward=ward, case_volumes__start=period.start, case_volumes__end=period.end)
    return list(ProcedureField.objects.filter(condition).distinct().order_by("position", "name"))


def entered_counts(ward: Ward, period: DateRange) -> dict[int, dict[str, int]]:
    """Field id → counts of the entries of exactly this period."""
    return {
        entry["field_id"]: {name: entry[name] for name in COUNT_FIELDS}
        for entry in CaseVolume.objects.filter(ward=ward, start=period.start, end=period.end).values(
            "field_id", *COUNT_FIELDS
        )
    }


@dataclass(frozen=True)
class EntryPeriod:
    start: date
    end: date
    fields: int
    received: int
    resolved: int
    is_demo: bool

    @property
    def period(self) -> DateRange:
        return DateRange(self.start, self.end)


def entry_periods(ward: Ward, within: DateRange) -> list[EntryPeriod]:
    """The periods with entries touching `within`, newest first, with their totals."""
    rows = (
        CaseVolume.objects.filter(ward=ward, start__lte=within.end, end__gte=within.start)
        .values("start", "end")
        .annotate(
            n=Count("id"),
            total_received=Sum("received"),
            on_time=Sum("resolved_on_time"),
            late=Sum("resolved_late"),
            demo=Count("id", filter=Q(is_demo=True)),
        )
        .order_by("-start", "-end")
    )
    return [
        EntryPeriod(
            start=row["start"],
            end=row["end"],
            fields=row["n"],
            received=row["total_received"],
            resolved=row["on_time"] + row["late"],
            is_demo=bool(row["demo"]),
        )
        for row in rows
    ]


def catalogues(ward: Ward) -> QuerySet[ProcedureCatalogue]:
    return ProcedureCatalogue.objects.filter(ward=ward)
