from __future__ import annotations

from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .matrix import LATE, MAX_PERIODS, SORTS
from .models import Regime


class MatrixForm(forms.Form):
    """What the matrix shows: the regime, how many periods up to which one, which cells and in what order.

    The page's defaults are bound in where the query leaves a setting out, so that the form shows the
    values the page uses rather than an empty choice."""

    regime = forms.ModelChoiceField(
        Regime.objects.all(), to_field_name="code", required=False, empty_label=None, label=_("Regime")
    )
    periods = forms.IntegerField(min_value=1, max_value=MAX_PERIODS, required=False, label=_("Last periods"))
    end = forms.DateField(
        required=False,
        label=_("Up to the period of"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
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

    def __init__(
        self,
        data: QueryDict,
        *,
        state_choices: list[tuple[str, str]],
        regime: Regime | None = None,
        periods: int | None = None,
    ) -> None:
        data = data.copy()
        if regime is not None and not data.get("regime"):
            data["regime"] = regime.code
        if periods is not None and not data.get("periods"):
            data["periods"] = str(periods)
        super().__init__(data)
        self.fields["show"].choices = [("", _("any state")), (LATE, _("late")), *state_choices]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name in ("periods", "end") else "form-select"

    def show_end(self, day: date) -> None:
        """Show the window's last day as the page uses it: the default one, or the end of the period
        holding the day asked for (the window is known only once the regime is read)."""
        self.data["end"] = day.isoformat()

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
