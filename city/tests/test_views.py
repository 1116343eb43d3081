from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from city import demo
from wards.models import Ward
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def test_city_home_is_the_matrix_of_the_expected_wards(
    ward: Ward, other_ward: Ward, staff, leader, home_affairs
) -> None:
    url = reverse("city:home")
    assert Client().get(url)["Location"].startswith(reverse("login"))
    assert client_for(staff).get(url).status_code == 403
    assert client_for(leader).get(url).status_code == 403
    assert "phường Kim Trà" not in client_for(home_affairs).get(url).content.decode()
    demo.load([ward, other_ward])
    demo.load([ward, other_ward])  # idempotent
    response = client_for(home_affairs).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "phường Kim Trà" in html and "phường Hương Trà" in html
    assert html.count("chưa lập") >= 2
