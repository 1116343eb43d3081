"""/city/totals/ and /city/export.xlsx: sums equal the wards' own figures, rates from the sums, a fixed
number of queries whatever the number of wards, Excel cells that cannot run as formulas."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from assets import figures as asset_figures
from assets.tests.factories import FacilityFactory, SpendingFactory
from city.export import cell_value
from city.totals import city_totals
from procedures import figures as tthc_figures
from procedures.tests.factories import CaseVolumeFactory
from staffing import figures as staffing_figures
from staffing.tests.factories import HeadcountLineFactory, HeadcountSnapshotFactory, JobPositionFactory
from wards.models import Membership, Ward
from wards.periods import DateRange
from wards.tests.factories import WardFactory
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db

YEAR = DateRange(date(2025, 7, 1), date(2026, 6, 30))


def fill(ward: Ward, n: int) -> None:
    """Figures that differ by ward, with one entry cut by the range that must be left out."""
    CaseVolumeFactory(ward=ward, received=10 * n, resolved=9 * n, resolved_late=n, resolved_on_time=8 * n)
    CaseVolumeFactory(ward=ward, start=date(2025, 6, 30), end=date(2025, 7, 5), received=7, resolved=1)
    old = HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1))
    HeadcountLineFactory(snapshot=old, total=40)
    new = HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1))
    HeadcountLineFactory(snapshot=new, total=30 + n)
    JobPositionFactory(ward=ward, quota=5, filled=n % 5)
    JobPositionFactory(ward=ward, quota=1, filled=3)  # over quota: no negative shortage
    FacilityFactory(ward=ward, land_m2=100 * n, floor_m2=50)
    FacilityFactory(ward=ward, held_from=date(2026, 7, 1))  # taken over after the range
    SpendingFactory(ward=ward, amount=1_000 * n)


def make_wards(city, count: int, prefix: str = "Phường") -> list[Ward]:
    wards = [WardFactory(city=city, name=f"{prefix} {n}") for n in range(count)]
    for n, ward in enumerate(wards, start=1):
        fill(ward, n)
    return wards


@pytest.fixture
def three_wards(ward: Ward) -> list[Ward]:
    return [ward, *make_wards(ward.city, 2)]


def test_rows_equal_each_wards_own_figures_and_rates_come_from_the_sums(three_wards: list[Ward]) -> None:
    fill(three_wards[0], 3)
    totals = city_totals(three_wards, YEAR)
    for row in totals.rows:
        own = tthc_figures.figures_for(row.ward, YEAR)
        assert (row.received, row.resolved, row.on_time) == (own.received, own.resolved, own.on_time)
        staff = staffing_figures.figures_at(row.ward, YEAR.end)
        assert row.civil_servants == staff.current.civil_servants
        assert row.short == staff.positions.professional_short
        facilities = asset_figures.facility_figures(row.ward, YEAR.end)
        assert (row.facilities, row.land_m2) == (facilities.facilities, facilities.land_m2)
        assert row.recurrent == asset_figures.spending_figures(row.ward, YEAR).recurrent
    assert [row.received for row in totals.rows] == [30, 10, 20]
    total = totals.total
    assert total.received == 60 and total.on_time == 48 and total.resolved == 54
    # 48/54 = 88,88%, not the mean of the wards' rates (a mean would weight a small ward as a large one).
    assert str(total.on_time_rate) == "88.88"
    assert total.civil_servants == 33 + 31 + 32 and total.short == 2 + 4 + 3
    assert total.facilities == 3 and total.spending == 6_000


def test_ranking_by_any_column(three_wards: list[Ward]) -> None:
    totals = city_totals(three_wards, YEAR)
    assert [row.received for row in totals.ranked("received", True)] == [20, 10, 0]
    ranked = totals.ranked("civil_servants", descending=False)
    assert [row.civil_servants for row in ranked] == sorted(row.civil_servants for row in totals.rows)


def test_the_number_of_queries_does_not_grow_with_the_wards(ward: Ward, home_affairs: Membership) -> None:
    client = client_for(home_affairs)
    url = reverse("city:totals") + f"?{YEAR.query()}"
    make_wards(ward.city, 1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_wards(ward.city, 4, prefix="Xã")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    assert response.content.decode().count("<tr>") >= 6


def test_totals_page_shows_vietnamese_figures_and_sorts(three_wards: list[Ward], home_affairs: Membership) -> None:
    response = client_for(home_affairs).get(reverse("city:totals"), {**_query(), "sort": "-received"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "24/27 = 88,88%" in html
    assert html.index("Phường 1") < html.index("Phường 0") < html.index("phường Kim Trà")
    wrong = client_for(home_affairs).get(reverse("city:totals"), {"start": "2026-01-01", "end": "2025-01-01"})
    assert 'data-testid="period-error"' in wrong.content.decode()


def _query() -> dict[str, str]:
    return {"start": YEAR.start.isoformat(), "end": YEAR.end.isoformat()}


def test_ward_users_are_refused_every_city_url(ward: Ward, staff: Membership, leader: Membership) -> None:
    for name in ("city:home", "city:totals", "city:export"):
        url = reverse(name)
        assert client_for(None).get(url)["Location"].startswith(reverse("login"))
        assert client_for(staff).get(url).status_code == 403
        assert client_for(leader).get(url).status_code == 403


def test_export_writes_the_totals_and_no_formula(three_wards: list[Ward], home_affairs: Membership) -> None:
    response = client_for(home_affairs).get(reverse("city:export"), _query())
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content))["Tổng hợp"]
    names = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert names[0] == "phường Kim Trà"
    assert names[-1] == "Tổng cộng"
    assert sheet.cell(row=sheet.max_row, column=2).value == 30
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_written_as_text(text: str) -> None:
    assert cell_value(text) == "'" + text
    assert cell_value("Kim Trà") == "Kim Trà"
    assert cell_value(-5) == -5
