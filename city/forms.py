from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .matrix import LATE, MAX_PERIODS, SORTS
from .models import Regime


class MatrixForm(forms.Form):
    """What the matrix shows: the regime, how many periods, which cells and in what order."""

    regime = forms.ModelChoiceField(Regime.objects.all(), to_field_name="code", required=False, label=_("Regime"))
    periods = forms.IntegerField(min_value=1, max_value=MAX_PERIODS, required=False, label=_("Last periods"))
    show = forms.ChoiceField(required=False, label=_("Show wards with"))
    sort = forms.ChoiceField(
        required=False,
        label=_("Sort by"),
        choices=[
            ("ward", _("ward")),
            ("completeness", _("completeness, lowest first")),
            ("timeliness", _("timeliness, lowest first")),
            ("late", _("late reports, most first")),
        ],
    )

    def __init__(self, *args: object, state_choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["show"].choices = [("", _("any state")), (LATE, _("late")), *state_choices]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "periods" else "form-select"

    def clean_sort(self) -> str:
        return self.cleaned_data["sort"] if self.cleaned_data["sort"] in SORTS else "ward"


class AcceptForm(forms.Form):
    report = forms.TypedMultipleChoiceField(coerce=int, label=_("Reports"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Any id may be sent; the service keeps only the city's own reports.
        self.fields["report"].valid_value = lambda value: str(value).isdigit()  # type: ignore[attr-defined]


class ReturnForm(forms.Form):
    report = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.TextInput)
