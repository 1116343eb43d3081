"""The query-string filters of the reports list (django-filter), applied in selectors.py."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Report, ReportState, ReportTemplate


class ReportFilter(django_filters.FilterSet):
    template = django_filters.ModelChoiceFilter(
        label=_("Report"), queryset=ReportTemplate.objects.all(), empty_label=_("All reports")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="start", lookup_expr="year")
    state = django_filters.ChoiceFilter(label=_("State"), choices=ReportState.choices, empty_label=_("All states"))
    number = django_filters.NumberFilter(label=_("Number"))

    class Meta:
        model = Report
        fields = ["template", "year", "state", "number"]
