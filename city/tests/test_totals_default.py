"""/city/totals/ without a range opens on the twelve months up to the wards' latest figures, and its
per-ward table keeps the ward column in view."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from assets.tests.factories import SpendingFactory
from city.totals import latest_year
from procedures.tests.factories import CaseVolumeFactory
from wards.models import Membership, Ward
from wards.periods import DateRange
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def picked(html: str) -> tuple[str, str]:
    start = re.search(r'name="start" value="([^"]*)"', html).group(1)
    end = re.search(r'name="end" value="([^"]*)"', html).group(1)
    return start, end


def test_the_latest_year_ends_on_the_last_day_with_cases_or_spending(ward: Ward, other_ward: Ward) -> None:
    assert latest_year([ward, other_ward]) is None
    CaseVolumeFactory(ward=ward, start=date(2026, 4, 27), end=date(2026, 5, 2))
    SpendingFactory(ward=other_ward, start=date(2026, 5, 1), end=date(2026, 5, 5))
    assert latest_year([ward, other_ward]) == DateRange(date(2025, 5, 6), date(2026, 5, 5))
    assert latest_year([ward]) == DateRange(date(2025, 5, 3), date(2026, 5, 2))


def test_the_page_opens_on_the_latest_year_with_figures(ward: Ward, home_affairs: Membership) -> None:
    week = CaseVolumeFactory(ward=ward)
    last = CaseVolumeFactory(ward=ward, start=date(2026, 4, 27), end=date(2026, 5, 2))
    with time_machine.travel(date(2026, 12, 3), tick=False):
        html = client_for(home_affairs).get(reverse("city:totals")).content.decode()
        export = client_for(home_affairs).get(reverse("city:export"))
    assert picked(html) == ("2025-05-03", "2026-05-02")
    assert "03/05/2025 - 02/05/2026" in html
    assert f'<dd class="col-sm-8">{week.received + last.received}</dd>' in html
    assert "so-lieu-phuong-2025-05-03-2026-05-02.xlsx" in export["Content-Disposition"]


def test_without_figures_the_page_opens_on_the_twelve_months_to_today(ward: Ward, home_affairs: Membership) -> None:
    with time_machine.travel(date(2026, 12, 3), tick=False):
        html = client_for(home_affairs).get(reverse("city:totals")).content.decode()
    assert picked(html) == ("2025-12-04", "2026-12-03")


def test_the_ward_column_is_one_line_with_short_links(ward: Ward, home_affairs: Membership) -> None:
    CaseVolumeFactory(ward=ward)
    html = client_for(home_affairs).get(reverse("city:totals")).content.decode()
    assert 'href="/static/city/totals.css"' in html and "style=" not in html
    row = re.search(r'<th scope="row" class="ward-col">(.*?)</th>', html, re.S).group(1)
    links = re.findall(r">([^<>]+)</a>", row)
    assert links == ["phường Kim Trà", "TTHC", "Biên chế", "Cơ sở nhà đất"]
    assert '<th scope="colgroup" colspan="5">Thủ tục hành chính</th>' in html
