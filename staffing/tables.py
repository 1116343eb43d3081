"""The sortable, paged list of job positions (django-tables2)."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from wards.tables import NumberColumn, Table

from .models import JobPosition


class PositionTable(Table):
    unit = tables.Column(verbose_name=_("Unit"), default=_("Shared by the agencies"))
    name = tables.Column(verbose_name=_("Position"))
    category = tables.Column(verbose_name=_("Category"))
    quota = NumberColumn(verbose_name=_("Quota"))
    filled = tables.TemplateColumn(
        verbose_name=_("Filled"),
        template_name="staffing/_position_filled.html",
        attrs={"th": {"class": "text-end"}, "td": {"class": "text-end text-nowrap"}},
    )
    shortage = NumberColumn(verbose_name=_("Short"))

    class Meta(Table.Meta):
        empty_text = _("No positions recorded.")
        attrs = {**Table.Meta.attrs, "id": "vacancy-table"}
        row_attrs = {"class": lambda record: "table-warning" if record.shortage else ""}

    def order_unit(self, queryset: QuerySet[JobPosition], is_descending: bool) -> tuple[QuerySet[JobPosition], bool]:
        # By the units' order, not their names; shared positions last either way.
        order = F("unit__order").desc(nulls_last=True) if is_descending else F("unit__order").asc(nulls_last=True)
        return queryset.order_by(order, "category", "order", "name"), True
