"""Entry forms: one headcount snapshot of every unit on one page, and the editable tables of units,
positions (the vacancy table) and needs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wards.fields import figure_messages
from wards.models import Ward

from .models import (
    MAX_PEOPLE,
    HeadcountSnapshot,
    JobPosition,
    OrgUnit,
    StaffFunction,
    StaffingNeed,
    breakdown_errors,
)
from .services import COUNT_FIELDS


def count_field(label: str) -> forms.IntegerField:
    # A blank cell means nobody; negative numbers are refused next to the cell.
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_PEOPLE,
        error_messages=figure_messages(MAX_PEOPLE),
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm count", "min": 0}),
    )


class SnapshotForm(forms.Form):
    on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
    )
    non_specialised_workers = forms.IntegerField(
        label=capfirst(HeadcountSnapshot._meta.get_field("non_specialised_workers").verbose_name),
        min_value=0,
        max_value=MAX_PEOPLE,
        error_messages=figure_messages(MAX_PEOPLE),
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    non_specialised_left = forms.IntegerField(
        label=capfirst(HeadcountSnapshot._meta.get_field("non_specialised_left").verbose_name),
        min_value=0,
        max_value=MAX_PEOPLE,
        error_messages=figure_messages(MAX_PEOPLE),
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    non_specialised_left_from = forms.DateField(
        label=capfirst(HeadcountSnapshot._meta.get_field("non_specialised_left_from").verbose_name),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
    includes_military = forms.BooleanField(
        label=capfirst(HeadcountSnapshot._meta.get_field("includes_military").verbose_name),
        help_text=HeadcountSnapshot._meta.get_field("includes_military").help_text,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )


class LineForm(forms.Form):
    """One unit's line; the unit comes from the position of the form in the page's list of units."""

    total = count_field(_("Total"))
    heads = count_field(_("Heads"))
    deputies = count_field(_("Deputies"))
    specialists = count_field(_("Other staff"))
    civil_servants = count_field(_("Civil servants"))
    public_employees = count_field(_("Public employees"))
    contract_workers = count_field(_("Contract"))
    seconded_out = count_field(_("Seconded out"))
    seconded_in = count_field(_("Seconded in"))

    def __init__(self, *args: Any, unit: OrgUnit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        counts = {name: data.get(name) or 0 for name in COUNT_FIELDS}
        for field, message in breakdown_errors(
            total=counts["total"],
            by_role=(counts["heads"], counts["deputies"], counts["specialists"]),
            by_status=(counts["civil_servants"], counts["public_employees"], counts["contract_workers"]),
            seconded_out=counts["seconded_out"],
        ).items():
            self.add_error(field, message)
        return {**data, **counts}


class LineFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        self.units = units
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        # The empty form (index None) only gives the column labels.
        return {"unit": self.units[index]} if index is not None else {}


def line_formset(units: list[OrgUnit], **kwargs: Any) -> LineFormSet:
    factory = forms.formset_factory(LineForm, formset=LineFormSet, extra=0)
    return factory(units=units, initial=kwargs.pop("initial", [{} for _unit in units]), prefix="lines", **kwargs)


def ward_units(ward: Ward) -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(ward=ward).order_by("order", "name"))


class WardRowForm(forms.ModelForm):
    """A row of a ward's table: the ward is set by the page, unit choices are the ward's units."""

    unit_empty_label: Any = None

    def __init__(self, *args: Any, ward: Ward, units: list[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.ward = ward
        # The table's formset fetches the units once for all its rows; a queryset per row would be
        # one query per row and field when the table is drawn.
        units = ward_units(ward) if units is None else units
        for name in ("unit", "placed_in"):
            if name in self.fields:
                field = self.fields[name]
                field.queryset = OrgUnit.objects.filter(ward=ward)
                if name == "unit" and self.unit_empty_label is not None:
                    field.empty_label = self.unit_empty_label
                blank = [] if field.empty_label is None else [("", field.empty_label)]
                field.choices = blank + [(unit.pk, str(unit)) for unit in units]
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput):
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", f"{css} form-control-sm")


class UnitForm(WardRowForm):
    class Meta:
        model = OrgUnit
        fields = ["name", "kind", "school_level", "head_title", "deputy_title", "origin", "order"]


class PositionForm(WardRowForm):
    class Meta:
        model = JobPosition
        fields = ["unit", "name", "category", "quota", "filled", "placed_in", "order"]

    unit_empty_label = _("Shared by the agencies")


class NeedForm(WardRowForm):
    class Meta:
        model = StaffingNeed
        fields = ["unit", "position", "count", "stated_on"]
        widgets = {"stated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class FunctionForm(WardRowForm):
    class Meta:
        model = StaffFunction
        fields = ["unit", "on", "name", "count", "leadership", "status", "order"]
        widgets = {"on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class WardTableFormSet(BaseModelFormSet):
    def __init__(self, *args: Any, ward: Ward, **kwargs: Any) -> None:
        self.ward = ward
        super().__init__(*args, form_kwargs={"ward": ward, "units": ward_units(ward)}, **kwargs)

    def clean(self) -> None:
        """Only the table's own rows: Django takes a row whose id is not among the ward's rows (another
        ward's, a deleted one, a made-up one) for a new row and would insert a copy of it."""
        super().clean()
        pk_name = self.model._meta.pk.name
        initial = self.initial_form_count()
        for index, form in enumerate(self.forms):
            foreign = form.instance._state.adding if index < initial else bool(self.data.get(form.add_prefix(pk_name)))
            if foreign:
                raise ValidationError(
                    _(
                        "Row %(row)s is not a row of this table: it was deleted in the meantime or belongs to "
                        "another ward. Nothing was saved; reload the page."
                    ),
                    code="foreign_row",
                    params={"row": index + 1},
                )


def table_formset(form: type[WardRowForm], ward: Ward, data: Any = None) -> WardTableFormSet:
    model = form._meta.model
    factory = modelformset_factory(model, form=form, formset=WardTableFormSet, extra=2, can_delete=True)
    queryset = model.objects.filter(ward=ward)
    if model is not OrgUnit:
        # The rows of one unit stay together; positions shared by the agencies come last.
        queryset = queryset.select_related("unit").order_by(
            F("unit__order").asc(nulls_last=True), *model._meta.ordering[1:]
        )
    return factory(data, ward=ward, queryset=queryset, prefix="rows")
