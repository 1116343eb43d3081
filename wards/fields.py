"""Form fields for figures, with our own Vietnamese messages instead of Django's generic wording and
numbers shown the Vietnamese way (898, 4,5; never 898.00)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .formatting import vi_decimal, vi_number


def figure_messages(max_value: int | Decimal) -> dict[str, Any]:
    """error_messages for a figure's form field: Django uses them for its min and max validators too."""
    return {
        "invalid": _("Type a number, digits only."),
        "min_value": _("A figure cannot be negative."),
        "max_value": _("At most %(max)s: check the number of digits.") % {"max": vi_number(max_value)},
    }


class VietnameseDecimalField(forms.DecimalField):
    """A figure with up to two decimals typed the Vietnamese way: "4,5", "1.234,5" or "898"."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", figure_messages(kwargs.get("max_value") or 10**9))
        super().__init__(decimal_places=2, **kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # A text box, not type=number: the browser would show and expect "4.5".
        return {"inputmode": "decimal"}

    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        text = str(value).strip().replace(" ", "").replace("\u00a0", "")
        if not re.fullmatch(r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?", text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return Decimal(text.replace(".", "").replace(",", "."))
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int | float):
            return vi_decimal(value)
        return value
