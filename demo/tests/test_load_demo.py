from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wards.models import City, Membership, Role, Ward


def snapshot() -> dict[str, list[tuple]]:
    return {
        "cities": list(City.objects.values_list().order_by("pk")),
        "wards": list(Ward.objects.values_list().order_by("pk")),
        "users": list(
            get_user_model()
            .objects.values_list("pk", "username", "first_name", "last_name", "is_active")
            .order_by("pk")
        ),
        "memberships": list(Membership.objects.values_list().order_by("pk")),
    }


@pytest.mark.django_db
def test_refuses_without_debug(settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not Ward.objects.exists()


@pytest.mark.django_db
def test_twice_gives_the_same_data(settings) -> None:
    settings.DEBUG = True
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert len(first["wards"]) == 2
    assert len(first["users"]) == 5


@pytest.mark.django_db
def test_demo_facts_and_users(settings) -> None:
    settings.DEBUG = True
    call_command("load_demo")
    kim_tra = Ward.objects.get(slug="kim-tra")
    assert kim_tra.area_km2 == Decimal("42.80")
    assert kim_tra.population == 36_296
    assert kim_tra.residential_groups == 27
    assert kim_tra.former_unit_names == ["phường Hương Xuân", "phường Hương Chữ", "xã Hương Toàn"]
    assert "1675/NQ-UBTVQH15" in kim_tra.legal_basis
    assert not kim_tra.is_demo
    assert Ward.objects.get(slug="huong-tra").is_demo
    roles = {m.user.username: (m.role, m.ward and m.ward.slug, m.signing_title) for m in Membership.objects.all()}
    assert roles == {
        "kimtra.canbo": (Role.STAFF, "kim-tra", ""),
        "kimtra.chutich": (Role.LEADER, "kim-tra", "Chủ tịch"),
        "kimtra.phochutich": (Role.LEADER, "kim-tra", "Phó Chủ tịch"),
        "sonoivu": (Role.CITY, None, ""),
        "huongtra.canbo": (Role.STAFF, "huong-tra", ""),
    }
    for user in get_user_model().objects.all():
        assert user.check_password("demo-Kimtra-2025")
