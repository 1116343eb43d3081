"""How a reporting regime cuts time into periods, and whether a submission is late: pure Python, no
database, so every rule is unit-tested on its own (Nghị định 09/2019/NĐ-CP, Điều 12)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from wards.periods import DateRange

WEEKLY = "weekly"
MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
ANNUAL = "annual"
ONCE = "once"

CALENDAR = "calendar"
ND09 = "nd09"

# Months in a period of each frequency; the periods of a year end on these months.
MONTHS = {MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, ANNUAL: 12}

# States of a report (reports.ReportState) from which its figures count as delivered.
DELIVERED = frozenset({"approved", "signed", "accepted"})
NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Cut:
    """The shape of a regime's periods.

    weekly: from `week_start` to `week_end` (0 = Monday), e.g. Monday to Saturday as the weekly seed;
    monthly ... annual: calendar periods, or the ND 09 cut-off (from the 15th of the month before the
    period to the 14th of its last month); once: the single range `first` .. `last`."""

    frequency: str
    cut: str = CALENDAR
    week_start: int = 0
    week_end: int = 6
    once: DateRange | None = None

    def period_ending_on_or_before(self, day: date) -> DateRange | None:
        """The last period whose end is on or before `day`."""
        if self.frequency == ONCE:
            return self.once if self.once and self.once.end <= day else None
        if self.frequency == WEEKLY:
            start = day - timedelta(days=(day.weekday() - self.week_start) % 7)
            period = self._week(start)
            return period if period.end <= day else self._week(start - timedelta(days=7))
        months = MONTHS[self.frequency]
        # The end month of the period holding `day`'s month, then step back until the end is not after `day`.
        year, month = day.year, day.month + (-day.month % months)
        while True:
            period = self._months(year, month, months)
            if period.end <= day:
                return period
            year, month = (year, month - months) if month > months else (year - 1, month - months + 12)

    def period_of(self, day: date) -> DateRange | None:
        """The period holding `day`, or None (a Sunday outside a Monday-Saturday week)."""
        period = self.period_ending_on_or_before(day + timedelta(days=366))
        while period is not None and period.start > day:
            period = self.period_ending_on_or_before(period.start - timedelta(days=1))
        return period if period is not None and day in period else None

    def following(self, period: DateRange) -> DateRange | None:
        """The period after `period`, or None (a one-off has none); the days between two periods (a
        Sunday outside a Monday-Saturday week) are skipped."""
        if self.frequency == ONCE:
            return None
        day = period.end + timedelta(days=1)
        for _gap in range(7):
            found = self.period_of(day)
            if found is not None:
                return found
            day += timedelta(days=1)
        return None

    def window_end(self, day: date) -> DateRange | None:
        """The period a window "up to `day`" ends with: the one holding `day`, else the last one before it."""
        return self.period_of(day) or self.period_ending_on_or_before(day)

    def periods(self, until: date, count: int) -> list[DateRange]:
        """The last `count` periods ending on or before `until`, oldest first."""
        found: list[DateRange] = []
        day = until
        while len(found) < count:
            period = self.period_ending_on_or_before(day)
            if period is None:
                break
            found.append(period)
            day = period.start - timedelta(days=1)
        return found[::-1]

    def _week(self, start: date) -> DateRange:
        return DateRange(start, start + timedelta(days=(self.week_end - self.week_start) % 7))

    def _months(self, year: int, end_month: int, months: int) -> DateRange:
        first_month = end_month - months + 1
        first_year = year
        if first_month < 1:
            first_month, first_year = first_month + 12, year - 1
        if self.cut == ND09:
            before_year, before_month = (first_year, first_month - 1) if first_month > 1 else (first_year - 1, 12)
            return DateRange(date(before_year, before_month, 15), date(year, end_month, 14))
        return DateRange(
            date(first_year, first_month, 1), date(year, end_month, calendar.monthrange(year, end_month)[1])
        )


def is_expected(spans: Iterable[tuple[date, date | None]], period: DateRange) -> bool:
    """A ward owes the period's report when it is expected on the period's last day: a ward formed
    during the period reports on it, one formed after it (or dissolved before its end) does not."""
    return any(start <= period.end and (end is None or period.end <= end) for start, end in spans)


@dataclass(frozen=True)
class Cell:
    """One expected submission: a ward's report for one period, or its absence."""

    period: DateRange
    deadline: date
    state: str
    approved_on: date | None
    today: date

    @property
    def delivered(self) -> bool:
        return self.state in DELIVERED

    @property
    def on_time(self) -> bool:
        """Approved no later than the deadline; a report returned and approved again counts by its last
        approval."""
        return self.delivered and self.approved_on is not None and self.approved_on <= self.deadline

    @property
    def late(self) -> bool:
        """The deadline has passed and the report is not approved yet."""
        return self.today > self.deadline and not self.delivered

    @property
    def approved_late(self) -> bool:
        return self.delivered and not self.on_time

    @property
    def due(self) -> bool:
        """Still open and the deadline not passed: what the ward has to do next."""
        return not self.delivered and self.today <= self.deadline


def deadline_of(period: DateRange, days_after: int) -> date:
    return period.end + timedelta(days=days_after)


@dataclass(frozen=True)
class Rates:
    expected: int
    delivered: int
    on_time: int
    late: int

    @property
    def completeness(self) -> tuple[int, int]:
        return self.delivered, self.expected

    @property
    def timeliness(self) -> tuple[int, int]:
        return self.on_time, self.expected


def rates_of(cells: Iterable[Cell]) -> Rates:
    """Completeness = approved or later / expected; timeliness = approved by the deadline / expected."""
    cells = list(cells)
    return Rates(
        expected=len(cells),
        delivered=sum(cell.delivered for cell in cells),
        on_time=sum(cell.on_time for cell in cells),
        late=sum(cell.late for cell in cells),
    )
