"""Vietnamese number and date formatting that does not depend on the active UI language: report
text is Vietnamese even when a user browses in English (8.557; 99,97%; 18.749.464.101 đồng)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

Number = int | Decimal | float


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def vi_number(value: Number, places: int = 0, rounding: str = ROUND_HALF_UP) -> str:
    """8557 → "8.557"; vi_number(42.8, 2) → "42,80"; rounding half up as people do by hand."""
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=rounding)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _group(whole)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def vi_decimal(value: Number | None, places: int = 2) -> str:
    """A figure that may have a fraction, without the zeros a reader would misread: 898.00 → "898",
    4.50 → "4,5" (never "4.00", which a Vietnamese reader takes for four thousand)."""
    if value is None or value == "":
        return "—"
    text = vi_number(value, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def vi_percent(value: Number | None, places: int = 2) -> str:
    """A rate given in percent, cut (not rounded) to `places`: 8.258/8.260 = 99,9758 → "99,97%", as the
    seeds and the city's TTHC system print it, so that a rate never shows 100% before it is. Trailing
    zeros go (100 → "100%", 97.5 → "97,5%")."""
    if value is None:
        return "—"
    text = vi_number(value, places, rounding=ROUND_DOWN)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def vi_money(value: Number) -> str:
    return f"{vi_number(value)} đồng"


def vi_area(value: Number, places: int = 0) -> str:
    return f"{vi_number(value, places)} m²"


def vi_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def vi_body_date(value: date) -> str:
    """A date in the body of a report, as the seeds write it: the date-line rule of Nghị định 30 applied to
    numbers, so two-digit days and a leading zero only for months 1-2 ("18/8/2025", "01/7/2025", "01/01/2026")."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


def vi_long_date(value: date) -> str:
    """The date line of an official document: leading zero for days below 10 and months 1-2
    (Nghị định 30/2020/NĐ-CP): "ngày 05 tháng 02 năm 2026", "ngày 23 tháng 8 năm 2025"."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def person_name(user: Any) -> str:
    """A person in Vietnamese order, family and middle names first ("Hồ Lê Hoàng Thịnh"), wherever a name
    is shown: Django's get_full_name() puts the given name first ("Thịnh Hồ Lê Hoàng")."""
    if user is None:
        return ""
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.get_username()
