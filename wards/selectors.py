"""Reads of the tenancy tables for pages."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from .models import City, ImportRecord, Membership, Role, Ward


def ward_leaders(ward: Ward) -> QuerySet[Membership]:
    # Chủ tịch sorts before Phó Chủ tịch, which is the order of signature blocks.
    return ward.memberships.filter(role=Role.LEADER).select_related("user").order_by("signing_title", "user__last_name")


def ward_staff_count(ward: Ward) -> int:
    return ward.memberships.filter(role=Role.STAFF).count()


def city_wards(city: City) -> QuerySet[Ward]:
    leaders = Membership.objects.filter(role=Role.LEADER).select_related("user").order_by("signing_title")
    return city.wards.prefetch_related(Prefetch("memberships", queryset=leaders, to_attr="leaders"))


IMPORTS_SHOWN = 5


def recent_imports(ward: Ward, kinds: Iterable[str], limit: int = IMPORTS_SHOWN) -> list[ImportRecord]:
    """The newest Excel imports of `kinds` with who made them: one query, however many there are."""
    return list(ImportRecord.objects.filter(ward=ward, kind__in=list(kinds)).select_related("imported_by")[:limit])
