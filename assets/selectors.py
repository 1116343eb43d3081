"""Reads of the assets tables for pages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When

from wards.history import HistoryRow, history_rows
from wards.models import Ward

from .filters import FacilityFilter, SpendingFilter
from .models import EquipmentItem, Facility, FacilityUse, Spending


def held_on(on: date) -> Q:
    """Facilities on the register on `on`: taken over by then and not yet gone."""
    return Q(held_from__lte=on) & (Q(held_until__isnull=True) | Q(held_until__gt=on))


def register(ward: Ward, filters: Mapping[str, Any] | None = None) -> QuerySet[Facility]:
    """The ward's facilities narrowed by FacilityFilter's query parameters, with `use_rank` to sort
    uses in the order the reports list them (offices first), not alphabetically by code."""
    use_rank = Case(*(When(use=use, then=Value(i)) for i, use in enumerate(FacilityUse)), default=Value(99))
    facilities = Facility.objects.filter(ward=ward).annotate(use_rank=use_rank).order_by("use_rank", "name")
    return FacilityFilter(filters or {}, queryset=facilities).qs


def equipment_items(ward: Ward) -> QuerySet[EquipmentItem]:
    return EquipmentItem.objects.filter(ward=ward).select_related("unit").order_by("unit__order", "position", "kind")


def spending_entries(
    ward: Ward, start: date, end: date, filters: Mapping[str, Any] | None = None
) -> QuerySet[Spending]:
    """Entries touching the range, including those that cut through one of its ends, narrowed by
    SpendingFilter's query parameters."""
    entries = Spending.objects.filter(ward=ward, start__lte=end, end__gte=start).order_by("start", "kind")
    return SpendingFilter(filters or {}, queryset=entries).qs


def latest_spending_end(ward: Ward) -> date | None:
    """The last day with spending entered: the spending page opens on the month holding it."""
    return Spending.objects.filter(ward=ward).order_by("-end").values_list("end", flat=True).first()


def asset_history(ward: Ward, limit: int = 300) -> list[HistoryRow]:
    """The latest changes to the ward's facilities, equipment and spending, newest first. Each model is
    diffed on its own: history_rows pairs versions by id, and ids repeat across models."""
    rows: list[HistoryRow] = []
    for model in (Facility, EquipmentItem, Spending):
        rows.extend(history_rows(model.history.filter(ward=ward)))
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows[:limit]
