"""What a ward owes the city, for the ward dashboard: a template tag, so that the dashboard app shows it
without importing the city app (DESIGN §3)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import template
from django.utils import timezone

from wards.models import Ward

from ..matrix import build_matrix
from ..models import Regime
from ..notify import reminders_for

register = template.Library()

# Periods ending within this many days are shown as coming, with their deadline.
LOOK_AHEAD_DAYS = 7
PERIODS_SHOWN = 3


@register.inclusion_tag("city/_ward_due.html")
def ward_due(ward: Ward) -> dict[str, Any]:
    today = timezone.localdate()
    items = []
    for regime in Regime.objects.filter(expected__ward=ward).distinct().select_related("template"):
        matrix = build_matrix(
            regime, ward.city, today, PERIODS_SHOWN, ward=ward, until=today + timedelta(days=LOOK_AHEAD_DAYS)
        )
        for row in matrix.rows:
            items.extend((regime, cell) for cell in row.expected)
    items.sort(key=lambda item: item[1].cell.deadline)
    return {"ward": ward, "items": items, "reminders": list(reminders_for(ward)[:5])}
