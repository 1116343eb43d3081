"""The sortable, paged lists of the assets pages (django-tables2)."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wards import formatting
from wards.tables import NUMBER_ATTRS, AreaColumn, DateColumn, MoneyColumn, Table

from .models import Facility


class FacilityTable(Table):
    """`listed`: the land and floor sums of every facility the filters keep, not only of this page."""

    number = tables.Column(verbose_name=_("No."), empty_values=(), orderable=False)
    # The three text columns are rendered here, not by TemplateColumn: a template per cell, each given
    # the page's whole context flattened, was a quarter of the register's time (bench/pages.py).
    name = tables.Column(
        verbose_name=_("Facility"),
        empty_values=(),
        order_by=("name",),
        footer=lambda table: (
            ngettext(
                "Total of the %(count)s facility listed",
                "Total of the %(count)s facilities listed",
                table.listed["count"],
            )
            % {"count": formatting.vi_number(table.listed["count"])}
        ),
    )
    use = tables.Column(verbose_name=_("Use"), order_by=("use_rank", "name"))
    user_name = tables.Column(verbose_name=_("Used by"))
    land_m2 = AreaColumn(
        verbose_name=_("Land"),
        footer=lambda table: formatting.vi_area(table.listed["land"]),
        attrs={**NUMBER_ATTRS, "tf": {"class": "text-end text-nowrap", "id": "listed-land"}},
    )
    floor_m2 = AreaColumn(
        verbose_name=_("Floor"),
        footer=lambda table: formatting.vi_area(table.listed["floor"]),
        attrs={**NUMBER_ATTRS, "tf": {"class": "text-end text-nowrap", "id": "listed-floor"}},
    )
    legal = tables.Column(
        verbose_name=_("Legal status"),
        empty_values=(),
        order_by=("surveyed", "cadastral_record"),
        attrs={"td": {"class": "small"}},
        footer=lambda table: (
            _("land and floor: %(total)s") % {"total": formatting.vi_area(table.listed["land"] + table.listed["floor"])}
        ),
    )
    handling = tables.Column(verbose_name=_("Handling"), empty_values=(), attrs={"td": {"class": "small"}})

    class Meta(Table.Meta):
        empty_text = _("No facility matches.")
        attrs = {**Table.Meta.attrs, "id": "register-table"}

    def __init__(self, data: Any, *, listed: dict[str, int], edit_ward: str | None = None, **kwargs: Any) -> None:
        """`edit_ward`: the ward's slug when the reader may edit, so that each name links to its form."""
        super().__init__(data, **kwargs)
        self.listed = listed
        self.edit_ward = edit_ward

    def render_name(self, record: Facility) -> str:
        name = record.name
        if self.edit_ward:
            url = reverse("assets:facility_edit", kwargs={"ward": self.edit_ward, "pk": record.pk})
            name = format_html('<a href="{}">{}</a>', url, record.name)
        if record.address:
            return format_html('{}\n<div class="small text-muted">{}</div>', name, record.address)
        return conditional_escape(name)

    def render_legal(self, record: Facility) -> str:
        def fact(held: bool, yes: str, no: str) -> str:
            return conditional_escape(yes) if held else format_html('<span class="text-danger">{}</span>', no)

        return format_html(
            "{};\n{}",
            fact(record.surveyed, _("surveyed"), _("not surveyed")),
            fact(record.cadastral_record, _("cadastral record"), _("no cadastral record")),
        )

    def render_handling(self, record: Facility) -> str:
        shown = record.get_handling_display()
        if record.handling_plan:
            return format_html('{}<div class="text-muted">{}</div>', shown, record.handling_plan)
        return conditional_escape(shown)

    def render_number(self, bound_row: tables.rows.BoundRow) -> int:
        # Numbered in the order shown, on from one page to the next.
        first = self.page.start_index() if getattr(self, "page", None) else 1
        return first + bound_row.row_counter


class SpendingTable(Table):
    start = DateColumn(verbose_name=_("From"))
    end = DateColumn(verbose_name=_("To"))
    kind = tables.Column(verbose_name=_("Kind"))
    amount = MoneyColumn(verbose_name=_("Amount"))
    notes = tables.Column(verbose_name=_("Notes"), attrs={"td": {"class": "small"}})
    edit = tables.TemplateColumn(
        verbose_name="",
        template_name="assets/_spending_edit.html",
        orderable=False,
        attrs={"td": {"class": "text-end"}},
    )

    class Meta(Table.Meta):
        empty_text = _("No spending entered for this range.")
        attrs = {**Table.Meta.attrs, "id": "spending-table"}
