from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from wards.models import Membership, Role, SigningTitle, Ward, ward_slug
from wards.tests.factories import CityFactory, UserFactory, WardFactory


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Kim Trà", "kim-tra"), ("Hương Trà", "huong-tra"), ("Điền Lộc", "dien-loc"), ("Quảng Điền", "quang-dien")],
)
def test_ward_slug_maps_d_with_stroke(name: str, slug: str) -> None:
    assert ward_slug(name) == slug


def test_ward_texts_for_reports(ward: Ward) -> None:
    assert ward.display_name == "phường Kim Trà"
    assert ward.committee_name == "Ủy ban nhân dân phường Kim Trà"
    assert ward.header_lines == ("ỦY BAN NHÂN DÂN", "PHƯỜNG KIM TRÀ")
    assert ward.date_place == "Kim Trà"
    assert ward.former_unit_names == ["phường Hương Xuân", "phường Hương Chữ", "xã Hương Toàn"]


@pytest.mark.django_db
def test_ward_slug_must_be_ascii() -> None:
    ward = WardFactory.build(city=CityFactory(), slug="kim-trà")
    with pytest.raises(ValidationError) as error:
        ward.full_clean()
    assert "slug" in error.value.message_dict


def membership(**kwargs) -> Membership:
    return Membership(user=UserFactory(), **kwargs)


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"role": Role.CITY}, "city"),
        ({"role": Role.STAFF}, "ward"),
        ({"role": Role.LEADER}, "signing_title"),
        ({"role": Role.STAFF, "signing_title": SigningTitle.CHU_TICH}, "signing_title"),
    ],
)
def test_membership_scope_is_validated(ward: Ward, fields: dict, field_in_error: str) -> None:
    with pytest.raises(ValidationError) as error:
        membership(**fields).full_clean()
    assert field_in_error in error.value.message_dict


def test_city_user_cannot_also_belong_to_a_ward(ward: Ward) -> None:
    with pytest.raises(ValidationError) as error:
        membership(role=Role.CITY, city=ward.city, ward=ward).full_clean()
    assert "ward" in error.value.message_dict


def test_database_refuses_a_leader_without_title(ward: Ward) -> None:
    with pytest.raises(IntegrityError):
        membership(role=Role.LEADER, ward=ward).save()


def test_valid_memberships(ward: Ward) -> None:
    membership(role=Role.LEADER, ward=ward, signing_title=SigningTitle.PHO_CHU_TICH).full_clean()
    membership(role=Role.CITY, city=ward.city).full_clean()
