from __future__ import annotations

from datetime import date

from django import template

from wards.locks import lock_covering, lock_message
from wards.models import Ward
from wards.periods import DateRange

register = template.Library()


@register.simple_tag
def figure_lock_notice(ward: Ward | None, when: date | DateRange | None) -> str:
    """Why the figures of `when` cannot change (an approved report locked them), or "" when they can."""
    lock = lock_covering(ward, when) if ward is not None and when is not None else None
    return lock_message(lock) if lock else ""
