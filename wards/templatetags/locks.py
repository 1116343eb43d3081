from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import template

from wards.locks import lock_covering, lock_message
from wards.models import Ward
from wards.periods import DateRange

register = template.Library()

When = date | DateRange | None


def _dates(when: tuple[When | Iterable[When], ...]) -> list[date | DateRange]:
    # A record may be locked by several of its dates (a facility handed over, or handled); a list of
    # them counts as its items. Blanks (a date not given, a missing attribute: "") lock nothing.
    flat: list[date | DateRange] = []
    for item in when:
        if isinstance(item, list | tuple):
            flat.extend(_dates(tuple(item)))
        elif isinstance(item, date | DateRange):
            flat.append(item)
    return flat


@register.simple_tag
def figure_lock_notice(ward: Ward | None, *when: When | Iterable[When]) -> str:
    """Why the figures of `when` (dates or ranges, or lists of them) cannot change (an approved report
    locked them), or "" when they can."""
    if ward is None:
        return ""
    for day in _dates(when):
        lock = lock_covering(ward, day)
        if lock is not None:
            return lock_message(lock)
    return ""
