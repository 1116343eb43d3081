from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from wards.access import WardAccess, city_view, ward_view
from wards.models import Membership, Role, Ward
from wards.tests.factories import CityFactory, MembershipFactory, UserFactory, WardFactory


@ward_view(read=[Role.LEADER])
def leader_only(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return HttpResponse(f"{access.ward.slug}:{access.role}")


@ward_view(read=[Role.STAFF, Role.LEADER, Role.CITY], write=[Role.STAFF, Role.LEADER])
def readable(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return HttpResponse(f"{access.ward.slug}:{access.can_write}")


@city_view
def city_only(request: HttpRequest, membership: Membership) -> HttpResponse:
    return HttpResponse(membership.city.slug)


def call(view, user, method: str = "get", **kwargs) -> HttpResponse:
    request = getattr(RequestFactory(), method)("/w/x/page/?a=1")
    request.user = user
    return view(request, **kwargs)


def test_anonymous_goes_to_login(ward: Ward) -> None:
    response = call(leader_only, AnonymousUser(), ward=ward.slug)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/w/x/page/%3Fa%3D1"


def test_user_of_another_ward_gets_404(ward: Ward, other_staff: Membership) -> None:
    with pytest.raises(Http404):
        call(readable, other_staff.user, ward=ward.slug)


def test_unknown_ward_gets_404(staff: Membership) -> None:
    with pytest.raises(Http404):
        call(readable, staff.user, ward="no-such-ward")


def test_user_without_membership_gets_404(ward: Ward) -> None:
    with pytest.raises(Http404):
        call(readable, UserFactory(), ward=ward.slug)


def test_wrong_role_gets_403(ward: Ward, staff: Membership) -> None:
    with pytest.raises(PermissionDenied):
        call(leader_only, staff.user, ward=ward.slug)


def test_other_ward_wins_over_wrong_role(ward: Ward, other_staff: Membership) -> None:
    # A staff member of another ward must not learn that a leader-only page exists here.
    with pytest.raises(Http404):
        call(leader_only, other_staff.user, ward=ward.slug)


def test_right_role_reaches_the_view_with_its_ward(ward: Ward, leader: Membership) -> None:
    response = call(leader_only, leader.user, ward=ward.slug)
    assert response.status_code == 200
    assert response.content == f"{ward.slug}:leader".encode()


def test_home_affairs_read_every_ward_of_their_city(ward: Ward, other_ward: Ward, home_affairs: Membership) -> None:
    for slug in (ward.slug, other_ward.slug):
        assert call(readable, home_affairs.user, ward=slug).content == f"{slug}:False".encode()
    with pytest.raises(PermissionDenied):
        call(leader_only, home_affairs.user, ward=ward.slug)


def test_home_affairs_of_another_city_get_404(ward: Ward) -> None:
    stranger = MembershipFactory(home_affairs=True, city=CityFactory(name="Đà Nẵng"))
    with pytest.raises(Http404):
        call(readable, stranger.user, ward=ward.slug)


def test_city_view(staff: Membership, home_affairs: Membership) -> None:
    assert call(city_only, AnonymousUser()).status_code == 302
    with pytest.raises(PermissionDenied):
        call(city_only, staff.user)
    assert call(city_only, home_affairs.user).content == home_affairs.city.slug.encode()


def test_ward_view_needs_a_role() -> None:
    with pytest.raises(ValueError):
        ward_view(read=[])


@pytest.mark.django_db
def test_same_ward_name_in_two_cities_keeps_cities_apart() -> None:
    hue = WardFactory(name="An Cựu")
    other = WardFactory(name="An Cựu 2", city=CityFactory(name="Đà Nẵng"))
    reader = MembershipFactory(home_affairs=True, city=hue.city)
    assert call(readable, reader.user, ward=hue.slug).status_code == 200
    with pytest.raises(Http404):
        call(readable, reader.user, ward=other.slug)


def test_read_only_role_may_read_but_not_post(ward: Ward, staff: Membership, home_affairs: Membership) -> None:
    assert call(readable, home_affairs.user, ward=ward.slug).status_code == 200
    with pytest.raises(PermissionDenied):
        call(readable, home_affairs.user, method="post", ward=ward.slug)
    assert call(readable, staff.user, method="post", ward=ward.slug).status_code == 200


def test_a_view_without_write_roles_refuses_every_post(ward: Ward, leader: Membership) -> None:
    with pytest.raises(PermissionDenied):
        call(leader_only, leader.user, method="post", ward=ward.slug)
