"""The sortable, paged lists of the assets pages (django-tables2)."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wards import formatting
from wards.tables import NUMBER_ATTRS, AreaColumn, DateColumn, MoneyColumn, Table


class FacilityTable(Table):
    """`listed`: the land and floor sums of every facility the filters keep, not only of this page."""

    number = tables.Column(verbose_name=_("No."), empty_values=(), orderable=False)
    name = tables.TemplateColumn(
        verbose_name=_("Facility"),
        template_name="assets/_facility_name.html",
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
    legal = tables.TemplateColumn(
        verbose_name=_("Legal status"),
        template_name="assets/_facility_legal.html",
        order_by=("surveyed", "cadastral_record"),
        attrs={"td": {"class": "small"}},
        footer=lambda table: (
            _("land and floor: %(total)s") % {"total": formatting.vi_area(table.listed["land"] + table.listed["floor"])}
        ),
    )
    handling = tables.TemplateColumn(
        verbose_name=_("Handling"), template_name="assets/_facility_handling.html", attrs={"td": {"class": "small"}}
    )

    class Meta(Table.Meta):
        empty_text = _("No facility matches.")
        attrs = {**Table.Meta.attrs, "id": "register-table"}

    def __init__(self, data: Any, *, listed: dict[str, int], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.listed = listed

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
