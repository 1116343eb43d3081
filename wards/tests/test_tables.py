"""The shared list and chart helpers: Vietnamese figures in columns and on axes, the query string
carried by a filter form, and a chart that WeasyPrint draws into a PDF."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import django_tables2 as tables
import pygal
from django import forms
from django.test import RequestFactory
from pypdf import PdfReader
from weasyprint import HTML

from wards.charts import as_image, config, nice_ticks
from wards.tables import AreaColumn, MoneyColumn, NumberColumn, Table, filter_context


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


class _Sample(Table):
    name = tables.Column()
    amount = NumberColumn(
        attrs={"td": {"class": "text-end", "data-sign": lambda record: "-" if record["amount"] < 0 else "+"}}
    )
    count = tables.Column(localize=False)
    share = tables.Column(localize=True)
    households = tables.Column()

    class Meta(Table.Meta):
        row_attrs = {"class": lambda record: "table-warning" if record["amount"] < 0 else ""}


def _tbody(table: tables.Table, template: str) -> str:
    table.template_name = template
    html = table.as_html(RequestFactory().get("/"))
    body = re.search(r"<tbody[^>]*>(.*)</tbody>", html, re.DOTALL)
    assert body is not None
    return re.sub(r"\s+", " ", body.group(1)).replace("> <", "><").strip()


def test_rows_are_written_as_the_library_writes_them() -> None:
    # Ours builds the rows in Python for speed: the same cells, escaping, localizing and per-row attributes.
    data = [
        {"name": "<b>Nhà văn hóa</b>", "amount": 8557, "count": 12345, "share": Decimal("4.5"), "households": 2430},
        {"name": "Trụ sở", "amount": -239, "count": 7, "share": Decimal("0.25"), "households": 18},
    ]
    ours = _tbody(_Sample(data), "wards/table.html")
    assert ours == _tbody(_Sample(data), "django_tables2/bootstrap5.html")
    assert "&lt;b&gt;Nhà văn hóa&lt;/b&gt;" in ours and 'data-sign="-"' in ours and "table-warning" in ours
    assert ">12345<" in ours and ">4,5<" in ours and ">8.557<" in ours and ">2.430<" in ours


def test_an_empty_table_says_so_across_its_columns() -> None:
    body = _tbody(_Sample([]), "wards/table.html")
    assert body == _tbody(_Sample([]), "django_tables2/bootstrap5.html")
    assert 'colspan="5"' in body


def test_our_table_template_writes_the_rows_through_body_rows(monkeypatch) -> None:
    # Else the equality above would hold of the library's own loop, and the speed-up be gone unseen.
    monkeypatch.setattr(_Sample, "body_rows", lambda self: "<tr><td>rows from body_rows</td></tr>")
    assert "rows from body_rows" in _tbody(
        _Sample([{"name": "x", "amount": 1, "count": 1, "share": 1}]), "wards/table.html"
    )
