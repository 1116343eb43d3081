from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from wards.fields import VietnameseDecimalField
from wards.formatting import (
    person_name,
    vi_area,
    vi_date,
    vi_decimal,
    vi_long_date,
    vi_money,
    vi_number,
    vi_percent,
)


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


def test_figures_with_a_fraction_lose_their_useless_zeros() -> None:
    assert vi_decimal(Decimal("898.00")) == "898"
    assert vi_decimal(Decimal("4.50")) == "4,5"
    assert vi_decimal(Decimal("1234.25")) == "1.234,25"
    assert vi_decimal(None) == "—"
    assert Template("{% load vn %}{{ v|vi_decimal }}").render(Context({"v": Decimal("4.00")})) == "4"


def test_person_names_in_vietnamese_order() -> None:
    user = SimpleNamespace(first_name="Mai", last_name="Xuân Văn", get_username=lambda: "kimtra.chutich")
    assert person_name(user) == "Xuân Văn Mai"
    assert Template("{% load people %}{{ u|person_name }}").render(Context({"u": user})) == "Xuân Văn Mai"
    nameless = SimpleNamespace(first_name="", last_name="", get_username=lambda: "kimtra.canbo")
    assert person_name(nameless) == "kimtra.canbo"
    assert person_name(None) == ""


@pytest.mark.parametrize(
    ("typed", "value"), [("4,5", Decimal("4.5")), ("1.234,5", Decimal("1234.5")), ("898", Decimal(898)), ("", None)]
)
def test_decimal_field_takes_the_vietnamese_format(typed: str, value: Decimal | None) -> None:
    field = VietnameseDecimalField(required=False, min_value=Decimal(0), max_value=Decimal(100_000))
    assert field.clean(typed) == value


def test_decimal_field_shows_the_vietnamese_format_and_our_messages() -> None:
    field = VietnameseDecimalField(required=False, min_value=Decimal(0), max_value=Decimal(100))
    assert field.prepare_value(Decimal("898.00")) == "898"
    assert field.prepare_value(Decimal("4.50")) == "4,5"
    with pytest.raises(ValidationError) as negative:
        field.clean("-1")
    assert negative.value.messages == ["Số liệu không được âm."]
    with pytest.raises(ValidationError) as large:
        field.clean("101")
    assert large.value.messages == ["Tối đa 100: vui lòng kiểm tra lại số chữ số."]
    with pytest.raises(ValidationError) as text:
        field.clean("4.5.6")
    assert text.value.messages == ["Vui lòng nhập số, chỉ gồm chữ số."]
