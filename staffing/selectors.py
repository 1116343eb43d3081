"""Reads of the staffing lists for pages (the figures of a date are in figures.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Greatest

from wards.models import Ward

from .filters import PositionFilter
from .models import JobPosition


def position_list(ward: Ward, filters: Mapping[str, Any] | None = None) -> QuerySet[JobPosition]:
    """The ward's job positions with `shortage` (quota not filled, never negative), in the order of the
    reports (units in their order, shared positions last), narrowed by PositionFilter's parameters."""
    positions = (
        JobPosition.objects.filter(ward=ward)
        .select_related("unit")
        .annotate(shortage=Greatest(F("quota") - F("filled"), Value(0)))
        .order_by(F("unit__order").asc(nulls_last=True), "category", "order", "name")
    )
    return PositionFilter(filters or {}, queryset=positions, ward=ward).qs
