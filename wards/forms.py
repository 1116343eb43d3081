"""The period picker's form (the one way every figure page reads its period from the query string) and the
form of the ward's standing facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Ward
from .periods import DateRange, PeriodError, PeriodKind
from .services import WARD_FACT_FIELDS, WardFacts

RANGE_KEYS = ("kind", "start", "end")


def add_model_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's validation errors on the form: each under the field of its name, or above the form
    when the form has no such field (form.add_error refuses a name that is not one of its fields). An error
    raised with a bare message (a state check) goes above the form."""
    if not hasattr(error, "error_dict"):
        for problem in error.messages:
            form.add_error(None, problem)
        return
    for name, problems in error.message_dict.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)


DATE_KEYS = ("kind", "date")


class PeriodForm(forms.Form):
    """The period a figure page shows, from ?kind=&start=&end= (or ?kind=&date= when `dated`).

    - `?kind=month&start=2025-08-18`: the week, month, quarter or year that holds `start`;
    - `?start=2025-08-18&end=2025-08-23` (with `kind=custom` or none): exactly that range; without a kind,
      a range that is a whole week, month, quarter or year takes that kind, so old links step as expected;
    - `?date=2026-05-01` on the pages of a stock at one date (`dated=True`); `kind` is then the step.

    Without them the page opens on `latest`, the newest data the page has: a date is widened to the
    period of `kind` that holds it, a DateRange is taken as it is; without data, on today. A query that
    cannot be read leaves the page on that default and `error` says why, next to the picker.
    Previous and next step by the kind shown, and keep the rest of the query string (filters)."""

    kind = forms.ChoiceField(label=gettext_lazy("Period"), choices=PeriodKind.choices, required=False)
    start = forms.DateField(label=gettext_lazy("From"), required=False)
    end = forms.DateField(label=gettext_lazy("To"), required=False)
    date = forms.DateField(label=gettext_lazy("Date"), required=False)

    def __init__(
        self,
        query: QueryDict,
        *,
        kind: PeriodKind,
        latest: date | DateRange | None = None,
        dated: bool = False,
        today: date | None = None,
    ) -> None:
        self.dated = dated
        self.keys = DATE_KEYS if dated else RANGE_KEYS
        super().__init__({key: query.get(key, "") for key in self.keys})
        for name in set(self.fields) - set(self.keys):
            del self.fields[name]
        if dated:
            self.fields["kind"].choices = [(k.value, k.label) for k in PeriodKind if k != PeriodKind.CUSTOM]
        self.query = query
        latest = latest or today or timezone.localdate()
        if isinstance(latest, DateRange):
            default, default_kind = latest, PeriodKind.of(latest)
        else:
            default, default_kind = kind.containing(latest), kind
        self.default_kind = kind if dated else default_kind
        self.day = latest.end if isinstance(latest, DateRange) else latest
        self.period, self.kind_shown = default, self.default_kind
        if self.is_valid():
            self.kind_shown = self.cleaned_data["picked_kind"]
            if dated:
                self.day = self.cleaned_data["day"]
            else:
                self.period = self.cleaned_data["period"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = PeriodKind(data["kind"]) if data.get("kind") else None
        if self.dated:
            data["picked_kind"] = chosen or self.default_kind
            data["day"] = data.get("date") or self.day
            return data
        start, end = data.get("start"), data.get("end")
        if chosen not in (None, PeriodKind.CUSTOM) and (start or end):
            data["period"], data["picked_kind"] = chosen.containing(start or end), chosen
        elif chosen not in (None, PeriodKind.CUSTOM):
            data["period"], data["picked_kind"] = chosen.containing(self.period.end), chosen
        elif not start and not end:
            data["period"], data["picked_kind"] = self.period, chosen or self.default_kind
        elif not start or not end:
            raise forms.ValidationError(_("Give both the start and the end date."))
        else:
            try:
                data["period"] = DateRange(start, end)
            except PeriodError as error:
                raise forms.ValidationError(str(error)) from None
            data["picked_kind"] = chosen or PeriodKind.of(data["period"])
        return data

    @property
    def error(self) -> str:
        """What was wrong with the query, for the message next to the picker ("" when nothing was)."""
        if not self.is_bound or not self.errors:
            return ""
        problems = [
            f"{self.fields[name].label}: {message}" if name in self.fields else message
            for name, messages in self.errors.items()
            for message in messages
        ]
        return " ".join(problems)

    def query_for(self, *, period: DateRange | None = None, day: date | None = None) -> str:
        """The page's query string showing another period (or date) of the same kind."""
        query = QueryDict(mutable=True)
        query["kind"] = self.kind_shown.value
        if self.dated:
            query["date"] = (day or self.day).isoformat()
        else:
            period = period or self.period
            query["start"], query["end"] = period.start.isoformat(), period.end.isoformat()
        # Another period starts on its first page of a paged list.
        for key, value in self.kept_params:
            if key != "page":
                query.appendlist(key, value)
        return query.urlencode()

    @property
    def query_string(self) -> str:
        return self.query_for()

    @property
    def previous_query(self) -> str:
        if self.dated:
            return self.query_for(day=self.kind_shown.shift(self.day, -1))
        return self.query_for(period=self.kind_shown.step(self.period, -1))

    @property
    def next_query(self) -> str:
        if self.dated:
            return self.query_for(day=self.kind_shown.shift(self.day, 1))
        return self.query_for(period=self.kind_shown.step(self.period, 1))

    @property
    def kept_params(self) -> list[tuple[str, str]]:
        """The rest of the query string (a page's filters), carried as hidden inputs by the picker."""
        return [(key, value) for key, values in self.query.lists() if key not in self.keys for value in values]


class WardFactsForm(forms.ModelForm):
    """The facts the reports describe the ward with, edited by its own staff."""

    class Meta:
        model = Ward
        fields = list(WARD_FACT_FIELDS)
        widgets = {
            "information_systems": forms.Textarea(attrs={"rows": 5}),
            "all_cases_online_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"buddhist_sites": gettext_lazy("Village pagodas, prayer halls and any other Buddhist site.")}

    def facts(self) -> WardFacts:
        data = {name: self.cleaned_data[name] for name in WARD_FACT_FIELDS}
        systems = data.pop("information_systems")
        lines = tuple(line.strip() for line in systems.splitlines() if line.strip())
        return WardFacts(**data, information_systems=lines)
