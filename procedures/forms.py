"""Forms of the TTHC pages: the week table (one row form per field), the catalogue."""

from __future__ import annotations

from typing import Any

from django import forms

from wards.fields import figure_messages

from .models import COUNT_FIELDS, MAX_COUNT, CaseVolume, FieldAlias, ProcedureCatalogue, ProcedureField


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
                error_messages=figure_messages(MAX_COUNT),
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm count", "data-count": name}),
            )

    def counts(self) -> dict[str, int] | None:
        values = {name: self.cleaned_data.get(name) for name in COUNT_FIELDS}
        if all(value is None for value in values.values()):
            return None
        return {name: value or 0 for name, value in values.items()}


WeekFormSet = forms.formset_factory(WeekRowForm, extra=0)


class CatalogueForm(forms.ModelForm):
    class Meta:
        model = ProcedureCatalogue
        fields = [
            "as_of",
            "procedures",
            "fully_online",
            "partly_online",
            "eligible_fully_online",
            "boundary_free_cases",
        ]
        widgets = {"as_of": forms.DateInput(attrs={"type": "date"})}


class FieldAliasForm(forms.ModelForm):
    """A name of the one-stop system and the field of ours it means."""

    class Meta:
        model = FieldAlias
        fields = ["name", "field"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = ProcedureField.objects.filter(active=True)

    def validate_unique(self) -> None:
        # The service replaces a name already remembered instead of refusing it.
        pass
