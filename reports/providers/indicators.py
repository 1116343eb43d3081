"""The indicator catalogue as placeholders: each indicator's code is a key, flows also split at the
turn of the year (the one-year review counts documents for 2025 and for 2026 apart), and a dotted
prefix with several flows gets a total (docs.total = every docs.* flow)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from indicators.figures import indicator_catalogue, indicator_figures
from indicators.models import Indicator, IndicatorKind
from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, register

SPLITS = {
    "until_dec31": "từ đầu kỳ đến hết ngày 31/12",
    "from_jan1": "từ ngày 01/01 năm sau đến cuối kỳ",
}


def _prefix_groups(catalogue: list[Indicator]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for indicator in catalogue:
        if indicator.kind == IndicatorKind.FLOW and "." in indicator.code and not indicator.is_percent:
            groups[indicator.code.split(".", 1)[0]].append(indicator.code)
    return {prefix: codes for prefix, codes in groups.items() if len(codes) > 1}


def keys() -> list[PlaceholderKey]:
    result = []
    catalogue = indicator_catalogue()
    for indicator in catalogue:
        kind = Kind.PERCENT if indicator.is_percent else Kind.NUMBER
        result.append(PlaceholderKey(indicator.code, f"{indicator.name} ({indicator.unit})", kind))
        if indicator.kind == IndicatorKind.FLOW and not indicator.is_percent:
            for suffix, words in SPLITS.items():
                result.append(PlaceholderKey(f"{indicator.code}.{suffix}", f"{indicator.name}, {words}", kind))
    for prefix in _prefix_groups(catalogue):
        result.append(PlaceholderKey(f"{prefix}.total", f"Tổng các chỉ tiêu {prefix}.*", Kind.NUMBER))
        for suffix, words in SPLITS.items():
            result.append(
                PlaceholderKey(f"{prefix}.total.{suffix}", f"Tổng các chỉ tiêu {prefix}.*, {words}", Kind.NUMBER)
            )
    return result


def _sub_range(period: DateRange, suffix: str) -> DateRange | None:
    year_end = date(period.start.year, 12, 31)
    if suffix == "until_dec31":
        return DateRange(period.start, min(period.end, year_end))
    if period.end <= year_end:
        return None
    return DateRange(date(period.start.year + 1, 1, 1), period.end)


def _with_totals(
    figures: dict[str, Decimal | None], groups: dict[str, list[str]], suffix: str = ""
) -> dict[str, object]:
    result: dict[str, object] = {f"{code}{suffix}": value for code, value in figures.items()}
    for prefix, codes in groups.items():
        parts = [figures.get(code) for code in codes]
        known = [part for part in parts if part is not None]
        result[f"{prefix}.total{suffix}"] = sum(known, Decimal(0)) if known else None
    return result


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    catalogue = indicator_catalogue()
    codes = [indicator.code for indicator in catalogue]
    groups = _prefix_groups(catalogue)
    whole = indicator_figures(ward, period, codes)
    result = _with_totals(whole, groups)
    for suffix in SPLITS:
        sub = _sub_range(period, suffix)
        # A period inside one year is its own part up to 31/12: read once, not twice.
        figures = whole if sub == period else indicator_figures(ward, sub, codes) if sub else {}
        result.update(_with_totals(figures, groups, f".{suffix}"))
    return result


register("indicators", keys=keys, values=values)
