"""A ZIP of one period's reports of every ward, made by a worker; imported by models.py."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wards.models import City
from wards.periods import DateRange


class ArchiveStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being made")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class PeriodArchive(models.Model):
    regime = models.ForeignKey("city.Regime", on_delete=models.CASCADE, related_name="+", verbose_name=_("regime"))
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=10, choices=ArchiveStatus.choices, default=ArchiveStatus.QUEUED)
    done = models.PositiveIntegerField(_("reports added"), default=0)
    total = models.PositiveIntegerField(_("reports to add"), default=0)
    file = models.FileField(_("file"), upload_to="city/archives/", blank=True)
    failure = models.TextField(_("failure"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("period archive")
        verbose_name_plural = _("period archives")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.regime} {self.period.label()}"

    @property
    def period(self) -> DateRange:
        return DateRange(self.period_start, self.period_end)

    @property
    def is_active(self) -> bool:
        return self.status in (ArchiveStatus.QUEUED, ArchiveStatus.RUNNING)

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 0
