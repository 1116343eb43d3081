"""The permission matrix every ward-scoped view must pass (DEVELOPERS.md: anonymous → login,
other ward → 404, wrong role → 403, right role → the page)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.test import Client
from django.urls import reverse

from wards.models import Membership


def client_for(membership: Membership | None) -> Client:
    client = Client()
    if membership is not None:
        client.force_login(membership.user)
    return client


def assert_permission_matrix(
    url: str,
    *,
    allowed: Iterable[Membership],
    forbidden: Iterable[Membership] = (),
    outsider: Membership,
    method: str = "get",
    data: Mapping[str, Any] | None = None,
    ok_status: Iterable[int] = (200,),
) -> None:
    """`allowed` get one of `ok_status`; `forbidden` (right ward, wrong role) get 403; `outsider`
    (another ward) gets 404; an anonymous visitor is sent to the login page."""

    def call(membership: Membership | None) -> Any:
        return getattr(client_for(membership), method)(url, data or {})

    anonymous = call(None)
    assert anonymous.status_code == 302, f"anonymous: {anonymous.status_code}"
    assert anonymous["Location"].startswith(reverse("login")), anonymous["Location"]
    assert call(outsider).status_code == 404, "a user of another ward must get 404"
    for membership in forbidden:
        status = call(membership).status_code
        assert status == 403, f"{membership.role} must get 403, got {status}"
    for membership in allowed:
        status = call(membership).status_code
        assert status in tuple(ok_status), f"{membership.role} must get {tuple(ok_status)}, got {status}"


def assert_upload_matrix(
    upload_url: str,
    confirm_url: str,
    *,
    staff: Membership,
    leader: Membership,
    home_affairs: Membership,
    outsider: Membership,
) -> None:
    """An Excel upload of the ward's figures (wards.excel.views.upload_views): its dry run for the
    ward's own people, its confirmation (a POST; without a checked sheet it redirects back) for staff."""
    assert_permission_matrix(upload_url, allowed=[staff, leader], forbidden=[home_affairs], outsider=outsider)
    assert_permission_matrix(
        confirm_url, allowed=[staff], forbidden=[home_affairs], outsider=outsider, method="post", ok_status=(302,)
    )
