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
    unit = "Trung tâm Phục vụ hành chính công"
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
