from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wards.models import Membership, Ward
from wards.tests.factories import PASSWORD


def sign_in(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.mark.django_db
def test_login_page_is_vietnamese_by_default() -> None:
    response = Client().get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html
    assert "Mật khẩu" in html


@pytest.mark.django_db
def test_browser_language_does_not_switch_away_from_vietnamese() -> None:
    response = Client(headers={"accept-language": "en-US,en;q=0.9"}).get(reverse("login"))
    assert "Đăng nhập" in response.content.decode()
    assert response["Content-Language"] == "vi"


@pytest.mark.django_db
def test_login_page_in_english_on_request() -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert "Sign in" in client.get(reverse("login")).content.decode()


def test_sign_in_and_out(ward: Ward, staff: Membership) -> None:
    client = Client()
    response = sign_in(client, staff.user.username, PASSWORD)
    assert response["Location"] == reverse("home")
    assert client.get(f"/w/{ward.slug}/").status_code == 200
    assert client.get(reverse("logout")).status_code == 405  # logging out needs POST with CSRF
    client.post(reverse("logout"))
    assert client.get(f"/w/{ward.slug}/").status_code == 302


def test_wrong_password_says_so_in_vietnamese(staff: Membership) -> None:
    html = sign_in(Client(), staff.user.username, "wrong").content.decode()
    assert "mật khẩu chính xác" in html


def test_lockout_after_five_failures(staff: Membership) -> None:
    client = Client()
    for _attempt in range(4):
        assert sign_in(client, staff.user.username, "wrong").status_code == 200
    fifth = sign_in(client, staff.user.username, "wrong")
    assert fifth.status_code == 429
    # Even the right password is refused while the lock holds, with a clear message.
    locked = sign_in(client, staff.user.username, PASSWORD)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "tạm khóa" in html
    assert "5 lần" in html
    assert "15 phút" in html


def test_four_failures_do_not_lock(staff: Membership) -> None:
    client = Client()
    for _attempt in range(4):
        sign_in(client, staff.user.username, "wrong")
    assert sign_in(client, staff.user.username, PASSWORD).status_code == 302


def test_lock_ends_after_fifteen_minutes(staff: Membership) -> None:
    client = Client()
    for _attempt in range(5):
        sign_in(client, staff.user.username, "wrong")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in(client, staff.user.username, PASSWORD).status_code == 302


def test_session_ends_after_fifteen_idle_minutes(ward: Ward, staff: Membership) -> None:
    url = f"/w/{ward.slug}/"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = Client()
        sign_in(client, staff.user.username, PASSWORD)
        traveller.shift(timedelta(minutes=14))
        assert client.get(url).status_code == 200
        # Activity restarts the clock: another 14 minutes is still fine.
        traveller.shift(timedelta(minutes=14))
        assert client.get(url).status_code == 200
        traveller.shift(timedelta(minutes=16))
        assert client.get(url).status_code == 302
