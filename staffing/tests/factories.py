from __future__ import annotations

from datetime import date

import factory

from staffing.models import (
    HeadcountLine,
    HeadcountSnapshot,
    JobPosition,
    OrgUnit,
    PositionCategory,
    StaffingNeed,
    UnitKind,
)
from wards.tests.factories import WardFactory


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    ward = factory.SubFactory(WardFactory)
    name = factory.Sequence(lambda n: f"Phòng thử {n}")
    kind = UnitKind.AGENCY
    order = factory.Sequence(lambda n: n)


class JobPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobPosition

    ward = factory.SubFactory(WardFactory)
    unit = factory.SubFactory(OrgUnitFactory, ward=factory.SelfAttribute("..ward"))
    name = factory.Sequence(lambda n: f"Vị trí {n}")
    category = PositionCategory.PROFESSIONAL
    quota = 2
    filled = 1


class HeadcountSnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HeadcountSnapshot

    ward = factory.SubFactory(WardFactory)
    on = date(2025, 7, 1)


class HeadcountLineFactory(factory.django.DjangoModelFactory):
    """A line of civil servants: one head, one deputy, the rest specialists."""

    class Meta:
        model = HeadcountLine

    snapshot = factory.SubFactory(HeadcountSnapshotFactory)
    unit = factory.SubFactory(OrgUnitFactory, ward=factory.SelfAttribute("..snapshot.ward"))
    total = 5
    heads = 1
    deputies = 1
    specialists = factory.LazyAttribute(lambda o: o.total - o.heads - o.deputies)
    civil_servants = factory.LazyAttribute(lambda o: o.total)


class StaffingNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffingNeed

    ward = factory.SubFactory(WardFactory)
    unit = factory.SubFactory(OrgUnitFactory, ward=factory.SelfAttribute("..ward"))
    position = "Bác sĩ đa khoa"
    count = 2
    stated_on = date(2026, 5, 5)
