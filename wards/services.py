"""Writes to the tenancy tables. Each function validates fully and runs in one transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from .models import City, Membership, Role, Ward, ward_slug


@transaction.atomic
def city_upsert(*, name: str) -> City:
    city = City.objects.filter(slug=ward_slug(name)).first() or City(slug=ward_slug(name))
    city.name = name
    city.full_clean()
    city.save()
    return city


@transaction.atomic
def ward_upsert(
    *,
    city: City,
    name: str,
    kind: str,
    area_km2: Decimal,
    population: int,
    formed_on: date,
    legal_basis: str,
    former_units: list[str],
    residential_groups: int,
    is_demo: bool = False,
    slug: str | None = None,
) -> Ward:
    """Create the ward, or update the one with the same slug (the slug derives from the name)."""
    slug = slug or ward_slug(name)
    ward = Ward.objects.filter(slug=slug).first() or Ward(slug=slug)
    ward.city = city
    ward.name = name
    ward.kind = kind
    ward.area_km2 = area_km2
    ward.population = population
    ward.formed_on = formed_on
    ward.legal_basis = legal_basis
    ward.former_units = "\n".join(former_units)
    ward.residential_groups = residential_groups
    ward.is_demo = is_demo
    ward.full_clean()
    ward.save()
    return ward


@transaction.atomic
def account_upsert(*, username: str, first_name: str, last_name: str, password: str) -> AbstractUser:
    """Create or refresh a user; the password goes through the validators like any other."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first() or user_model(username=username)
    user.first_name = first_name
    user.last_name = last_name
    user.is_active = True
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def membership_assign(
    *,
    user: AbstractUser,
    role: Role,
    ward: Ward | None = None,
    city: City | None = None,
    signing_title: str = "",
) -> Membership:
    membership = Membership.objects.filter(user=user).first() or Membership(user=user)
    membership.role = role
    membership.ward = ward
    membership.city = city
    membership.signing_title = signing_title
    membership.full_clean()
    membership.save()
    return membership
