"""Date ranges and the kinds of period the figure pages step through. A page reads its period from the
query string with `wards.forms.PeriodForm`, so that a view of figures can be linked
(/w/kim-tra/procedures/?start=2025-08-18&end=2025-08-23, /w/kim-tra/staffing/?date=2026-05-01)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# A range longer than this is a typing mistake, not a report period.
MAX_RANGE_DAYS = 5 * 366
# The weekly report covers Monday to Saturday (the seed's 18/8/2025-23/8/2025): Saturday is a working
# day of the one-stop centre, Sunday is not.
WORKING_DAYS = 6


class PeriodError(ValueError):
    """A range or date that cannot be used; the message is for the user."""


@dataclass(frozen=True, order=True)
class DateRange:
    """Both ends inclusive, as in "từ ngày 18/8/2025 đến ngày 23/8/2025"."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_("The end date is before the start date."))
        if self.days > MAX_RANGE_DAYS:
            raise PeriodError(_("The range is longer than five years."))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def covers(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end

    def query(self) -> str:
        return f"start={self.start.isoformat()}&end={self.end.isoformat()}"

    def label(self) -> str:
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def previous(self) -> DateRange:
        """The range of the same length just before this one."""
        return DateRange(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def following(self) -> DateRange:
        return DateRange(self.end + timedelta(days=1), self.end + timedelta(days=self.days))


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), cut to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class PeriodKind(models.TextChoices):
    WEEK = "week", gettext_lazy("Week")
    MONTH = "month", gettext_lazy("Month")
    QUARTER = "quarter", gettext_lazy("Quarter")
    YEAR = "year", gettext_lazy("Year")
    CUSTOM = "custom", gettext_lazy("Custom")

    def containing(self, day: date) -> DateRange:
        """The period of this kind that holds `day`; a custom period is the day itself."""
        if self == PeriodKind.WEEK:
            monday = day - timedelta(days=day.weekday())
            return DateRange(monday, monday + timedelta(days=WORKING_DAYS - 1))
        months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}.get(self)
        if months is None:
            return DateRange(day, day)
        first = date(day.year, (day.month - 1) // months * months + 1, 1)
        return DateRange(first, _add_months(first, months) - timedelta(days=1))

    def step(self, period: DateRange, by: int) -> DateRange:
        """The period `by` steps later (earlier when negative); a custom one moves by its own length."""
        if self == PeriodKind.CUSTOM:
            for _step in range(abs(by)):
                period = period.following() if by > 0 else period.previous()
            return period
        if self == PeriodKind.WEEK:
            return self.containing(period.start + timedelta(days=7 * by))
        return self.containing(self.shift(period.start, by))

    def shift(self, day: date, by: int) -> date:
        """`day` moved by `by` periods of this kind (a custom kind moves by days)."""
        if self == PeriodKind.WEEK:
            return day + timedelta(days=7 * by)
        months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}.get(self)
        return _add_months(day, months * by) if months else day + timedelta(days=by)

    @classmethod
    def of(cls, period: DateRange) -> PeriodKind:
        """The kind whose period is exactly `period`, custom when none is."""
        for kind in (cls.WEEK, cls.MONTH, cls.QUARTER, cls.YEAR):
            if kind.containing(period.start) == period:
                return kind
        return cls.CUSTOM
