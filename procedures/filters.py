"""The query-string filters of the TTHC lists (django-filter), applied in selectors.py."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from wards.tables import yes_no_select

from .models import CaseVolume, ProcedureField


class EntryFilter(django_filters.FilterSet):
    field = django_filters.ModelChoiceFilter(
        label=_("Field"), queryset=ProcedureField.objects.all(), empty_label=_("All fields")
    )
    is_demo = django_filters.BooleanFilter(label=_("Demo data"), widget=yes_no_select())

    class Meta:
        model = CaseVolume
        fields = ["field", "is_demo"]
