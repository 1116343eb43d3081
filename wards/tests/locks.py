"""A figure lock set as an approval sets it, for the lock tests of every app."""

from __future__ import annotations

from datetime import date

from wards.models import FigureLock, Ward
from wards.periods import DateRange
from wards.services import figure_lock_set

LABEL = "Báo cáo số 12/BC-UBND ngày 25/8/2025"


def lock(ward: Ward, start: date, end: date) -> FigureLock:
    return figure_lock_set(ward=ward, period=DateRange(start, end), key=f"test:{ward.pk}:{start}", label=LABEL)
