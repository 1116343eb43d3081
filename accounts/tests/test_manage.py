from __future__ import annotations

import logging

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountState
from wards.models import Membership, Role, Ward
from wards.tests.factories import PASSWORD, MembershipFactory, WardFactory
from wards.tests.permissions import assert_permission_matrix, client_for


def ward_url(ward: Ward, user_id: int | None = None, action: str = "") -> str:
    if user_id is None:
        return reverse("ward_accounts:list", kwargs={"ward": ward.slug})
    return reverse("ward_accounts:action", kwargs={"ward": ward.slug, "user_id": user_id, "action": action})


def city_url(user_id: int | None = None, action: str = "") -> str:
    if user_id is None:
        return reverse("city_accounts:list")
    return reverse("city_accounts:action", kwargs={"user_id": user_id, "action": action})


def test_ward_accounts_page_is_for_the_ward_leader(
    ward: Ward, staff: Membership, leader: Membership, home_affairs: Membership, other_staff: Membership
) -> None:
    assert_permission_matrix(ward_url(ward), allowed=[leader], forbidden=[staff, home_affairs], outsider=other_staff)
    other_leader = MembershipFactory(ward=WardFactory(), leader=True)
    assert client_for(other_leader).get(ward_url(ward)).status_code == 404


@pytest.mark.parametrize("action", ["deactivate", "reactivate", "reset-password", "reset-second-factor"])
def test_a_leader_acts_on_the_staff_of_their_own_ward_only(
    ward: Ward, staff: Membership, leader: Membership, home_affairs: Membership, other_staff: Membership, action: str
) -> None:
    assert_permission_matrix(
        ward_url(ward, staff.user_id, action),
        method="post",
        allowed=[leader],
        forbidden=[staff, home_affairs],
        outsider=other_staff,
        ok_status=(200, 302),
    )
    # Leader of ward A on ward B's staff, through ward A's address: 404; on another leader: 404 too.
    client = client_for(leader)
    assert client.post(ward_url(ward, other_staff.user_id, action)).status_code == 404
    vice = MembershipFactory(ward=ward, vice=True)
    assert client.post(ward_url(ward, vice.user_id, action)).status_code == 404


def test_a_leader_creates_a_staff_account(ward: Ward, leader: Membership, caplog) -> None:
    client = client_for(leader)
    with caplog.at_level(logging.INFO, logger="kimtra.security"):
        response = client.post(ward_url(ward), {"username": "kimtra.lethib", "last_name": "Lê Thị", "first_name": "B"})
    password = response.context["password"]
    user = get_user_model().objects.get(username="kimtra.lethib")
    assert user.check_password(password)
    assert user.membership.role == Role.STAFF and user.membership.ward == ward
    assert AccountState.objects.get(user=user).must_change_password
    assert f"actor={leader.user.username} target=kimtra.lethib address=127.0.0.1" in caplog.text
    # The list shows the new clerk; a taken name is refused.
    assert "kimtra.lethib" in client.get(ward_url(ward)).content.decode()
    again = client.post(ward_url(ward), {"username": "kimtra.lethib", "last_name": "X", "first_name": "Y"})
    assert "đã có người dùng" in again.content.decode()


def test_resets_and_deactivation(ward: Ward, staff: Membership, leader: Membership) -> None:
    client = client_for(leader)
    TOTPDevice.objects.create(user=staff.user, name="authenticator", confirmed=True)
    client.post(ward_url(ward, staff.user_id, "reset-second-factor"))
    assert not TOTPDevice.objects.filter(user=staff.user).exists()
    password = client.post(ward_url(ward, staff.user_id, "reset-password")).context["password"]
    staff.user.refresh_from_db()
    assert staff.user.check_password(password)
    assert AccountState.objects.get(user=staff.user).must_change_password
    client.post(ward_url(ward, staff.user_id, "deactivate"))
    staff.user.refresh_from_db()
    assert not staff.user.is_active
    assert get_user_model().objects.filter(pk=staff.user_id).exists()  # never deleted
    client.post(ward_url(ward, staff.user_id, "reactivate"))
    staff.user.refresh_from_db()
    assert staff.user.is_active


def test_city_accounts_page_is_for_home_affairs(
    ward: Ward, staff: Membership, leader: Membership, home_affairs: Membership
) -> None:
    assert client_for(None).get(city_url())["Location"].startswith(reverse("login"))
    for membership in (staff, leader):
        assert client_for(membership).get(city_url()).status_code == 403
    assert client_for(home_affairs).get(city_url()).status_code == 200


def test_the_city_manages_leaders_and_home_affairs_not_staff(
    ward: Ward, staff: Membership, leader: Membership, home_affairs: Membership
) -> None:
    client = client_for(home_affairs)
    colleague = MembershipFactory(home_affairs=True, city=ward.city)
    assert client.post(city_url(leader.user_id, "deactivate")).status_code == 302
    assert client.post(city_url(colleague.user_id, "reset-second-factor")).status_code == 302
    assert client.post(city_url(staff.user_id, "deactivate")).status_code == 404
    assert client.post(city_url(home_affairs.user_id, "deactivate")).status_code == 404
    response = client.post(
        city_url(),
        {
            "username": "kimtra.pct2",
            "last_name": "Trần",
            "first_name": "C",
            "role": Role.LEADER,
            "ward": ward.pk,
            "signing_title": "Phó Chủ tịch",
        },
    )
    assert response.status_code == 200 and response.context["password"]
    assert get_user_model().objects.get(username="kimtra.pct2").membership.role == Role.LEADER


def test_another_citys_leaders_are_out_of_scope(home_affairs: Membership) -> None:
    from wards.tests.factories import CityFactory

    elsewhere = MembershipFactory(ward=WardFactory(city=CityFactory(name="Đà Nẵng")), leader=True)
    assert client_for(home_affairs).post(city_url(elsewhere.user_id, "deactivate")).status_code == 404


@pytest.mark.parametrize("action", ["reset-second-factor", "reset-password"])
def test_a_reset_signs_the_person_out_everywhere(
    ward: Ward, staff: Membership, leader: Membership, action: str, caplog
) -> None:
    device = TOTPDevice.objects.create(user=staff.user, name="authenticator", confirmed=True)
    # One session past both factors, one still at the second (both must end).
    phone, desk = Client(), client_for(staff)
    phone.post(reverse("login"), {"username": staff.user.username, "password": PASSWORD})
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    phone.post(reverse("accounts:otp_verify"), {"code": code})
    bystander = client_for(MembershipFactory(ward=ward))
    dashboard = f"/w/{ward.slug}/"
    assert phone.get(dashboard).status_code == 200
    with caplog.at_level(logging.INFO, logger="kimtra.security"):
        client_for(leader).post(ward_url(ward, staff.user_id, action))
    for client in (phone, desk):
        # Signed out (to the sign-in page), not sent on to enrol a device of the session holder's choosing.
        response = client.get(dashboard)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert bystander.get(dashboard).status_code == 200
    if action == "reset-second-factor":
        assert "second_factor_reset (sessions ended: 2)" in caplog.text
