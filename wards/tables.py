"""Shared pieces of the sortable, paged lists (django-tables2): columns that print figures the
Vietnamese way and one helper that reads ?sort=&page= next to the period in the query string."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django import forms
from django.http import HttpRequest
from django.template import Context
from django.template.base import render_value_in_context
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from . import formatting

PER_PAGE = 25
NUMBER_ATTRS = {"th": {"class": "text-end"}, "td": {"class": "text-end text-nowrap"}, "tf": {"class": "text-end"}}


class NumberColumn(tables.Column):
    """8.557; a decimal place count gives 4,5."""

    def __init__(self, *args: Any, places: int = 0, **kwargs: Any) -> None:
        kwargs.setdefault("attrs", NUMBER_ATTRS)
        super().__init__(*args, **kwargs)
        self.places = places

    def render(self, value: Any) -> str:
        return formatting.vi_number(value, self.places)


class AreaColumn(NumberColumn):
    def render(self, value: Any) -> str:
        return formatting.vi_area(value, self.places)


class MoneyColumn(NumberColumn):
    def render(self, value: Any) -> str:
        return formatting.vi_money(value)


class DateColumn(tables.Column):
    def render(self, value: Any) -> str:
        return formatting.vi_date(value)


class Table(tables.Table):
    """Bootstrap 5 markup with our own (translated) pager; sorting in ?sort=, paging in ?page=."""

    class Meta:
        template_name = "wards/table.html"
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("Nothing to show.")

    def body_rows(self) -> SafeString:
        """This page's <tr> rows, as the library's Bootstrap template writes them.

        Built here rather than by that template's loop: the loop resolved a dozen template variables and
        recomputed the column's attributes for every cell, half the facilities register's time at 25 rows
        (bench/pages.py). A column whose cell attributes are computed from the record still gets them per
        row.
        """
        fixed = {column.name: column.attrs["td"].as_html() for column in self.columns if not _per_row(column)}
        rows = []
        for row in self.paginated_rows:
            cells = [
                format_html(
                    "<td {}>{}</td>",
                    fixed[column.name] if column.name in fixed else column.attrs["td"].as_html(),
                    _as_cell(column.localize, cell),
                )
                for column, cell in row.items()
            ]
            rows.append(format_html("<tr {}>{}</tr>", row.attrs.as_html(), mark_safe("".join(cells))))  # noqa: S308
        return mark_safe("\n".join(rows))  # noqa: S308 (each row built by format_html)


# What `{{ cell }}` in the library's template does with a value: localized as settings say, escaped.
_CELL_CONTEXT = Context(autoescape=True)


def _as_cell(localize: bool | None, cell: Any) -> str:
    if localize is not None:  # the library's |localize and |unlocalize filters
        cell = str(formats.localize(cell, use_l10n=localize))
    return render_value_in_context(cell, _CELL_CONTEXT)


def _per_row(column: tables.columns.BoundColumn) -> bool:
    """Whether the column's cell attributes are callables of the record (django-tables2's computed attrs)."""
    attrs = {**column._table.attrs, **column.column.attrs}
    return any(callable(value) for value in attrs.get("td", attrs.get("cell", {})).values())


def yes_no_select() -> forms.Select:
    """A yes/no filter whose empty choice reads "all" rather than Django's "unknown"."""
    return forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])


def configure(request: HttpRequest, table: tables.Table, per_page: int = PER_PAGE) -> tables.Table:
    """Apply the query string's sort and page; a page past the end shows the last one."""
    tables.RequestConfig(request, paginate={"per_page": per_page, "orphans": 3}).configure(table)
    return table


def filter_context(request: HttpRequest, form: forms.Form) -> dict[str, Any]:
    """The filter form and the other query parameters (period, sort) it must carry along; the page
    number is dropped so that a narrower list starts on its first page."""
    own = set(form.fields) | {"page"}
    keep = [(name, value) for name, values in request.GET.lists() if name not in own for value in values]
    return {"filter_form": form, "keep": keep}
