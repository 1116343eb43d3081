"""The entries by period as a sortable, paged, filtered table; the week chart drawn by pygal."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from procedures.chart import week_chart
from procedures.figures import WeekRow
from procedures.tests.factories import CaseVolumeFactory, ProcedureFieldFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db

YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


def url(ward, name: str) -> str:
    return reverse(f"procedures:{name}", kwargs={"ward": ward.slug})


def add_weeks(ward, count: int, field=None, first: date = date(2025, 1, 6)) -> None:
    for n in range(count):
        monday = first + timedelta(weeks=n)
        extra = {"field": field} if field else {}
        CaseVolumeFactory(ward=ward, start=monday, end=monday + timedelta(days=5), received=1_200, **extra)


def test_entries_queries_do_not_grow_with_rows(ward, staff, django_assert_num_queries) -> None:
    add_weeks(ward, 1, first=date(2025, 12, 1))
    page = assert_queries_do_not_grow(
        client_for(staff),
        url(ward, "entries") + "?start=2025-01-01&end=2025-12-31",
        lambda: add_weeks(ward, 30),
        django_assert_num_queries,
    )
    assert "1.200" in page
    assert "start=2025-01-01&amp;end=2025-12-31&amp;page=2" in page


def test_entries_sort_by_received_and_filter_by_field(ward, staff) -> None:
    hotich = ProcedureFieldFactory(name="Hộ tịch")
    CaseVolumeFactory(ward=ward, field=hotich, start=date(2025, 8, 4), end=date(2025, 8, 9), received=37)
    CaseVolumeFactory(ward=ward, start=date(2025, 8, 11), end=date(2025, 8, 16), received=239)
    client = client_for(staff)
    table = client.get(url(ward, "entries"), {**YEAR, "sort": "-received"}).context["table"]
    assert [row.record["received"] for row in table.paginated_rows] == [239, 37]
    only = client.get(url(ward, "entries"), {**YEAR, "field": hotich.pk}).context["table"]
    assert [row.record["start"] for row in only.paginated_rows] == [date(2025, 8, 4)]


def test_overview_chart_is_an_svg_image_without_script_with_vietnamese_numbers(ward, staff) -> None:
    add_weeks(ward, 3)
    response = client_for(staff).get(url(ward, "overview") + "?start=2025-01-06&end=2025-01-25")
    chart = response.context["chart"]
    assert f'src="{chart.src}"' in response.content.decode()
    svg = base64.b64decode(chart.src.removeprefix("data:image/svg+xml;base64,")).decode()
    assert "<script" not in svg
    assert ">2.000<" in svg and ">2000<" not in svg and ">2,000<" not in svg  # ticks up to 2.000
    assert "Tỷ lệ đúng hạn" in svg


def test_week_chart_is_drawn_once_per_weeks_and_language_and_redrawn_when_a_figure_changes() -> None:
    weeks = (WeekRow(date(2025, 1, 6), 40, 38, Decimal("97.4")), WeekRow(date(2025, 1, 13), 55, 50, None))
    changed = (weeks[0], WeekRow(date(2025, 1, 13), 56, 50, None))
    with translation.override("vi"):
        first = week_chart(weeks)
        assert week_chart(tuple(weeks)) is first  # not drawn again
        assert week_chart(changed).src != first.src
    with translation.override("en"):
        english = week_chart(weeks)
    assert english is not first and english.title != first.title
