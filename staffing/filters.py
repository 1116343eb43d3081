"""The query-string filters of the staffing lists (django-filter), applied in selectors.py."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wards.models import Ward
from wards.tables import yes_no_select

from .models import JobPosition, OrgUnit, PositionCategory


class PositionFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=OrgUnit.objects.none(), empty_label=_("All units")
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=PositionCategory.choices, empty_label=_("All categories")
    )
    short = django_filters.BooleanFilter(label=_("Short of staff"), method="short_of_staff", widget=yes_no_select())

    class Meta:
        model = JobPosition
        fields = ["unit", "category", "short"]

    def __init__(self, *args: Any, ward: Ward, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the ward's own units that have positions are choices (and valid values).
        units = OrgUnit.objects.filter(ward=ward, positions__isnull=False).distinct().order_by("order", "name")
        self.filters["unit"].queryset = units

    def short_of_staff(self, queryset: QuerySet[JobPosition], name: str, value: bool | None) -> QuerySet[JobPosition]:
        return queryset.filter(shortage__gt=0) if value else queryset.filter(shortage=0)
