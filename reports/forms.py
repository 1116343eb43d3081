from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report, ReportSection, ReportTemplate


class ReportCreateForm(forms.Form):
    """The template of a new report; its period comes from the page's period picker."""

    template = forms.ModelChoiceField(ReportTemplate.objects.all(), label=_("Template"))


class _MarkedInvalid(forms.BoundField):
    """Bootstrap marks a field in error on the field itself, as crispy does; errors come from cleaning and
    from the save service alike."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:  # the widget's own classes are replaced by these, so they are carried over
            own = (widget or self.field.widget).attrs.get("class", "")
            attrs["class"] = " ".join(f"{own} {attrs.get('class', '')} is-invalid".split())
        return attrs


class ReportSectionForm(forms.ModelForm):
    """Shown through reports/_section_fields.html, not crispy (see there)."""

    bound_field_class = _MarkedInvalid

    class Meta:
        model = ReportSection
        fields = ["heading", "body", "footnotes"]
        help_texts = {
            "body": _(
                "The text of the section. Figures are inserted from the list of figures and filled in from the tables."
            )
        }
        widgets = {
            "heading": forms.TextInput(attrs={"class": "textinput form-control"}),
            "body": forms.Textarea(attrs={"rows": 8, "data-prose": "1", "class": "section-body textarea form-control"}),
            "footnotes": forms.Textarea(attrs={"rows": 2, "class": "textarea form-control"}),
        }


class ReportHeaderForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["summary", "addressees", "recipients", "drafter_initials"]
        widgets = {"addressees": forms.Textarea(attrs={"rows": 2}), "recipients": forms.Textarea(attrs={"rows": 4})}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SignedUploadForm(forms.Form):
    file = forms.FileField(label=_("Signed PDF"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))
