from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template

from wards.formatting import vi_area, vi_date, vi_long_date, vi_money, vi_number, vi_percent


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [(8557, 0, "8.557"), (315, 0, "315"), (Decimal("42.8"), 2, "42,80"), (-1234.5, 1, "-1.234,5"), (0, 0, "0")],
)
def test_numbers(value, places: int, text: str) -> None:
    assert vi_number(value, places) == text


def test_percent_money_area_dates() -> None:
    assert vi_percent(Decimal(8258) * 100 / Decimal(8260)) == "99,97%"  # the seed's figure
    assert vi_percent(Decimal("99.999")) == "99,99%"
    assert vi_percent(Decimal("99.97")) == "99,97%"
    assert vi_percent(100) == "100%"
    assert vi_percent(Decimal("97.5")) == "97,5%"
    assert vi_percent(None) == "—"
    assert vi_money(18_749_464_101) == "18.749.464.101 đồng"
    assert vi_area(178_254) == "178.254 m²"
    assert vi_date(date(2025, 7, 1)) == "01/07/2025"
    assert vi_long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vi_long_date(date(2025, 8, 23)) == "ngày 23 tháng 8 năm 2025"
    assert vi_long_date(date(2025, 12, 1)) == "ngày 01 tháng 12 năm 2025"


def test_filters_ignore_the_ui_language(settings) -> None:
    from django.utils import translation

    with translation.override("en"):
        assert (
            Template("{% load vn %}{{ r|vi_percent }} {{ m|vi_money }}").render(
                Context({"r": Decimal("97.78"), "m": 839_790_000})
            )
            == "97,78% 839.790.000 đồng"
        )
