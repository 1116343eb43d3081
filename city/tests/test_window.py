"""/city/ without settings opens on the latest period that has a report, shows the values it uses, and
steps a window earlier or later with ?end=."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from city.models import Regime
from reports.models import ReportState
from wards.models import Membership, Ward
from wards.tests.factories import WardFactory
from wards.tests.permissions import client_for

from .conftest import WEEKS, expect, report_in

pytestmark = pytest.mark.django_db

# Long after the reports of the situation: a window up to today would hold none of them.
LATER = date(2026, 12, 3)


def headers(html: str) -> list[str]:
    return re.findall(r'<th scope="col" class="small">(\S+)', html)


def field_value(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_without_an_end_the_window_ends_at_the_latest_report(home_affairs: Membership, situation) -> None:
    with time_machine.travel(LATER, tick=False):
        html = client_for(home_affairs).get(reverse("city:home")).content.decode()
    assert headers(html)[-1] == "18/08-23/08/2025" and len(headers(html)) == 8
    # The form shows what the page uses, not an empty choice.
    assert '<option value="bao-cao-tuan" selected>' in html and "---------" not in html
    assert (field_value(html, "periods"), field_value(html, "end")) == ("8", "2025-08-23")
    assert "Đã ký số" in html or "đã ký số" in html


def test_without_any_report_the_window_ends_at_the_last_period_ended(
    weekly: Regime, ward: Ward, home_affairs: Membership
) -> None:
    expect(weekly, ward, date(2025, 7, 1))
    with time_machine.travel(LATER, tick=False):  # a Thursday: the week of 23-28/11 is the last ended
        html = client_for(home_affairs).get(reverse("city:home"), {"periods": 2}).content.decode()
    assert headers(html) == ["16/11-21/11/2026", "23/11-28/11/2026"]
    assert 'data-testid="window-later"' not in html


def test_a_report_of_a_week_not_ended_does_not_move_the_window_past_today(
    weekly: Regime, ward: Ward, home_affairs: Membership, today
) -> None:
    expect(weekly, ward, date(2025, 7, 1))
    report_in(ward, WEEKS[2], ReportState.APPROVED, date(2025, 8, 25))
    report_in(ward, WEEKS[2].following(), ReportState.DRAFT)  # 25-30/8, and today is 27/8
    html = client_for(home_affairs).get(reverse("city:home"), {"periods": 1}).content.decode()
    assert headers(html) == ["18/08-23/08/2025"]


def test_up_to_a_day_shows_the_window_of_its_period_with_links_either_side(
    home_affairs: Membership, situation, today
) -> None:
    client = client_for(home_affairs)
    html = client.get(reverse("city:home"), {"periods": 2, "end": "2025-08-06", "sort": "late"}).content.decode()
    assert headers(html) == ["28/07-02/08/2025", "04/08-09/08/2025"]
    assert field_value(html, "end") == "2025-08-09"
    earlier = re.search(r'href="\?([^"]*)" data-testid="window-earlier"', html).group(1).replace("&amp;", "&")
    later = re.search(r'href="\?([^"]*)" data-testid="window-later"', html).group(1).replace("&amp;", "&")
    assert earlier == "regime=bao-cao-tuan&periods=2&end=2025-07-26&sort=late"
    # Two weeks on would be 23/8; the window never passes the last week ended by today (27/8): 23/8.
    assert later == "regime=bao-cao-tuan&periods=2&end=2025-08-23&sort=late"
    last = client.get(reverse("city:home"), {"periods": 2, "end": "2025-08-23"}).content.decode()
    assert headers(last) == ["11/08-16/08/2025", "18/08-23/08/2025"]
    assert 'data-testid="window-later"' not in last and 'data-testid="window-earlier"' in last
    assert client.get(reverse("city:home"), {"end": "2025-13-01"}).status_code == 400


def test_the_one_off_review_has_no_other_window(weekly: Regime, ward: Ward, home_affairs: Membership) -> None:
    review = Regime.objects.get(code="so-ket-01-nam")
    expect(review, ward, date(2025, 7, 1))
    with time_machine.travel(LATER, tick=False):
        html = client_for(home_affairs).get(reverse("city:home"), {"regime": review.code}).content.decode()
    assert headers(html) == ["01/07-05/05/2026"]
    assert 'data-testid="window-earlier"' not in html and 'data-testid="window-later"' not in html


def test_the_window_up_to_a_day_makes_as_many_queries_for_more_wards_and_periods(
    weekly: Regime, ward: Ward, home_affairs: Membership, situation, today
) -> None:
    client = client_for(home_affairs)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("city:home"), {"periods": 2, "end": "2025-08-16"})
    for n in range(3):
        other = WardFactory(city=ward.city, name=f"Phường {n}")
        expect(weekly, other, date(2025, 7, 1))
        report_in(other, WEEKS[n], ReportState.SIGNED, date(2025, 8, 25))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("city:home"), {"periods": 20, "end": "2025-08-23"})
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
