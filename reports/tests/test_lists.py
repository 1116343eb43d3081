"""The reports list as a sortable, paged, filtered table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.periods import DateRange
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def url(ward) -> str:
    return reverse("reports:list", kwargs={"ward": ward.slug})


def weekly(ward, count: int, first: date) -> None:
    for n in range(count):
        monday = first + timedelta(weeks=n)
        make_report(ward, "bao-cao-tuan", DateRange(monday, monday + timedelta(days=5)))


def test_report_list_queries_do_not_grow_with_rows(ward, staff, django_assert_num_queries) -> None:
    make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    page = assert_queries_do_not_grow(
        client_for(staff), url(ward), lambda: weekly(ward, 30, date(2025, 9, 1)), django_assert_num_queries
    )
    assert "?page=2" in page


def test_report_list_sorts_and_filters_by_year(ward, staff) -> None:
    weekly(ward, 2, date(2025, 12, 22))
    client = client_for(staff)
    table = client.get(url(ward), {"sort": "start"}).context["table"]
    assert [row.record.start for row in table.paginated_rows] == [date(2025, 12, 22), date(2025, 12, 29)]
    only = client.get(url(ward), {"year": "2025", "sort": "-start"}).context["table"]
    assert [row.record.start for row in only.paginated_rows] == [date(2025, 12, 29), date(2025, 12, 22)]
    none = client.get(url(ward), {"year": "2024"})
    assert not list(none.context["table"].paginated_rows)


def test_report_list_shows_each_state(ward, staff) -> None:
    make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    page = client_for(staff).get(url(ward)).content.decode()
    assert 'report-state state-draft">dự thảo<' in page
