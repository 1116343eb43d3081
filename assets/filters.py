"""The query-string filters of the assets lists (django-filter), applied in selectors.py."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Facility, FacilityUse, Handling, Spending, SpendingKind

LEGAL_FILTERS = {
    "surveyed": Q(surveyed=True),
    "not_surveyed": Q(surveyed=False),
    "cadastral": Q(cadastral_record=True),
    "no_cadastral": Q(cadastral_record=False),
}


class FacilityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    use = django_filters.ChoiceFilter(label=_("Use"), choices=FacilityUse.choices, empty_label=_("All uses"))
    legal = django_filters.ChoiceFilter(
        label=_("Legal status"),
        method="legal_status",
        empty_label=_("Any legal status"),
        choices=[
            ("surveyed", _("Surveyed")),
            ("not_surveyed", _("Not surveyed")),
            ("cadastral", _("With cadastral record")),
            ("no_cadastral", _("Without cadastral record")),
        ],
    )
    handling = django_filters.ChoiceFilter(label=_("Handling"), choices=Handling.choices, empty_label=_("Any handling"))

    class Meta:
        model = Facility
        fields = ["q", "use", "legal", "handling"]

    def search(self, queryset: QuerySet[Facility], name: str, value: str) -> QuerySet[Facility]:
        return queryset.filter(Q(name__icontains=value) | Q(address__icontains=value) | Q(user_name__icontains=value))

    def legal_status(self, queryset: QuerySet[Facility], name: str, value: str) -> QuerySet[Facility]:
        return queryset.filter(LEGAL_FILTERS[value])


class SpendingFilter(django_filters.FilterSet):
    # Not "kind": the period picker's ?kind= (week, month, quarter) shares the query string.
    spending = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=SpendingKind.choices, empty_label=_("All kinds")
    )
    notes = django_filters.CharFilter(label=_("Notes"), lookup_expr="icontains")

    class Meta:
        model = Spending
        fields = ["spending", "notes"]
