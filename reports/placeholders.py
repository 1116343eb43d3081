"""The placeholder catalogue: each domain registers a provider that declares its keys and computes
their values for a ward and a date range; report text says [[tthc.received]] and never a typed number.

Registering a provider (in `reports/providers/<domain>.py`, imported by `reports/providers/__init__.py`):

    from reports.placeholders import Kind, PlaceholderKey, register

    KEYS = [PlaceholderKey("tthc.received", "Tổng số hồ sơ tiếp nhận", Kind.NUMBER), ...]

    def values(ward: Ward, period: DateRange) -> dict[str, object]:
        figures = figures_for(ward, period.start, period.end)
        return {"tthc.received": figures.received, ...}

    register("tthc", keys=KEYS, values=values)

Values are raw (int, Decimal, date, str); the catalogue formats them the Vietnamese way by kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils.html import escape

from wards.formatting import vi_area, vi_body_date, vi_money, vi_number, vi_percent
from wards.models import Ward
from wards.periods import DateRange

PLACEHOLDER = re.compile(r"\[\[\s*([^\]\s]+)\s*\]\]")
FOOTNOTE_CALL = re.compile(r"\^(\d+)")
MISSING = "…"


class Kind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    AREA = "area"
    DATE = "date"
    TEXT = "text"


@dataclass(frozen=True)
class PlaceholderKey:
    key: str
    description: str
    kind: Kind


Values = Callable[[Ward, DateRange], Mapping[str, object]]


@dataclass(frozen=True)
class Provider:
    name: str
    entries: Callable[[], Iterable[PlaceholderKey]]
    values: Values


class PlaceholderError(ValueError):
    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = sorted(set(keys))
        super().__init__("Unknown placeholders: " + ", ".join(self.keys))


_providers: dict[str, Provider] = {}


def register(
    name: str, *, keys: Iterable[PlaceholderKey] | Callable[[], Iterable[PlaceholderKey]], values: Values
) -> None:
    """Add or replace the provider `name`; `keys` may be a callable when the keys come from data
    (the indicator catalogue), so that keys added in the admin are known without a restart."""
    key_source = keys if callable(keys) else (lambda fixed=tuple(keys): fixed)
    _providers[name] = Provider(name=name, entries=key_source, values=values)


def unregister(name: str) -> None:
    _providers.pop(name, None)


def catalogue() -> dict[str, PlaceholderKey]:
    return {entry.key: entry for provider in _providers.values() for entry in provider.entries()}


def format_value(kind: Kind, value: object) -> str:
    if value is None:
        return MISSING
    if kind == Kind.TEXT:
        return str(value)
    if kind == Kind.DATE:
        if not isinstance(value, date):
            raise TypeError(f"a date placeholder needs a date, got {value!r}")
        return vi_body_date(value)
    number = value if isinstance(value, int | Decimal | float) else Decimal(str(value))
    if kind == Kind.PERCENT:
        return vi_percent(number)
    if kind == Kind.MONEY:
        return vi_money(number)
    if kind == Kind.AREA:
        return vi_area(number)
    if number == int(number):
        # Administrative texts write counts below ten with two digits: 08 hội nghị, 02 Phó Chủ tịch; but
        # zero stays "0" ("00 cơ sở" reads as a typing slip).
        text = vi_number(int(number))
        return text.zfill(2) if 0 < number < 10 else text
    return vi_number(number, 2)


def keys_in(text: str) -> set[str]:
    return {m for m in PLACEHOLDER.findall(text) if not FOOTNOTE_CALL.fullmatch(m)}


def unknown_keys(*texts: str) -> list[str]:
    known = catalogue()
    return sorted({key for text in texts for key in keys_in(text)} - known.keys())


def resolve(ward: Ward, period: DateRange, overrides: Mapping[str, object] | None = None) -> dict[str, str]:
    """Every key of the catalogue, formatted, for `ward` over `period`; `overrides` replace raw values
    (the report's own number and date)."""
    entries = catalogue()
    raw: dict[str, object] = {}
    for provider in _providers.values():
        raw.update(provider.values(ward, period))
    raw.update(overrides or {})
    return {key: format_value(entry.kind, raw.get(key)) for key, entry in entries.items()}


def fill(html: str, values: Mapping[str, str]) -> str:
    """Replace the placeholders of `html` (footnote calls stay); an unknown key raises, never a blank."""
    unknown = keys_in(html) - values.keys()
    if unknown:
        raise PlaceholderError(unknown)

    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        return match.group(0) if FOOTNOTE_CALL.fullmatch(key) else escape(values[key])

    return PLACEHOLDER.sub(substitute, html)
