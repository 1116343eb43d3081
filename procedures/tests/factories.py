from __future__ import annotations

from datetime import date

import factory

from procedures.models import CaseVolume, ProcedureCatalogue, ProcedureField
from wards.tests.factories import WardFactory


class ProcedureFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureField
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    position = factory.Sequence(lambda n: 100 + n)


class CaseVolumeFactory(factory.django.DjangoModelFactory):
    """A consistent entry: `received` cases, `resolved` of them returned on time, the rest in progress."""

    class Meta:
        model = CaseVolume

    class Params:
        resolved = 8

    ward = factory.SubFactory(WardFactory)
    field = factory.SubFactory(ProcedureFieldFactory)
    start = date(2025, 8, 18)
    end = date(2025, 8, 23)
    received = 10
    received_online = 10
    returned = factory.LazyAttribute(lambda o: o.resolved)
    resolved_on_time = factory.LazyAttribute(lambda o: o.resolved)
    in_progress_on_time = factory.LazyAttribute(lambda o: o.received - o.resolved)
    digitised = factory.LazyAttribute(lambda o: o.received)
    e_results = factory.LazyAttribute(lambda o: o.resolved)


class ProcedureCatalogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureCatalogue

    ward = factory.SubFactory(WardFactory)
    as_of = date(2025, 7, 1)
    procedures = 424
    fully_online = 144
    partly_online = 280
