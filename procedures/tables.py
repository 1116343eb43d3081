"""The sortable, paged list of TTHC entries by period (django-tables2)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from wards.tables import NumberColumn, Table


class EntryPeriodTable(Table):
    period = tables.TemplateColumn(
        verbose_name=_("Period"), template_name="procedures/_entry_period.html", order_by=("start", "end")
    )
    fields = NumberColumn(verbose_name=_("Fields"))
    received = NumberColumn(verbose_name=_("Received"))
    resolved = NumberColumn(verbose_name=_("Resolved"))
    links = tables.TemplateColumn(
        verbose_name="",
        template_name="procedures/_entry_links.html",
        orderable=False,
        attrs={"td": {"class": "text-end text-nowrap"}},
    )

    class Meta(Table.Meta):
        empty_text = _("No entries in this range.")
        attrs = {**Table.Meta.attrs, "id": "entries-table"}
