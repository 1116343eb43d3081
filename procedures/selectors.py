"""Reads for the TTHC pages (the figures of a range are in figures.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum

from wards.models import Ward
from wards.periods import DateRange

from .filters import EntryFilter
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


def entry_periods(ward: Ward, within: DateRange, filters: Mapping[str, Any] | None = None) -> QuerySet:
    """One row per period with entries touching `within` (start, end, fields, received, resolved,
    demo), newest first, narrowed by EntryFilter's query parameters. A queryset, so that a table
    sorts and pages it in the database."""
    entries = CaseVolume.objects.filter(ward=ward, start__lte=within.end, end__gte=within.start)
    return (
        EntryFilter(filters or {}, queryset=entries)
        .qs.values("start", "end")
        .annotate(
            fields=Count("id"),
            received=Sum("received"),
            resolved=Sum(F("resolved_on_time") + F("resolved_late")),
            demo=Count("id", filter=Q(is_demo=True)),
        )
        .order_by("-start", "-end")
    )


def catalogues(ward: Ward) -> QuerySet[ProcedureCatalogue]:
    return ProcedureCatalogue.objects.filter(ward=ward)
