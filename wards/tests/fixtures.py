from __future__ import annotations

import pytest

from wards.models import Membership, Ward
from wards.tests.factories import MembershipFactory, WardFactory


@pytest.fixture
def ward(db: None) -> Ward:
    return WardFactory(name="Kim Trà")


@pytest.fixture
def other_ward(db: None) -> Ward:
    return WardFactory(name="Hương Trà")


@pytest.fixture
def staff(ward: Ward) -> Membership:
    return MembershipFactory(ward=ward)


@pytest.fixture
def leader(ward: Ward) -> Membership:
    return MembershipFactory(ward=ward, leader=True)


@pytest.fixture
def home_affairs(ward: Ward) -> Membership:
    return MembershipFactory(home_affairs=True, city=ward.city)


@pytest.fixture
def other_staff(other_ward: Ward) -> Membership:
    return MembershipFactory(ward=other_ward)
