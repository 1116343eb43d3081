"""The period and lateness rules of a reporting regime, one test per rule."""

from __future__ import annotations

from datetime import date

import pytest

from city.periods import (
    ANNUAL,
    HALF_YEARLY,
    MONTHLY,
    ND09,
    NOT_STARTED,
    ONCE,
    QUARTERLY,
    WEEKLY,
    Cell,
    Cut,
    deadline_of,
    is_expected,
    rates_of,
)
from wards.periods import DateRange

WEEK = Cut(WEEKLY, week_start=0, week_end=5)
SEED_WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))


def test_weekly_periods_run_monday_to_saturday() -> None:
    # A Sunday or Monday still falls in the week just ended; Saturday closes its own week.
    assert WEEK.period_ending_on_or_before(date(2025, 8, 23)) == SEED_WEEK
    assert WEEK.period_ending_on_or_before(date(2025, 8, 25)) == SEED_WEEK
    assert WEEK.period_ending_on_or_before(date(2025, 8, 22)) == DateRange(date(2025, 8, 11), date(2025, 8, 16))
    assert WEEK.periods(date(2025, 8, 24), 3)[0] == DateRange(date(2025, 8, 4), date(2025, 8, 9))
    assert len(WEEK.periods(date(2025, 8, 24), 26)) == 26


def test_calendar_and_nd09_months() -> None:
    assert Cut(MONTHLY).period_ending_on_or_before(date(2025, 9, 1)) == DateRange(date(2025, 8, 1), date(2025, 8, 31))
    # ND 09: from the 15th of the month before to the 14th of the month.
    nd09 = Cut(MONTHLY, ND09)
    assert nd09.period_ending_on_or_before(date(2025, 8, 20)) == DateRange(date(2025, 7, 15), date(2025, 8, 14))
    assert nd09.period_ending_on_or_before(date(2025, 1, 10)) == DateRange(date(2024, 11, 15), date(2024, 12, 14))


@pytest.mark.parametrize(
    ("frequency", "cut", "day", "expected"),
    [
        (QUARTERLY, "calendar", date(2025, 8, 1), DateRange(date(2025, 4, 1), date(2025, 6, 30))),
        (QUARTERLY, ND09, date(2025, 9, 14), DateRange(date(2025, 6, 15), date(2025, 9, 14))),
        (HALF_YEARLY, ND09, date(2025, 7, 1), DateRange(date(2024, 12, 15), date(2025, 6, 14))),
        (ANNUAL, ND09, date(2026, 1, 5), DateRange(date(2024, 12, 15), date(2025, 12, 14))),
        (ANNUAL, "calendar", date(2026, 1, 5), DateRange(date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_longer_periods(frequency: str, cut: str, day: date, expected: DateRange) -> None:
    assert Cut(frequency, cut).period_ending_on_or_before(day) == expected


def test_a_one_off_report_has_one_period_once_it_ended() -> None:
    review = Cut(ONCE, once=DateRange(date(2025, 7, 1), date(2026, 5, 5)))
    assert review.periods(date(2026, 5, 4), 5) == []
    assert review.periods(date(2026, 6, 1), 5) == [DateRange(date(2025, 7, 1), date(2026, 5, 5))]


def test_a_ward_formed_during_the_period_owes_it_not_the_one_before() -> None:
    formed = [(date(2025, 7, 1), None)]
    june = DateRange(date(2025, 6, 1), date(2025, 6, 30))
    first_week = DateRange(date(2025, 6, 30), date(2025, 7, 5))
    assert not is_expected(formed, june)
    assert is_expected(formed, first_week)
    assert not is_expected([(date(2025, 1, 1), date(2025, 7, 3))], first_week)


def cell(state: str, approved_on: date | None, today: date) -> Cell:
    return Cell(SEED_WEEK, deadline_of(SEED_WEEK, 2), state, approved_on, today)


def test_late_once_the_deadline_passed_without_approval() -> None:
    assert deadline_of(SEED_WEEK, 2) == date(2025, 8, 25)
    assert not cell(NOT_STARTED, None, date(2025, 8, 25)).late
    assert cell(NOT_STARTED, None, date(2025, 8, 26)).late
    assert cell("submitted", None, date(2025, 8, 26)).late
    assert cell(NOT_STARTED, None, date(2025, 8, 25)).due


def test_approved_on_the_deadline_day_is_on_time() -> None:
    on_deadline = cell("approved", date(2025, 8, 25), date(2025, 9, 1))
    assert on_deadline.on_time and not on_deadline.late and not on_deadline.approved_late


def test_returned_then_approved_late_counts_by_the_last_approval() -> None:
    # Approved on time, sent back by the city, approved again after the deadline: not on time, no longer late.
    again = cell("signed", date(2025, 8, 28), date(2025, 9, 1))
    assert not again.on_time and again.approved_late and not again.late
    # While it is back in draft after the deadline, it is late.
    assert cell("draft", None, date(2025, 8, 27)).late


def test_completeness_and_timeliness() -> None:
    today = date(2025, 9, 1)
    rates = rates_of(
        [
            cell("accepted", date(2025, 8, 22), today),
            cell("approved", date(2025, 8, 27), today),
            cell("submitted", None, today),
            cell(NOT_STARTED, None, today),
        ]
    )
    assert rates.completeness == (2, 4)
    assert rates.timeliness == (1, 4)
    assert rates.late == 2


def test_the_period_holding_a_day() -> None:
    assert WEEK.period_of(date(2025, 8, 20)) == SEED_WEEK
    assert WEEK.period_of(date(2025, 8, 24)) is None  # Sunday, outside a Monday-Saturday week
    assert Cut(MONTHLY, ND09).period_of(date(2025, 8, 15)) == DateRange(date(2025, 8, 15), date(2025, 9, 14))
    review = Cut(ONCE, once=DateRange(date(2025, 7, 1), date(2026, 5, 5)))
    assert review.period_of(date(2025, 12, 1)) == review.once


def test_the_period_after_skips_the_days_between_periods() -> None:
    assert WEEK.following(SEED_WEEK) == DateRange(date(2025, 8, 25), date(2025, 8, 30))
    february = Cut(MONTHLY).following(DateRange(date(2026, 1, 1), date(2026, 1, 31)))
    assert february == DateRange(date(2026, 2, 1), date(2026, 2, 28))
    assert Cut(ONCE, once=SEED_WEEK).following(SEED_WEEK) is None
    # A window "up to" a Sunday ends with the week just before it; up to a Wednesday, with that week.
    assert WEEK.window_end(date(2025, 8, 24)) == SEED_WEEK
    assert WEEK.window_end(date(2025, 8, 20)) == SEED_WEEK
