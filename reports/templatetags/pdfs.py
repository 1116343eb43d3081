"""{{ versions|last_done }}: the latest finished PDF of a list already fetched, for "the last PDF took"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from wards.formatting import vi_number

register = template.Library()


@register.filter
def last_done(versions: Iterable[Any]) -> Any:
    return next((version for version in versions if version.seconds is not None), None)


@register.filter
def vi_seconds(seconds: float | None) -> str:
    """2.46 → "2,5"; under a tenth of a second still shows as "0,1" rather than "0"."""
    if seconds is None:
        return "—"
    return vi_number(max(seconds, 0.1), 1)
