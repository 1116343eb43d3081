from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import ProtectedError
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import AccountState, DisabledReason
from accounts.services import account_reactivate, password_change_require
from accounts.tasks import disable_idle_accounts
from wards.models import Membership, Ward
from wards.tests.factories import PASSWORD, UserFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
NEW_PASSWORD = "my-Own-Secret-42"


def sign_in(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_first_sign_in_sets_own_password(ward: Ward, staff: Membership, caplog) -> None:
    password_change_require(user=staff.user)
    client = Client()
    sign_in(client, staff.user.username)
    dashboard = f"/w/{ward.slug}/"
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:password_change"))
    # The page it is sent to says what to do, in Vietnamese.
    assert "Đặt mật khẩu của bạn" in client.get(response["Location"]).content.decode()
    # The password given by someone else cannot be kept.
    same = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert same.status_code == 200
    assert client.get(dashboard).status_code == 302
    with caplog.at_level(logging.INFO, logger="kimtra.security"):
        done = client.post(
            f"{reverse('accounts:password_change')}?next={dashboard}",
            {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "next": dashboard},
        )
    assert done["Location"] == dashboard
    assert client.get(dashboard).status_code == 200
    assert not AccountState.objects.get(user=staff.user).must_change_password
    assert f"password_changed: actor={staff.user.username} target={staff.user.username}" in caplog.text


def test_without_the_flag_no_step(ward: Ward, staff: Membership) -> None:
    client = Client()
    sign_in(client, staff.user.username)
    assert client.get(f"/w/{ward.slug}/").status_code == 200


def test_logout_stays_open_during_the_step(staff: Membership) -> None:
    password_change_require(user=staff.user)
    client = Client()
    sign_in(client, staff.user.username)
    assert client.post(reverse("logout"))["Location"] == reverse("login")


def idle_users() -> list[str]:
    return sorted(get_user_model().objects.filter(is_active=False).values_list("username", flat=True))


@pytest.mark.django_db
def test_accounts_idle_for_45_days_are_disabled(caplog) -> None:
    with time_machine.travel(NOW - timedelta(days=100), tick=False):
        never = UserFactory(username="never.signed.in")
        used = UserFactory(username="used.recently")
        old = UserFactory(username="used.long.ago")
    get_user_model().objects.filter(pk=used.pk).update(last_login=NOW - timedelta(days=44))
    get_user_model().objects.filter(pk=old.pk).update(last_login=NOW - timedelta(days=46))
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        fresh = UserFactory(username="joined.lately")
    with time_machine.travel(NOW, tick=False), caplog.at_level(logging.INFO, logger="kimtra.security"):
        call_command("disable_idle_accounts")
    assert idle_users() == ["never.signed.in", "used.long.ago"]
    assert AccountState.objects.get(user=never).disabled_reason == DisabledReason.IDLE
    assert "actor=system target=used.long.ago" in caplog.text
    # The periodic task runs the same service: a day later nobody else has crossed the line...
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        assert disable_idle_accounts() == 0
    # ...and the one who last signed in 44 days ago crosses it two days later.
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        assert disable_idle_accounts() == 1
    assert fresh.username not in idle_users()


def test_a_reactivated_account_starts_its_idle_clock_again(leader: Membership) -> None:
    user = UserFactory(username="back.from.leave")
    with time_machine.travel(NOW, tick=False):
        get_user_model().objects.filter(pk=user.pk).update(date_joined=NOW - timedelta(days=90))
        call_command("disable_idle_accounts")
        user.refresh_from_db()
        account_reactivate(user=user, actor=leader.user, address="10.0.0.9")
        call_command("disable_idle_accounts")
    user.refresh_from_db()
    assert user.is_active


def test_a_disabled_account_is_told_why_at_sign_in(staff: Membership) -> None:
    get_user_model().objects.filter(pk=staff.user.pk).update(
        date_joined=NOW - timedelta(days=60), last_login=NOW - timedelta(days=50)
    )
    with time_machine.travel(NOW, tick=False):
        call_command("disable_idle_accounts")
    html = sign_in(Client(), staff.user.username).content.decode()
    assert "không được sử dụng trong 45 ngày" in html
    # A wrong password learns nothing about the account.
    wrong = sign_in(Client(), staff.user.username, "wrong-password").content.decode()
    assert "45 ngày" not in wrong
    assert "mật khẩu chính xác" in wrong


def test_users_are_never_deleted(staff: Membership, rf: RequestFactory) -> None:
    with pytest.raises(ProtectedError):
        staff.user.delete()
    request = rf.get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    assert not admin.site._registry[get_user_model()].has_delete_permission(request, staff.user)


def test_an_account_made_in_the_admin_sets_its_own_password(db: None) -> None:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "new.clerk",
            "password1": "Given-password-123",
            "password2": "Given-password-123",
            "usable_password": "true",
            "account_state-TOTAL_FORMS": "1",
            "account_state-INITIAL_FORMS": "0",
            "account_state-MIN_NUM_FORMS": "0",
            "account_state-MAX_NUM_FORMS": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AccountState.objects.get(user__username="new.clerk").must_change_password


def disabled_while_idle(user) -> None:
    get_user_model().objects.filter(pk=user.pk).update(date_joined=NOW - timedelta(days=60), last_login=None)
    with time_machine.travel(NOW, tick=False):
        call_command("disable_idle_accounts")
    user.refresh_from_db()
    assert not user.is_active


@pytest.mark.django_db
def test_an_idle_administrator_is_disabled_too_and_told_how_to_come_back(caplog) -> None:
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    disabled_while_idle(root)
    html = sign_in(Client(), "root").content.decode()
    assert "Tài khoản quản trị này" in html and "manage.py reactivate_account" in html
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        with caplog.at_level(logging.INFO, logger="kimtra.security"):
            call_command("reactivate_account", "root")
        # The clock starts again: not disabled the next night.
        call_command("disable_idle_accounts")
    root.refresh_from_db()
    assert root.is_active
    assert AccountState.objects.get(user=root).disabled_reason == ""
    assert "account reactivated (manage.py): actor=system target=root" in caplog.text
    with pytest.raises(CommandError):
        call_command("reactivate_account", "nobody")


def test_ticking_active_in_the_admin_restarts_the_idle_clock(staff: Membership) -> None:
    disabled_while_idle(staff.user)
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:auth_user_change", args=[staff.user.pk])
    state = AccountState.objects.get(user=staff.user)
    data = {
        "username": staff.user.username,
        "first_name": staff.user.first_name,
        "last_name": staff.user.last_name,
        "email": "",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "account_state-TOTAL_FORMS": "1",
        "account_state-INITIAL_FORMS": "1",
        "account_state-MIN_NUM_FORMS": "0",
        "account_state-MAX_NUM_FORMS": "1",
        "account_state-0-id": str(state.pk),
        "account_state-0-user": str(staff.user.pk),
    }
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        call_command("disable_idle_accounts")
    staff.user.refresh_from_db()
    assert staff.user.is_active
    assert AccountState.objects.get(user=staff.user).disabled_reason == ""
