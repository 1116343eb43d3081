"""Writes of indicator values. Each function validates fully and runs in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from wards.locks import assert_unlocked
from wards.models import Ward
from wards.periods import DateRange
from wards.records import record_upsert
from wards.stale import assert_fresh

from .models import Indicator, IndicatorKind, IndicatorValue


def period_values(ward: Ward, period: DateRange) -> QuerySet[IndicatorValue]:
    """The stored values the form of `period` edits: flows over exactly the period, stocks at its end."""
    return IndicatorValue.objects.filter(
        Q(start=period.start, indicator__kind=IndicatorKind.FLOW)
        | Q(start=period.end, indicator__kind=IndicatorKind.STOCK),
        ward=ward,
        end=period.end,
    )


@transaction.atomic
def indicator_values_save(
    *, ward: Ward, period: DateRange, values: Mapping[str, Decimal | None], version: str | None = None
) -> int:
    """Store the form of one period: flows over the period, stocks at its end; an empty value removes
    the entry. All or nothing: the first invalid value raises and nothing is kept. Raises StaleEdit
    when the period's values changed after `version` (the page's) was read."""
    # The ward's row lock first: two saves of overlapping flows wait for each other, so the overlap
    # check of the second sees the first's rows.
    assert_unlocked(ward, period)
    assert_fresh(version, period_values(ward, period), fields=("value",), label=lambda row: str(row.indicator))
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
