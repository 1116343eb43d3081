"""The sortable, paged reports list (django-tables2); reports/tables.py is the figure tables of sections."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from wards.tables import DateColumn, Table


class ReportTable(Table):
    template = tables.TemplateColumn(
        verbose_name=_("Report"), template_name="reports/_list_title.html", order_by=("template__name", "-start")
    )
    start = DateColumn(verbose_name=_("From"))
    end = DateColumn(verbose_name=_("To"))
    # _state.html names its report `report`; a table cell names it `record`.
    state = tables.TemplateColumn(
        verbose_name=_("State"), template_code='{% include "reports/_state.html" with report=record %}'
    )
    number = tables.Column(
        verbose_name=_("Number"), accessor="document_number", order_by=("number_year", "number"), default="—"
    )
    issued_on = DateColumn(verbose_name=_("Date of issue"), default="—")
    latest_pdf = tables.TemplateColumn(
        verbose_name="", template_name="reports/_list_pdf.html", orderable=False, attrs={"td": {"class": "text-end"}}
    )

    class Meta(Table.Meta):
        empty_text = _("No reports yet.")
        attrs = {**Table.Meta.attrs, "id": "report-table"}
