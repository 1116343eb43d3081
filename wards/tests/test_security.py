"""The security log (DESIGN §12): sign-ins, failures, lockouts, sign-outs and denied requests, each line
with the user (or the user name tried), the client's address and the time."""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from wards.models import Membership, Ward
from wards.security import client_ip, security_log
from wards.tests.factories import PASSWORD
from wards.tests.security_log import line_with, security_lines

ADDRESS = "203.0.113.7"
TIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} "


@pytest.fixture(autouse=True)
def security_records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="kimtra.security")
    return caplog


def sign_in(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_sign_in_and_out_are_logged_with_user_and_address(staff: Membership, caplog) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    assert sign_in(client, staff.user.username, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    name = staff.user.username
    signed_in = line_with(caplog, "sign_in.ok")
    assert re.match(TIME, signed_in)
    assert f"ip={ADDRESS} user={name} sign_in.ok" in signed_in
    assert f"ip={ADDRESS} user={name} sign_out" in line_with(caplog, "sign_out")


def test_failed_sign_in_names_the_user_name_tried_and_the_address(staff: Membership, caplog) -> None:
    sign_in(Client(REMOTE_ADDR=ADDRESS), "nguyen.van.khong.co", "wrong")
    line = line_with(caplog, "sign_in.failed")
    assert f"ip={ADDRESS} user=- sign_in.failed username=nguyen.van.khong.co" in line
    assert "wrong" not in line  # never the password


def test_a_user_name_cannot_forge_a_line(db, caplog) -> None:
    sign_in(Client(REMOTE_ADDR=ADDRESS), "x\n2026-01-01T00:00:00+0700 INFO ip=1.2.3.4 user=admin sign_in.ok", "pw")
    [line] = security_lines(caplog)
    assert "\n" not in line
    assert 'username="x\\n2026' in line


def test_lockout_is_logged(staff: Membership, caplog) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    for _attempt in range(5):
        sign_in(client, staff.user.username, "wrong")
    line = line_with(caplog, "sign_in.locked_out")
    assert f"ip={ADDRESS} user=- sign_in.locked_out username={staff.user.username}" in line
    assert line.split()[1] == "WARNING"


def test_another_wards_page_is_logged_as_denied(ward: Ward, other_staff: Membership, caplog) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(other_staff.user)
    caplog.clear()  # force_login logs a sign-in too
    assert client.get(f"/w/{ward.slug}/").status_code == 404
    line = line_with(caplog, "request.denied")
    name = other_staff.user.username
    assert f"ip={ADDRESS} user={name} request.denied status=404 method=GET path=/w/{ward.slug}/" in line


def test_a_wrong_role_is_logged_as_denied(staff: Membership, caplog) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(staff.user)
    assert client.get("/city/").status_code == 403
    line = line_with(caplog, "request.denied")
    assert f"ip={ADDRESS} user={staff.user.username} request.denied status=403 method=GET path=/city/" in line


def test_allowed_pages_and_other_paths_are_not_logged_as_denied(ward: Ward, staff: Membership, caplog) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(staff.user)
    assert client.get(f"/w/{ward.slug}/").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
    assert not [line for line in security_lines(caplog) if "request.denied" in line]


def test_direct_calls_get_the_user_and_address_of_the_request(ward: Ward, staff: Membership, caplog) -> None:
    """What other code logs with logging.getLogger("kimtra.security") carries them as well."""
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS)
    request.user = staff.user
    from wards.security import _current_request

    token = _current_request.set(request)
    try:
        logging.getLogger("kimtra.security").info("password changed")
        security_log("membership.changed", role="leader")
    finally:
        _current_request.reset(token)
    lines = security_lines(caplog)
    assert f"ip={ADDRESS} user={staff.user.username} password changed" in lines[0]
    assert f"ip={ADDRESS} user={staff.user.username} membership.changed role=leader" in lines[1]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", ADDRESS),  # not behind a proxy: the header is the client's word, ignored
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "10.9.9.9, 198.51.100.1", "198.51.100.1"),  # the left entry was sent by the client
        (2, "10.9.9.9, 198.51.100.1, 192.0.2.3", "198.51.100.1"),
        (1, "", ADDRESS),
        (1, "not-an-address", ADDRESS),
    ],
)
def test_client_address(settings, proxies: int, forwarded: str, expected: str) -> None:
    settings.SECURITY_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
