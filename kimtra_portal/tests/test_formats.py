from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation


def render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


def test_numbers_and_dates_the_vietnamese_way() -> None:
    with translation.override("vi"):
        assert render("{{ n }}", n=8557) == "8.557"
        assert render("{{ n }}", n=18749464101) == "18.749.464.101"
        assert render("{{ r }}", r=Decimal("99.97")) == "99,97"
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=date(2025, 7, 1)) == "01/07/2025"


def test_english_is_available() -> None:
    with translation.override("en"):
        assert render("{{ n }}", n=8557) == "8,557"
