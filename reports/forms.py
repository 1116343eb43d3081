from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Indicator, IndicatorKind, Report, ReportSection, ReportTemplate


class IndicatorValuesForm(forms.Form):
    """One field per indicator of the catalogue, grouped as the catalogue says."""

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups: dict[str, list[str]] = {}
        for indicator in indicators:
            help_text = _("at the end date") if indicator.kind == IndicatorKind.STOCK else _("over the period")
            self.fields[indicator.code] = forms.DecimalField(
                label=f"{indicator.name} ({indicator.unit})",
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100) if indicator.is_percent else Decimal(10**9),
                decimal_places=2,
                help_text=help_text,
            )
            self.groups.setdefault(indicator.group, []).append(indicator.code)

    def grouped(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(group, [self[code] for code in codes]) for group, codes in self.groups.items()]


class ReportCreateForm(forms.Form):
    template = forms.ModelChoiceField(ReportTemplate.objects.all(), label=_("Template"))
    start = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end date is before the start date."))
        return data


class ReportSectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = ["heading", "body", "footnotes"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8, "data-prose": "1", "class": "section-body"}),
            "footnotes": forms.Textarea(attrs={"rows": 2}),
        }


class ReportHeaderForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["summary", "addressees", "recipients", "number", "issued_on"]
        widgets = {
            "addressees": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
