"""Forms of the TTHC pages: the week table (one row form per field), the Excel upload, the catalogue."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .excel import MAX_UPLOAD_BYTES
from .models import COUNT_FIELDS, MAX_COUNT, CaseVolume, ProcedureCatalogue, ProcedureField


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date is before the start date."))
        return data


class WeekRowForm(forms.Form):
    """The counts of one field; a row left entirely blank is not saved."""

    field = forms.ModelChoiceField(queryset=ProcedureField.objects.all(), widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in COUNT_FIELDS:
            self.fields[name] = forms.IntegerField(
                label=CaseVolume._meta.get_field(name).verbose_name,
                required=False,
                min_value=0,
                max_value=MAX_COUNT,
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm count", "data-count": name}),
            )

    def counts(self) -> dict[str, int] | None:
        values = {name: self.cleaned_data.get(name) for name in COUNT_FIELDS}
        if all(value is None for value in values.values()):
            return None
        return {name: value or 0 for name, value in values.items()}


WeekFormSet = forms.formset_factory(WeekRowForm, extra=0)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Filled entry sheet (.xlsx)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the .xlsx sheet downloaded from this page, not another file type."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB; the entry sheet is much smaller."))
        return upload


class CatalogueForm(forms.ModelForm):
    class Meta:
        model = ProcedureCatalogue
        fields = ["as_of", "procedures", "fully_online", "partly_online", "boundary_free_cases"]
        widgets = {"as_of": forms.DateInput(attrs={"type": "date"})}
