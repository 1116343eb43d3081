from __future__ import annotations

from datetime import date

import factory

from assets.models import (
    EquipmentCondition,
    EquipmentItem,
    EquipmentStatus,
    Facility,
    FacilityUse,
    Spending,
    SpendingKind,
)
from wards.tests.factories import WardFactory


class UnitFactory(factory.django.DjangoModelFactory):
    """A unit of staffing's, named by its label: assets does not import staffing."""

    class Meta:
        model = "staffing.OrgUnit"

    ward = factory.SubFactory(WardFactory)
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = "agency"
    order = factory.Sequence(lambda n: n)


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    ward = factory.SubFactory(WardFactory)
    name = factory.Sequence(lambda n: f"Cơ sở {n}")
    use = FacilityUse.OFFICE
    land_m2 = 1000
    floor_m2 = 300
    held_from = date(2025, 7, 1)


class EquipmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EquipmentItem

    ward = factory.SubFactory(WardFactory)
    unit = factory.SubFactory(UnitFactory, ward=factory.SelfAttribute("..ward"))
    kind = factory.Sequence(lambda n: f"Thiết bị {n}")
    measure = "cái"
    quantity = 2
    condition = EquipmentCondition.GOOD
    status = EquipmentStatus.IN_PLACE


class SpendingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spending

    ward = factory.SubFactory(WardFactory)
    kind = SpendingKind.RECURRENT
    start = date(2025, 7, 1)
    end = date(2025, 7, 31)
    amount = 1_000_000
