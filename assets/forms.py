from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wards.models import Ward

from .models import MAX_AMOUNT, MAX_FLOOR_M2, MAX_LAND_M2, EquipmentItem, Facility, FacilityUse, Handling, Spending
from .services import (
    EQUIPMENT_FIELDS,
    FACILITY_FIELDS,
    SPENDING_FIELDS,
    EquipmentInput,
    FacilityInput,
    SpendingInput,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class WholeNumberField(forms.CharField):
    """A whole number typed the Vietnamese way: "18.749.464.101" or "18749464101"; a decimal comma is refused,
    so that nobody enters đồng or m² with a fraction."""

    def __init__(self, *, whole_message: str, max_value: int, **kwargs: Any) -> None:
        self.whole_message = whole_message
        self.max_value = max_value
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = str(super().to_python(value)).replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        if "," in text or not re.fullmatch(r"-?\d{1,3}(\.\d{3})*|-?\d+", text):
            raise ValidationError(self.whole_message, code="whole")
        number = int(text.replace(".", ""))
        if number < 0:
            raise ValidationError(_("The figure cannot be negative."), code="negative")
        if number > self.max_value:
            raise ValidationError(_("The figure is too large to be right; check the number of digits."), code="max")
        return number

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value


def _area_field(label: str, max_value: int, help_text: str) -> WholeNumberField:
    return WholeNumberField(
        label=label,
        max_value=max_value,
        help_text=help_text,
        whole_message=_("Give the area in whole square metres, without a decimal part."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


def normalized_name(name: str) -> str:
    return " ".join(name.split()).casefold()


class FacilityForm(forms.ModelForm):
    confirm_duplicate = forms.BooleanField(label=_("Save although another facility has the same name"), required=False)

    class Meta:
        model = Facility
        fields = FACILITY_FIELDS
        widgets = {
            "held_from": DateInput(),
            "held_until": DateInput(),
            "handled_on": DateInput(),
            "handling_plan": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, ward: Ward, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ward = ward
        land, floor = Facility._meta.get_field("land_m2"), Facility._meta.get_field("floor_m2")
        self.fields["land_m2"] = _area_field(capfirst(land.verbose_name), MAX_LAND_M2, land.help_text)
        self.fields["floor_m2"] = _area_field(capfirst(floor.verbose_name), MAX_FLOOR_M2, floor.help_text)
        self.fields["handling"].help_text = _("Only for a surplus facility.")
        if not self.instance.pk:
            self.initial.setdefault("held_from", ward.formed_on)
        # The checkbox shows only once the warning has been given.
        if not self.is_bound or "confirm_duplicate" not in self.data:
            self.fields["confirm_duplicate"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        name = cleaned.get("name")
        if name and not cleaned.get("confirm_duplicate"):
            others = Facility.objects.filter(ward=self.ward).exclude(pk=self.instance.pk).values_list("name", flat=True)
            if any(normalized_name(other) == normalized_name(name) for other in others):
                self.fields["confirm_duplicate"].widget = forms.CheckboxInput()
                self.add_error(
                    "name",
                    _("Another facility of this ward has this name. Tick the box below to save it all the same."),
                )
        if cleaned.get("use") == FacilityUse.SURPLUS and not cleaned.get("handling"):
            cleaned["handling"] = Handling.NOT_HANDLED
        return cleaned

    def as_input(self) -> FacilityInput:
        return FacilityInput(**{name: self.cleaned_data[name] for name in FACILITY_FIELDS})


class EquipmentForm(forms.ModelForm):
    class Meta:
        model = EquipmentItem
        fields = EQUIPMENT_FIELDS

    def __init__(self, *args: Any, ward: Ward, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ward = ward
        self.instance.ward = ward
        # The units are staffing's; assets reaches them through the foreign key rather than an import.
        self.fields["unit"].queryset = self.fields["unit"].queryset.filter(ward=ward).order_by("order", "name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        unit, kind = cleaned.get("unit"), cleaned.get("kind")
        if unit and kind:
            clash = EquipmentItem.objects.filter(ward=self.ward, unit=unit, kind__iexact=kind).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error("kind", _("This unit already lists this kind; edit that line instead."))
        return cleaned

    def as_input(self) -> EquipmentInput:
        return EquipmentInput(**{name: self.cleaned_data[name] for name in EQUIPMENT_FIELDS})


class SpendingForm(forms.ModelForm):
    amount = WholeNumberField(
        label=_("amount (đồng)"),
        max_value=MAX_AMOUNT,
        whole_message=_("Give the amount in whole đồng, without a decimal part: 18.749.464.101."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Spending
        fields = SPENDING_FIELDS
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args: Any, ward: Ward, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.ward = ward

    def as_input(self) -> SpendingInput:
        return SpendingInput(**{name: self.cleaned_data[name] for name in SPENDING_FIELDS})
