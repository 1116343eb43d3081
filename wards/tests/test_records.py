"""The shared save helpers of every service: find-or-create, then update, validated, without empty history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wards.models import City, Membership, Role
from wards.records import record_save, record_upsert
from wards.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_upsert_creates_then_updates_the_same_record() -> None:
    created = record_upsert(City, lookup={"slug": "hue"}, values={"name": "Huế"})
    updated = record_upsert(City, lookup={"slug": "hue"}, values={"name": "Thành phố Huế"})
    assert created.pk == updated.pk
    assert City.objects.get().name == "Thành phố Huế"


def test_an_unchanged_record_is_not_saved_again(ward) -> None:
    user = UserFactory()
    values = {"role": Role.STAFF, "ward": ward, "city": None, "signing_title": ""}
    membership = record_upsert(Membership, lookup={"user": user}, values=values)
    record_upsert(Membership, lookup={"user": user}, values=values)
    assert membership.history.count() == 1
    city_role = {"role": Role.CITY, "ward": None, "city": ward.city}
    record_upsert(Membership, lookup={"user": user}, values=values | city_role)
    assert membership.history.count() == 2


def test_an_invalid_record_is_refused_and_not_saved() -> None:
    city = record_upsert(City, lookup={"slug": "hue"}, values={"name": "Huế"})
    with pytest.raises(ValidationError) as raised:
        record_save(city, {"name": ""})
    assert "name" in raised.value.message_dict
    assert City.objects.get().name == "Huế"
