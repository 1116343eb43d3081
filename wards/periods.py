"""Date ranges and dates taken from the query string, so that a view of figures can be linked
(/w/kim-tra/procedures/?start=2025-08-18&end=2025-08-23, /w/kim-tra/staffing/?date=2026-05-01)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

# A range longer than this is a typing mistake, not a report period.
MAX_RANGE_DAYS = 5 * 366


class PeriodError(ValueError):
    """A range or date in the query string that cannot be used; the message is for the user."""


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

    @classmethod
    def week_of(cls, day: date) -> DateRange:
        monday = day - timedelta(days=day.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month_of(cls, day: date) -> DateRange:
        last = calendar.monthrange(day.year, day.month)[1]
        return cls(day.replace(day=1), day.replace(day=last))

    def previous(self) -> DateRange:
        """The range of the same length just before this one."""
        return DateRange(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def following(self) -> DateRange:
        return DateRange(self.end + timedelta(days=1), self.end + timedelta(days=self.days))


def parse_date(raw: str, field: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise PeriodError(
            _("%(field)s is not a date (expected YYYY-MM-DD): %(value)s") % {"field": field, "value": raw}
        ) from None


def range_from_query(query: Mapping[str, str], default: DateRange) -> DateRange:
    """The range named by ?start=&end=; the default when neither is given."""
    raw_start, raw_end = query.get("start", ""), query.get("end", "")
    if not raw_start and not raw_end:
        return default
    if not raw_start or not raw_end:
        raise PeriodError(_("Give both the start and the end date."))
    return DateRange(parse_date(raw_start, _("Start date")), parse_date(raw_end, _("End date")))


def date_from_query(query: Mapping[str, str], default: date) -> date:
    raw = query.get("date", "")
    return parse_date(raw, _("Date")) if raw else default
