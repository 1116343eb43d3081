"""Writes of indicator values. Each function validates fully and runs in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from wards.locks import assert_unlocked
from wards.models import Ward
from wards.periods import DateRange
from wards.records import record_upsert

from .models import Indicator, IndicatorKind, IndicatorValue


@transaction.atomic
def indicator_values_save(*, ward: Ward, period: DateRange, values: Mapping[str, Decimal | None]) -> int:
    """Store the form of one period: flows over the period, stocks at its end; an empty value removes
    the entry. All or nothing: the first invalid value raises and nothing is kept."""
    assert_unlocked(ward, period)
    saved = 0
    errors: dict[str, list[str]] = {}
    for indicator in Indicator.objects.filter(code__in=values.keys()):
        start = period.end if indicator.kind == IndicatorKind.STOCK else period.start
        lookup = {"ward": ward, "indicator": indicator, "start": start, "end": period.end}
        value = values[indicator.code]
        if value is None:
            IndicatorValue.objects.filter(**lookup).delete()
            continue
        try:
            record_upsert(IndicatorValue, lookup=lookup, values={"value": value})
        except ValidationError as error:
            errors[indicator.code] = error.messages
            continue
        saved += 1
    if errors:
        raise ValidationError(errors)
    return saved
