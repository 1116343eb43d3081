from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wards.fields import VietnameseDecimalField

from .models import Indicator, IndicatorKind


class IndicatorValuesForm(forms.Form):
    """One field per indicator of the catalogue, grouped as the catalogue says."""

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups: dict[str, list[str]] = {}
        for indicator in indicators:
            help_text = _("at the end date") if indicator.kind == IndicatorKind.STOCK else _("over the period")
            self.fields[indicator.code] = VietnameseDecimalField(
                label=f"{indicator.name} ({indicator.unit})",
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100) if indicator.is_percent else Decimal(10**9),
                help_text=help_text,
            )
            self.groups.setdefault(indicator.group, []).append(indicator.code)

    def grouped(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(group, [self[code] for code in codes]) for group, codes in self.groups.items()]
