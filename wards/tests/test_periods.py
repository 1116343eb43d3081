from __future__ import annotations

from datetime import date

import pytest

from wards.periods import DateRange, PeriodError, date_from_query, range_from_query

SEED_WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))


def test_range_properties() -> None:
    assert SEED_WEEK.days == 6
    assert date(2025, 8, 23) in SEED_WEEK
    assert date(2025, 8, 24) not in SEED_WEEK
    assert SEED_WEEK.label() == "18/08/2025 - 23/08/2025"
    assert SEED_WEEK.query() == "start=2025-08-18&end=2025-08-23"


def test_overlap_and_cover() -> None:
    assert SEED_WEEK.overlaps(DateRange(date(2025, 8, 23), date(2025, 8, 30)))
    assert not SEED_WEEK.overlaps(DateRange(date(2025, 8, 24), date(2025, 8, 30)))
    assert DateRange(date(2025, 7, 1), date(2026, 5, 5)).covers(SEED_WEEK)
    assert not SEED_WEEK.covers(DateRange(date(2025, 8, 17), date(2025, 8, 20)))


def test_week_month_previous_following() -> None:
    assert DateRange.week_of(date(2025, 8, 20)) == DateRange(date(2025, 8, 18), date(2025, 8, 24))
    assert DateRange.month_of(date(2026, 2, 10)) == DateRange(date(2026, 2, 1), date(2026, 2, 28))
    assert SEED_WEEK.previous() == DateRange(date(2025, 8, 12), date(2025, 8, 17))
    assert SEED_WEEK.following() == DateRange(date(2025, 8, 24), date(2025, 8, 29))


def test_invalid_ranges_are_refused() -> None:
    with pytest.raises(PeriodError):
        DateRange(date(2025, 8, 23), date(2025, 8, 18))
    with pytest.raises(PeriodError):
        DateRange(date(2000, 1, 1), date(2025, 1, 1))


def test_from_query() -> None:
    assert range_from_query({"start": "2025-08-18", "end": "2025-08-23"}, default=SEED_WEEK.previous()) == SEED_WEEK
    assert range_from_query({}, default=SEED_WEEK) == SEED_WEEK
    with pytest.raises(PeriodError, match="2025-13-01"):
        range_from_query({"start": "2025-13-01", "end": "2025-08-23"}, default=SEED_WEEK)
    with pytest.raises(PeriodError):
        range_from_query({"start": "2025-08-18"}, default=SEED_WEEK)
    assert date_from_query({"date": "2026-05-01"}, default=date(2025, 7, 1)) == date(2026, 5, 1)
    assert date_from_query({}, default=date(2025, 7, 1)) == date(2025, 7, 1)
