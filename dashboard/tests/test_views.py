"""The ward dashboard, the home redirect and the navigation, through the real URLs and middleware."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from assets.tests.factories import FacilityFactory
from procedures.tests.factories import CaseVolumeFactory
from staffing.tests.factories import HeadcountLineFactory, JobPositionFactory
from wards.models import Ward
from wards.tests.factories import UserFactory
from wards.tests.permissions import assert_permission_matrix, client_for


def test_dashboard_matrix(ward: Ward, staff, leader, home_affairs, other_staff) -> None:
    url = reverse("dashboard", kwargs={"ward": ward.slug})
    assert_permission_matrix(url, allowed=[staff, leader, home_affairs], outsider=other_staff)
    assert "Ủy ban nhân dân phường Kim Trà" in client_for(staff).get(url).content.decode()


def test_dashboard_shows_ward_facts_in_vietnamese_format(ward: Ward, staff, leader) -> None:
    html = client_for(staff).get(reverse("dashboard", kwargs={"ward": ward.slug})).content.decode()
    assert "36.296" in html
    assert "42,80 km²" in html
    assert "01/07/2025" in html
    assert "phường Hương Xuân, phường Hương Chữ, xã Hương Toàn" in html
    assert "Chủ tịch" in html


def test_dashboard_marks_read_only_for_home_affairs(ward: Ward, staff, home_affairs) -> None:
    url = reverse("dashboard", kwargs={"ward": ward.slug})
    assert "chỉ xem" in client_for(home_affairs).get(url).content.decode()
    assert "chỉ xem" not in client_for(staff).get(url).content.decode()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("staff", "/w/kim-tra/"), ("leader", "/w/kim-tra/"), ("home_affairs", "/city/")],
)
def test_home_sends_each_user_home(request, ward: Ward, who: str, expected: str) -> None:
    membership = request.getfixturevalue(who)
    response = client_for(membership).get("/")
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_home_for_anonymous_and_unassigned_users() -> None:
    assert Client().get("/")["Location"] == "/accounts/login/?next=/"
    client = Client()
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.status_code == 403
    assert "chưa được gán" in response.content.decode()
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/")["Location"] == reverse("admin:index")


def test_navigation_follows_the_role(ward: Ward, staff, home_affairs) -> None:
    staff_html = client_for(staff).get(reverse("dashboard", kwargs={"ward": ward.slug})).content.decode()
    assert 'href="/w/kim-tra/"' in staff_html
    assert 'href="/city/"' not in staff_html
    city_html = client_for(home_affairs).get(reverse("city:home")).content.decode()
    assert 'href="/city/"' in city_html


def test_pages_send_csp_without_inline_scripts(ward: Ward, staff) -> None:
    response = client_for(staff).get(reverse("dashboard", kwargs={"ward": ward.slug}))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<script>" not in html
    assert '<script src="/static/bootstrap/js/bootstrap.bundle.min.js">' in html
    assert "/static/django_htmx/htmx-2.min.js" in html


def test_dashboard_tiles_show_the_latest_week_and_the_register(ward: Ward, staff) -> None:
    CaseVolumeFactory(ward=ward, start=date(2025, 8, 11), end=date(2025, 8, 16), received=7, resolved=3)
    CaseVolumeFactory(ward=ward, start=date(2025, 8, 18), end=date(2025, 8, 23), received=315, resolved=277)
    FacilityFactory(ward=ward, land_m2=145_788, floor_m2=32_466)
    HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2025, 7, 1), total=46)
    HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2026, 5, 1), total=43)
    JobPositionFactory(ward=ward, quota=10, filled=2)
    html = client_for(staff).get(reverse("dashboard", kwargs={"ward": ward.slug})).content.decode()
    assert "18/08/2025 - 23/08/2025" in html
    assert "315" in html
    assert "277/277 = 100%" in html
    assert "178.254 m²" in html
    assert ">43<" in html and "so với 46 ngày 01/07/2025" in html and "thiếu 8 biên chế chuyên môn" in html


def test_home_affairs_navigation_follows_the_ward_they_read(ward: Ward, other_ward: Ward, home_affairs) -> None:
    html = client_for(home_affairs).get(reverse("dashboard", kwargs={"ward": other_ward.slug})).content.decode()
    assert f'href="/w/{other_ward.slug}/procedures/"' in html
    assert f'href="/w/{ward.slug}/procedures/"' not in html


def test_a_latest_entry_longer_than_the_chart_still_shows(ward: Ward, staff) -> None:
    # A year's import is the latest entry: its tile shows the year, the chart its last half year.
    CaseVolumeFactory(ward=ward, start=date(2025, 1, 1), end=date(2025, 12, 31), received=8557, resolved=8000)
    response = client_for(staff).get(reverse("dashboard", kwargs={"ward": ward.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "01/01/2025 - 31/12/2025" in html and "8.557" in html
