"""Reads of indicator values: flows summed over a range, stocks as the latest snapshot inside it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from wards.models import Ward
from wards.periods import DateRange

from .models import Indicator, IndicatorKind, IndicatorValue


def indicator_catalogue() -> list[Indicator]:
    return list(Indicator.objects.all())


def indicator_figures(ward: Ward, period: DateRange, codes: Iterable[str] | None = None) -> dict[str, Decimal | None]:
    """code → value over `period`; None when nothing was entered (shown as missing, not as 0).
    Flows count the entries lying inside the range; stocks take the latest snapshot in it. `codes`: the
    catalogue's codes when the caller has read it already."""
    inside = IndicatorValue.objects.filter(ward=ward, start__gte=period.start, end__lte=period.end)
    flows = dict(
        inside.filter(indicator__kind=IndicatorKind.FLOW)
        .values("indicator__code")
        .annotate(total=Sum("value"))
        .values_list("indicator__code", "total")
    )
    stocks: dict[str, Decimal] = {}
    for code, value in (
        inside.filter(indicator__kind=IndicatorKind.STOCK)
        .order_by("indicator__code", "end")
        .values_list("indicator__code", "value")
    ):
        stocks[code] = value
    if codes is None:
        codes = Indicator.objects.values_list("code", flat=True)
    return {code: flows.get(code, stocks.get(code)) for code in codes}


def indicator_values_at(ward: Ward, period: DateRange) -> dict[str, Decimal]:
    """The values entered for exactly this period (flows) or at its end (stocks): what the form edits."""
    rows = IndicatorValue.objects.filter(ward=ward).select_related("indicator")
    result: dict[str, Decimal] = {}
    for row in rows.filter(start=period.start, end=period.end, indicator__kind=IndicatorKind.FLOW):
        result[row.indicator.code] = row.value
    for row in rows.filter(start=period.end, end=period.end, indicator__kind=IndicatorKind.STOCK):
        result[row.indicator.code] = row.value
    return result


def latest_period(ward: Ward) -> DateRange | date | None:
    """The newest period entered: a flow's exact range (the form edits exactly that period), else the
    date of the newest snapshot."""
    values = IndicatorValue.objects.filter(ward=ward)
    flow = values.filter(indicator__kind=IndicatorKind.FLOW).order_by("-end", "-start").values_list("start", "end")
    latest_flow = flow.first()
    if latest_flow:
        return DateRange(*latest_flow)
    return values.order_by("-end").values_list("end", flat=True).first()
