from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report, ReportSection, ReportTemplate


class ReportCreateForm(forms.Form):
    """The template of a new report; its period comes from the page's period picker."""

    template = forms.ModelChoiceField(ReportTemplate.objects.all(), label=_("Template"))


class ReportSectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = ["heading", "body", "footnotes"]
        help_texts = {
            "body": _(
                "The text of the section. Figures are inserted from the list of figures and filled in from the tables."
            )
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8, "data-prose": "1", "class": "section-body"}),
            "footnotes": forms.Textarea(attrs={"rows": 2}),
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
