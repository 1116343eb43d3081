"""Reads of the assets tables for pages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When

from wards.history import HistoryRow, history_rows
from wards.models import Ward

from .models import EquipmentItem, Facility, FacilityUse, Spending

LEGAL_FILTERS = {
    "surveyed": Q(surveyed=True),
    "not_surveyed": Q(surveyed=False),
    "cadastral": Q(cadastral_record=True),
    "no_cadastral": Q(cadastral_record=False),
}


def held_on(on: date) -> Q:
    """Facilities on the register on `on`: taken over by then and not yet gone."""
    return Q(held_from__lte=on) & (Q(held_until__isnull=True) | Q(held_until__gt=on))


def register(ward: Ward, filters: Mapping[str, Any]) -> QuerySet[Facility]:
    """The ward's facilities narrowed by the cleaned RegisterFilter values."""
    # Uses in the order the reports list them (offices first), not alphabetically by code.
    use_order = Case(*(When(use=use, then=Value(i)) for i, use in enumerate(FacilityUse)), default=Value(99))
    facilities = Facility.objects.filter(ward=ward).order_by(use_order, "name")
    if filters.get("q"):
        text = filters["q"]
        facilities = facilities.filter(
            Q(name__icontains=text) | Q(address__icontains=text) | Q(user_name__icontains=text)
        )
    if filters.get("use"):
        facilities = facilities.filter(use=filters["use"])
    if filters.get("legal"):
        facilities = facilities.filter(LEGAL_FILTERS[filters["legal"]])
    if filters.get("handling"):
        facilities = facilities.filter(handling=filters["handling"])
    return facilities


def equipment_items(ward: Ward) -> QuerySet[EquipmentItem]:
    return EquipmentItem.objects.filter(ward=ward).order_by("unit", "position", "kind")


def spending_entries(ward: Ward, start: date, end: date) -> QuerySet[Spending]:
    """Entries touching the range, including those that cut through one of its ends."""
    return Spending.objects.filter(ward=ward, start__lte=end, end__gte=start).order_by("start", "kind")


def asset_history(ward: Ward, limit: int = 300) -> list[HistoryRow]:
    """The latest changes to the ward's facilities, equipment and spending, newest first. Each model is
    diffed on its own: history_rows pairs versions by id, and ids repeat across models."""
    rows: list[HistoryRow] = []
    for model in (Facility, EquipmentItem, Spending):
        rows.extend(history_rows(model.history.filter(ward=ward)))
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows[:limit]
