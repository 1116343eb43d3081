"""Writes to the tenancy tables. Each function validates fully and runs in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from .models import City, FigureLock, Membership, Role, Ward, ward_slug
from .periods import DateRange
from .records import record_upsert


@transaction.atomic
def city_upsert(*, name: str) -> City:
    return record_upsert(City, lookup={"slug": ward_slug(name)}, values={"name": name})


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
    return record_upsert(
        Ward,
        lookup={"slug": slug or ward_slug(name)},
        values={
            "city": city,
            "name": name,
            "kind": kind,
            "area_km2": area_km2,
            "population": population,
            "formed_on": formed_on,
            "legal_basis": legal_basis,
            "former_units": "\n".join(former_units),
            "residential_groups": residential_groups,
            "is_demo": is_demo,
        },
    )


@dataclass(frozen=True)
class WardFacts:
    """Standing facts of a ward that its reports describe (the seeds' "Khái quát đặc điểm tình hình")."""

    vice_chairs: int = 0
    buddhist_sites: int = 0
    village_pagodas: int = 0
    buddhist_halls: int = 0
    buddhist_halls_recognised: int = 0
    catholic_sites: int = 0
    relics_national: int = 0
    relics_city: int = 0
    all_cases_online_from: date | None = None
    information_systems: tuple[str, ...] = ()


WARD_FACT_FIELDS = tuple(f.name for f in fields(WardFacts))


@transaction.atomic
def ward_facts_update(*, ward: Ward, facts: WardFacts) -> Ward:
    ward = Ward.objects.select_for_update().get(pk=ward.pk)
    for name in WARD_FACT_FIELDS:
        value = getattr(facts, name)
        setattr(ward, name, "\n".join(value) if name == "information_systems" else value)
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
    return record_upsert(
        Membership,
        lookup={"user": user},
        values={"role": role, "ward": ward, "city": city, "signing_title": signing_title},
    )


@transaction.atomic
def figure_lock_set(*, ward: Ward, period: DateRange, key: str, label: str) -> FigureLock:
    """Freeze the ward's figures dated in `period`, or refresh the lock of the same owner. Under the
    ward's row lock, which assert_unlocked takes too."""
    Ward.objects.select_for_update().filter(pk=ward.pk).first()
    lock = FigureLock.objects.filter(key=key).first() or FigureLock(key=key)
    lock.ward = ward
    lock.start = period.start
    lock.end = period.end
    lock.label = label
    lock.full_clean()
    lock.save()
    return lock


@transaction.atomic
def figure_lock_lift(*, key: str) -> int:
    """Remove the lock of this owner; returns how many were removed (0 when there was none)."""
    deleted, _ = FigureLock.objects.filter(key=key).delete()
    return deleted
