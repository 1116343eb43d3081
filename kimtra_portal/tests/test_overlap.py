"""The one non-overlap rule of dated entries (wards.records.refuse_overlap), as each flow model applies
it: TTHC case volumes, indicator values and spending. The apps' own tests check their services on top."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from assets.models import Spending, SpendingKind
from assets.tests.factories import SpendingFactory
from indicators.models import Indicator, IndicatorValue
from procedures.models import ProcedureField
from procedures.tests.factories import CaseVolumeFactory, ProcedureFieldFactory
from wards.models import Ward

pytestmark = pytest.mark.django_db


def case_volume(ward: Ward, start: date, end: date, item: object = None) -> models.Model:
    field = item or ProcedureField.objects.get_or_create(name="Chứng thực")[0]
    return CaseVolumeFactory.build(ward=ward, field=field, start=start, end=end)


def indicator_value(ward: Ward, start: date, end: date, item: object = None) -> models.Model:
    indicator = item or Indicator.objects.get(code="docs.plans")
    return IndicatorValue(ward=ward, indicator=indicator, start=start, end=end, value=Decimal(1))


def spending(ward: Ward, start: date, end: date, item: object = None) -> models.Model:
    return SpendingFactory.build(ward=ward, kind=item or SpendingKind.RECURRENT, start=start, end=end)


def other_item(build: Callable[..., models.Model]) -> object:
    if build is case_volume:
        return ProcedureFieldFactory()
    if build is indicator_value:
        return Indicator.objects.get(code="docs.decisions")
    return SpendingKind.DEVELOPMENT


@pytest.mark.parametrize("build", [case_volume, indicator_value, spending], ids=["tthc", "indicator", "spending"])
def test_entries_of_one_ward_and_item_must_not_overlap(build, ward, other_ward) -> None:
    stored = build(ward, date(2025, 8, 18), date(2025, 8, 23))
    stored.save()
    clash = build(ward, date(2025, 8, 23), date(2025, 8, 30))
    with pytest.raises(ValidationError) as raised:
        clash.full_clean()
    assert "18/08/2025 - 23/08/2025" in raised.value.message_dict["start"][0]
    # The next day, another ward, another item and the entry itself are fine.
    build(ward, date(2025, 8, 24), date(2025, 8, 30)).full_clean()
    build(other_ward, date(2025, 8, 18), date(2025, 8, 23)).full_clean()
    build(ward, date(2025, 8, 18), date(2025, 8, 23), other_item(build)).full_clean()
    stored.full_clean()
    assert type(stored).objects.count() == 1


def test_an_impossible_period_is_left_to_its_own_message(ward) -> None:
    SpendingFactory(ward=ward, start=date(2025, 7, 1), end=date(2025, 7, 31))
    backwards = Spending(ward=ward, kind=SpendingKind.RECURRENT, start=date(2025, 7, 20), end=date(2025, 7, 10))
    with pytest.raises(ValidationError) as raised:
        backwards.full_clean(exclude=["amount"])
    assert list(raised.value.message_dict) == ["end"]
