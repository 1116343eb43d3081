from __future__ import annotations

import logging
from base64 import b32encode
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import PENDING_SESSION_KEY, recovery_codes_issue, second_factor_required
from accounts.services import password_change_require
from wards.models import Membership, Ward
from wards.tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def required(settings) -> None:
    settings.ACCOUNTS_SECOND_FACTOR_REQUIRED = True


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def pending_secret(client: Client) -> str:
    return client.session[PENDING_SESSION_KEY]["key"]


def pending_code(client: Client) -> str:
    """The code the person's app shows for the secret in their session (TOTPDevice's defaults: 30 s, 6 digits)."""
    return f"{totp(bytes.fromhex(pending_secret(client)), step=30, t0=0, digits=6):06d}"


def enrolled(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return device


def sign_in(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def verify(client: Client, code: str):
    return client.post(reverse("accounts:otp_verify"), {"code": code})


def test_who_must_use_it(staff: Membership, leader: Membership, home_affairs: Membership, settings) -> None:
    assert not second_factor_required(staff.user)
    assert second_factor_required(leader.user)
    assert second_factor_required(home_affairs.user)
    assert second_factor_required(UserFactory(is_staff=True))
    settings.DEBUG = True
    settings.ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR = True
    assert not second_factor_required(UserFactory(username="kimtra.chutich"))
    assert second_factor_required(leader.user)


def test_a_leader_enrols_at_first_sign_in(ward: Ward, leader: Membership, caplog) -> None:
    client = Client()
    sign_in(client, leader.user.username)
    dashboard = f"/w/{ward.slug}/"
    page = client.get(dashboard)
    assert page["Location"].startswith(reverse("accounts:otp_enrol"))
    html = client.get(page["Location"]).content.decode()
    # The QR code is drawn here as SVG, within the CSP (an <img> with a data URI).
    assert 'src="data:image/svg+xml;base64,' in html
    assert not TOTPDevice.objects.filter(user=leader.user).exists()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        wrong = "000000" if pending_code(client) != "000000" else "111111"
        assert client.post(reverse("accounts:otp_enrol"), {"code": wrong}).status_code == 200
        assert not TOTPDevice.objects.filter(user=leader.user).exists()
        assert client.get(dashboard).status_code == 302
        traveller.shift(timedelta(seconds=5))  # django-otp slows down guesses after a wrong code
        secret = pending_secret(client)
        with caplog.at_level(logging.INFO, logger="kimtra.security"):
            done = client.post(reverse("accounts:otp_enrol"), {"code": pending_code(client), "next": dashboard})
    assert "second_factor_enrolled" in caplog.text
    device = TOTPDevice.objects.get(user=leader.user)
    assert device.confirmed and device.key == secret
    assert PENDING_SESSION_KEY not in client.session
    codes = done.context["codes"]
    assert len(codes) == 10
    assert codes[0] in done.content.decode()
    assert client.get(dashboard).status_code == 200


def writes_outside_the_session(queries: CaptureQueriesContext) -> list[str]:
    """The session row is saved on every request (SESSION_SAVE_EVERY_REQUEST); any other write is a bug."""
    writes = [query["sql"] for query in queries.captured_queries]
    writes = [sql for sql in writes if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    return [sql for sql in writes if "django_session" not in sql]


def test_the_enrolment_page_writes_nothing_on_get(leader: Membership) -> None:
    client = Client()
    sign_in(client, leader.user.username)
    for _visit in range(2):  # the first draws the secret, the second reads it back
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("accounts:otp_enrol")).status_code == 200
        assert queries.captured_queries
        assert writes_outside_the_session(queries) == []
    assert not TOTPDevice.objects.filter(user=leader.user).exists()
    assert not StaticToken.objects.filter(device__user=leader.user).exists()


def test_a_reload_shows_the_same_secret_and_a_new_session_a_new_one(leader: Membership) -> None:
    client = Client()
    sign_in(client, leader.user.username)
    first = client.get(reverse("accounts:otp_enrol")).context
    again = client.get(reverse("accounts:otp_enrol")).context
    assert (again["secret"], again["qr_code"]) == (first["secret"], first["qr_code"])
    secret = pending_secret(client)
    typed = b32encode(bytes.fromhex(secret)).decode().rstrip("=")
    assert first["secret"].replace(" ", "") == typed
    other = Client()
    sign_in(other, leader.user.username)
    elsewhere = other.get(reverse("accounts:otp_enrol")).context
    assert pending_secret(other) != secret
    assert (elsewhere["secret"], elsewhere["qr_code"]) != (first["secret"], first["qr_code"])


def test_enrolment_with_a_code_from_the_session_secret(ward: Ward, leader: Membership) -> None:
    client = Client()
    sign_in(client, leader.user.username)
    client.get(reverse("accounts:otp_enrol"))
    secret = pending_secret(client)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        right = pending_code(client)
        wrong = "000000" if right != "000000" else "111111"
        with CaptureQueriesContext(connection) as queries:
            refused = client.post(reverse("accounts:otp_enrol"), {"code": wrong})
        assert "codes" not in refused.context
        assert writes_outside_the_session(queries) == []
        # The wrong code counts (in the session): the right one right after it is refused, as django-otp does.
        assert "codes" not in client.post(reverse("accounts:otp_enrol"), {"code": right}).context
        assert client.session[PENDING_SESSION_KEY]["failures"] == 2
        assert not TOTPDevice.objects.filter(user=leader.user).exists()
        traveller.shift(timedelta(seconds=5))
        done = client.post(reverse("accounts:otp_enrol"), {"code": pending_code(client)})
        assert len(done.context["codes"]) == 10
        device = TOTPDevice.objects.get(user=leader.user)
        assert device.confirmed and device.key == secret and device.throttling_failure_count == 0
        assert StaticToken.objects.filter(device__user=leader.user).count() == 10
        assert client.get(f"/w/{ward.slug}/").status_code == 200
        # The code that enrolled cannot sign in another session within its 30 seconds.
        other = Client()
        sign_in(other, leader.user.username)
        assert verify(other, code_for(device)).status_code == 200


def test_sign_in_with_a_code_then_the_code_cannot_be_reused(ward: Ward, leader: Membership) -> None:
    device = enrolled(leader.user)
    dashboard = f"/w/{ward.slug}/"
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client = Client()
        sign_in(client, leader.user.username)
        # The password alone opens nothing.
        assert client.get(dashboard)["Location"].startswith(reverse("accounts:otp_verify"))
        assert client.get(reverse("accounts:password_change"))["Location"].startswith(reverse("accounts:otp_verify"))
        wrong = verify(client, "123456" if code_for(device) != "123456" else "654321")
        assert "không đúng" in wrong.content.decode()
        traveller.shift(timedelta(seconds=5))  # django-otp slows down guesses after a wrong code
        code = code_for(device)
        assert verify(client, code).status_code == 302
        assert client.get(dashboard).status_code == 200
        # The same code, in another session within its 30 seconds, is refused.
        other = Client()
        sign_in(other, leader.user.username)
        assert verify(other, code).status_code == 200
        assert other.get(dashboard).status_code == 302


def test_a_recovery_code_signs_in_once(ward: Ward, leader: Membership, caplog) -> None:
    enrolled(leader.user)
    codes = recovery_codes_issue(user=leader.user)
    client = Client()
    sign_in(client, leader.user.username)
    with caplog.at_level(logging.INFO, logger="kimtra.security"):
        assert verify(client, codes[3].upper()).status_code == 302
    assert "recovery_code_used" in caplog.text
    assert client.get(f"/w/{ward.slug}/").status_code == 200
    assert StaticToken.objects.filter(device__user=leader.user).count() == 9
    again = Client()
    sign_in(again, leader.user.username)
    assert verify(again, codes[3]).status_code == 200


def test_the_lockout_counts_wrong_passwords_and_wrong_codes_together(leader: Membership) -> None:
    enrolled(leader.user)
    client = Client()
    for _attempt in range(2):
        assert sign_in(client, leader.user.username, "wrong").status_code == 200
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in(client, leader.user.username)
        for _attempt in range(2):
            traveller.shift(timedelta(seconds=30))
            assert verify(client, "999999").status_code == 200
        traveller.shift(timedelta(seconds=30))
        fifth = verify(client, "999999")
    assert fifth.status_code == 429
    assert "tạm khóa" in fifth.content.decode()
    # Signed out, and the password is refused while the lock holds.
    assert sign_in(Client(), leader.user.username).status_code == 429


def test_a_right_password_does_not_reset_the_count_of_wrong_codes(leader: Membership) -> None:
    enrolled(leader.user)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _round in range(2):
            client = Client()
            sign_in(client, leader.user.username)
            for _attempt in range(2):
                traveller.shift(timedelta(seconds=60))
                verify(client, "999999")
        client = Client()
        sign_in(client, leader.user.username)
        traveller.shift(timedelta(seconds=60))
        assert verify(client, "999999").status_code == 429


def test_with_a_device_the_code_comes_before_the_first_password(ward: Ward, leader: Membership) -> None:
    device = enrolled(leader.user)
    password_change_require(user=leader.user)
    client = Client()
    sign_in(client, leader.user.username)
    assert client.get(f"/w/{ward.slug}/")["Location"].startswith(reverse("accounts:otp_verify"))
    verify(client, code_for(device))
    assert client.get(f"/w/{ward.slug}/")["Location"].startswith(reverse("accounts:password_change"))


def test_staff_may_choose_it(ward: Ward, staff: Membership) -> None:
    client = Client()
    sign_in(client, staff.user.username)
    assert client.get(f"/w/{ward.slug}/").status_code == 200
    assert "Thiết lập xác thực hai lớp" in client.get(reverse("accounts:security")).content.decode()
    client.get(reverse("accounts:otp_enrol"))
    client.post(reverse("accounts:otp_enrol"), {"code": pending_code(client)})
    assert TOTPDevice.objects.get(user=staff.user).confirmed
    # Once chosen, it is asked at every sign-in.
    later = Client()
    sign_in(later, staff.user.username)
    assert later.get(f"/w/{ward.slug}/")["Location"].startswith(reverse("accounts:otp_verify"))


def renew(client: Client, confirmation: str):
    return client.post(reverse("accounts:recovery_codes_new"), {"confirmation": confirmation})


def test_a_person_makes_new_recovery_codes_after_confirming(ward: Ward, leader: Membership, caplog) -> None:
    device = enrolled(leader.user)
    old = recovery_codes_issue(user=leader.user)
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in(client, leader.user.username)
        verify(client, code_for(device))
        assert "Tạo mã khôi phục mới" in client.get(reverse("accounts:security")).content.decode()
        # Neither a wrong password nor an old recovery code is enough.
        with caplog.at_level(logging.INFO, logger="kimtra.security"):
            assert "codes" not in renew(client, "not-my-password").context
            assert "codes" not in renew(client, old[0]).context
        assert "recovery_codes_confirmation_failed" in caplog.text
        assert StaticToken.objects.filter(device__user=leader.user, token=old[0]).exists()
        traveller.shift(timedelta(seconds=60))
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="kimtra.security"):
            by_code = renew(client, code_for(device))
        assert f"account recovery_codes_renewed: actor={leader.user.username}" in caplog.text
        codes = by_code.context["codes"]
        assert len(codes) == 10 and codes[0] in by_code.content.decode()
        assert not StaticToken.objects.filter(device__user=leader.user, token__in=old).exists()
        by_password = renew(client, PASSWORD).context["codes"]
    assert set(by_password).isdisjoint(codes)
    # An old code no longer signs in; a new one does.
    again = Client()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in(again, leader.user.username)
        assert verify(again, codes[0]).status_code == 200
        traveller.shift(timedelta(seconds=60))  # django-otp slows down guesses after a wrong code
        assert verify(again, by_password[0]).status_code == 302
    assert again.get(f"/w/{ward.slug}/").status_code == 200


def test_wrong_confirmations_count_towards_the_lockout(leader: Membership) -> None:
    device = enrolled(leader.user)
    client = Client()
    sign_in(client, leader.user.username)
    verify(client, code_for(device))
    for _attempt in range(4):
        assert renew(client, "not-my-password").status_code == 200
    assert renew(client, "not-my-password").status_code == 429
    assert sign_in(Client(), leader.user.username).status_code == 429


def test_without_a_second_factor_there_are_no_codes_to_renew(staff: Membership) -> None:
    client = Client()
    sign_in(client, staff.user.username)
    assert client.post(reverse("accounts:recovery_codes_new"), {"confirmation": PASSWORD})["Location"] == reverse(
        "accounts:security"
    )
    assert not StaticToken.objects.filter(device__user=staff.user).exists()
