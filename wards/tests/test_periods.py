"""The one period helper of every figure page: the kinds of period, and PeriodForm reading the query string."""

from __future__ import annotations

from datetime import date

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from wards.forms import PeriodForm
from wards.periods import DateRange, PeriodError, PeriodKind

SEED_WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))
TODAY = date(2026, 11, 23)


def form(query: str = "", **kwargs: object) -> PeriodForm:
    kwargs.setdefault("kind", PeriodKind.WEEK)
    kwargs.setdefault("today", TODAY)
    return PeriodForm(QueryDict(query), **kwargs)  # type: ignore[arg-type]


def test_range_properties() -> None:
    assert SEED_WEEK.days == 6
    assert date(2025, 8, 23) in SEED_WEEK
    assert date(2025, 8, 24) not in SEED_WEEK
    assert SEED_WEEK.label() == "18/08/2025 - 23/08/2025"
    assert SEED_WEEK.query() == "start=2025-08-18&end=2025-08-23"
    assert SEED_WEEK.overlaps(DateRange(date(2025, 8, 23), date(2025, 8, 30)))
    assert not SEED_WEEK.overlaps(DateRange(date(2025, 8, 24), date(2025, 8, 30)))
    assert DateRange(date(2025, 7, 1), date(2026, 5, 5)).covers(SEED_WEEK)
    with pytest.raises(PeriodError):
        DateRange(date(2025, 8, 23), date(2025, 8, 18))
    with pytest.raises(PeriodError):
        DateRange(date(2000, 1, 1), date(2025, 1, 1))


def test_kinds_contain_step_and_recognise_periods() -> None:
    # The week is the weekly report's Monday to Saturday.
    assert PeriodKind.WEEK.containing(date(2025, 8, 20)) == SEED_WEEK
    assert PeriodKind.MONTH.containing(date(2026, 2, 10)) == DateRange(date(2026, 2, 1), date(2026, 2, 28))
    assert PeriodKind.QUARTER.containing(date(2025, 8, 20)) == DateRange(date(2025, 7, 1), date(2025, 9, 30))
    assert PeriodKind.YEAR.containing(date(2025, 8, 20)) == DateRange(date(2025, 1, 1), date(2025, 12, 31))
    assert PeriodKind.WEEK.step(SEED_WEEK, -1) == DateRange(date(2025, 8, 11), date(2025, 8, 16))
    assert PeriodKind.MONTH.step(DateRange(date(2026, 1, 1), date(2026, 1, 31)), 1).end == date(2026, 2, 28)
    assert PeriodKind.QUARTER.step(DateRange(date(2025, 10, 1), date(2025, 12, 31)), 1).start == date(2026, 1, 1)
    assert PeriodKind.CUSTOM.step(SEED_WEEK, 1) == DateRange(date(2025, 8, 24), date(2025, 8, 29))
    assert PeriodKind.MONTH.shift(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert PeriodKind.of(SEED_WEEK) == PeriodKind.WEEK
    assert PeriodKind.of(DateRange(date(2025, 7, 1), date(2025, 9, 30))) == PeriodKind.QUARTER
    assert PeriodKind.of(DateRange(date(2025, 7, 1), date(2026, 5, 5))) == PeriodKind.CUSTOM


def test_a_page_without_a_period_opens_on_its_latest_data() -> None:
    assert form(latest=date(2025, 8, 20)).period == SEED_WEEK
    assert form(kind=PeriodKind.MONTH, latest=date(2025, 8, 20)).period.start == date(2025, 8, 1)
    # A range is taken as it is, with the kind it happens to be.
    exact = form(kind=PeriodKind.MONTH, latest=DateRange(date(2026, 1, 1), date(2026, 5, 5)))
    assert (exact.period, exact.kind_shown) == (DateRange(date(2026, 1, 1), date(2026, 5, 5)), PeriodKind.CUSTOM)
    assert form().period == PeriodKind.WEEK.containing(TODAY)
    assert form(dated=True, kind=PeriodKind.MONTH, latest=date(2026, 5, 1)).day == date(2026, 5, 1)


def test_the_query_string_names_the_period() -> None:
    assert form("start=2025-08-18&end=2025-08-23").period == SEED_WEEK
    assert form("start=2025-08-18&end=2025-08-23").kind_shown == PeriodKind.WEEK
    month = form("kind=month&start=2025-08-18&end=2025-08-23")
    assert (month.period, month.kind_shown) == (DateRange(date(2025, 8, 1), date(2025, 8, 31)), PeriodKind.MONTH)
    custom = form("kind=custom&start=2025-08-18&end=2025-08-24")
    assert (custom.period.days, custom.kind_shown) == (7, PeriodKind.CUSTOM)
    # Only the kind: the period of that kind around the default.
    assert form("kind=year", latest=date(2025, 8, 20)).period == DateRange(date(2025, 1, 1), date(2025, 12, 31))
    assert form("kind=quarter&date=2026-05-01", dated=True).day == date(2026, 5, 1)


def test_previous_and_next_keep_the_kind_and_the_filters() -> None:
    picker = form("kind=month&start=2025-08-18&use=school&page=3")
    assert picker.previous_query == "kind=month&start=2025-07-01&end=2025-07-31&use=school"
    assert picker.next_query == "kind=month&start=2025-09-01&end=2025-09-30&use=school"
    assert picker.kept_params == [("use", "school"), ("page", "3")]
    week = form("start=2025-08-18&end=2025-08-23")
    assert week.next_query == "kind=week&start=2025-08-25&end=2025-08-30"
    dated = form("date=2026-05-01", dated=True, kind=PeriodKind.MONTH)
    assert dated.previous_query == "kind=month&date=2026-04-01"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2025-08-23&end=2025-08-18", "Ngày kết thúc trước ngày bắt đầu"),
        ("start=2025-08-18", "Cần nhập cả ngày bắt đầu và ngày kết thúc"),
        ("start=2025-13-01&end=2025-08-23", "Từ ngày"),
        ("kind=fortnight&start=2025-08-18", "Kỳ"),
        ("start=2000-01-01&end=2025-01-01", "dài quá 5 năm"),
    ],
)
def test_a_bad_query_keeps_the_default_and_says_why_next_to_the_picker(query: str, message: str) -> None:
    picker = form(query, latest=date(2025, 8, 20))
    assert picker.period == SEED_WEEK
    assert message in picker.error
    html = render_to_string("wards/_period_picker.html", {"picker": picker})
    assert 'data-testid="period-error"' in html and message in html


def test_the_picker_renders_the_kind_dates_and_steps() -> None:
    html = render_to_string("wards/_period_picker.html", {"picker": form("kind=month&start=2025-08-18&use=school")})
    assert '<option value="month" selected>' in html
    assert 'name="start" value="2025-08-01"' in html and 'name="end" value="2025-08-31"' in html
    assert '<input type="hidden" name="use" value="school">' in html
    assert "start=2025-07-01" in html and "period-error" not in html
    dated = render_to_string("wards/_period_picker.html", {"picker": form("date=2026-05-01", dated=True)})
    assert 'name="date" value="2026-05-01"' in dated and 'value="custom"' not in dated
