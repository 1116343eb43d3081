"""The shared list and chart helpers: Vietnamese figures in columns and on axes, the query string
carried by a filter form, and a chart that WeasyPrint draws into a PDF."""

from __future__ import annotations

import io
from decimal import Decimal

import pygal
from django import forms
from django.test import RequestFactory
from pypdf import PdfReader
from weasyprint import HTML

from wards.charts import as_image, config, nice_ticks
from wards.tables import AreaColumn, MoneyColumn, NumberColumn, filter_context


class SearchForm(forms.Form):
    q = forms.CharField(required=False)


def test_columns_print_vietnamese_figures() -> None:
    assert NumberColumn().render(8557) == "8.557"
    assert NumberColumn(places=1).render(Decimal("4.5")) == "4,5"
    assert AreaColumn().render(178_254) == "178.254 m²"
    assert MoneyColumn().render(18_749_464_101) == "18.749.464.101 đồng"


def test_filter_form_carries_the_period_and_sort_but_not_the_page_or_its_own_fields() -> None:
    request = RequestFactory().get(
        "/", {"start": "2025-08-18", "end": "2025-08-23", "sort": "-received", "page": "3", "q": "old"}
    )
    context = filter_context(request, SearchForm())
    assert context["keep"] == [("start", "2025-08-18"), ("end", "2025-08-23"), ("sort", "-received")]


def test_ticks_are_round_so_a_percent_scale_falls_on_twenties() -> None:
    assert nice_ticks(8_557) == [0, 2_000, 4_000, 6_000, 8_000, 10_000]
    assert nice_ticks(315) == [0, 100, 200, 300, 400, 500]
    assert nice_ticks(0) == [0, 1, 2, 3, 4, 5]


def test_a_chart_goes_into_a_pdf_with_vietnamese_numbers() -> None:
    chart = pygal.Bar(**config(y_labels=nice_ticks(8_557), range=(0, 10_000)))
    chart.x_labels = ["Hộ tịch", "Chứng thực"]
    chart.add("Tiếp nhận", [8_557, 239])
    image = as_image(chart, "Hồ sơ")
    pdf = HTML(string=f'<img src="{image.src}" alt="{image.title}">').write_pdf()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "10.000" in text and "Chứng thực" in text and "Tiếp nhận" in text
