"""Long-tail figures: a catalogue of indicators and their values per ward and period."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.models import Ward
from wards.records import refuse_overlap


class IndicatorKind(models.TextChoices):
    FLOW = "flow", _("flow (summed over a period)")
    STOCK = "stock", _("stock (snapshot at a date)")


class Indicator(models.Model):
    """One long-tail figure of the catalogue; its code is also its placeholder key."""

    code = models.CharField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Lower-case letters, digits and dots: docs.decisions. Reports name the figure by this code."),
    )
    name = models.CharField(_("Vietnamese name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=30, help_text=_("văn bản, hội nghị, %"))
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    group = models.CharField(_("group"), max_length=100, help_text=_("Heading of the form section."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def clean(self) -> None:
        allowed = set("abcdefghijklmnopqrstuvwxyz0123456789._")
        if not self.code or set(self.code) - allowed or self.code.startswith(".") or self.code.endswith("."):
            raise ValidationError({"code": _("Use lower-case ASCII letters, digits, dots and underscores.")})

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"


class IndicatorValue(models.Model):
    """A flow over [start, end] or a stock at `end` (then start = end)."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("ward"))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator__order", "start"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "indicator", "start", "end"], name="indicator_value_unique"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="indicator_value_order"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.start:%d/%m/%Y}-{self.end:%d/%m/%Y}: {self.value}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("A figure cannot be negative.")})
        if self.indicator_id and self.indicator.is_percent and self.value is not None and self.value > 100:
            raise ValidationError({"value": _("A share cannot be above 100%.")})
        if self.indicator_id and self.indicator.kind == IndicatorKind.STOCK and self.start != self.end:
            raise ValidationError({"start": _("A snapshot figure is taken at one date: start and end must match.")})
        if self.indicator_id and self.indicator.kind == IndicatorKind.FLOW:
            refuse_overlap(self, same=("ward", "indicator"))
