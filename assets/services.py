"""Writes to the assets tables. Each function validates fully and runs in one transaction; `values` holds
the editable fields only (the ward is never taken from it, so a form cannot move a record to another ward)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from wards.models import Ward

from .models import EquipmentItem, Facility, Spending

FACILITY_FIELDS = (
    "name",
    "address",
    "use",
    "user_name",
    "land_m2",
    "floor_m2",
    "surveyed",
    "cadastral_record",
    "handling",
    "handling_plan",
    "handled_on",
    "held_from",
    "held_until",
    "notes",
)
EQUIPMENT_FIELDS = ("unit", "kind", "measure", "quantity", "condition", "status", "position", "notes")
SPENDING_FIELDS = ("kind", "start", "end", "amount", "notes")

M = TypeVar("M", bound=models.Model)


def _apply(instance: M, values: Mapping[str, Any], allowed: tuple[str, ...]) -> M:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    # Saving an unchanged record would add an empty "changed" line to its history. Compare with the stored
    # row: a ModelForm has already copied its values onto `instance`.
    if instance.pk:
        stored = type(instance)._default_manager.filter(pk=instance.pk).values(*values).first()
        if stored == dict(values):
            return instance
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def facility_create(*, ward: Ward, values: Mapping[str, Any]) -> Facility:
    return _apply(Facility(ward=ward), values, FACILITY_FIELDS)


@transaction.atomic
def facility_update(*, facility: Facility, values: Mapping[str, Any]) -> Facility:
    return _apply(facility, values, FACILITY_FIELDS)


@transaction.atomic
def equipment_create(*, ward: Ward, values: Mapping[str, Any]) -> EquipmentItem:
    return _apply(EquipmentItem(ward=ward), values, EQUIPMENT_FIELDS)


@transaction.atomic
def equipment_update(*, item: EquipmentItem, values: Mapping[str, Any]) -> EquipmentItem:
    return _apply(item, values, EQUIPMENT_FIELDS)


@transaction.atomic
def spending_create(*, ward: Ward, values: Mapping[str, Any]) -> Spending:
    # Lock the ward's row so that two clerks saving overlapping periods at once cannot both pass the check.
    Ward.objects.select_for_update().filter(pk=ward.pk).first()
    return _apply(Spending(ward=ward), values, SPENDING_FIELDS)


@transaction.atomic
def spending_update(*, spending: Spending, values: Mapping[str, Any]) -> Spending:
    Ward.objects.select_for_update().filter(pk=spending.ward_id).first()
    return _apply(spending, values, SPENDING_FIELDS)
