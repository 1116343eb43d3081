"""The tables of the submission workflow: the timeline of transitions, the number register and the
record of a signed upload. Imported by models.py, so Django registers them with the reports app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wards.models import Ward

from .models import Report, ReportPdf, ReportState


class ReportEvent(models.Model):
    """One transition of a report; append-only (the services only ever create these)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events", verbose_name=_("report"))
    action = models.CharField(_("action"), max_length=20)
    from_state = models.CharField(_("from"), max_length=10, choices=ReportState.choices)
    to_state = models.CharField(_("to"), max_length=10, choices=ReportState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("report transition")
        verbose_name_plural = _("report transitions")
        ordering = ["pk"]  # the order they happened in, whatever the clocks said

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_state} → {self.to_state} ({self.action})"


class NumberRegister(models.Model):
    """The last report number a ward gave in a year; approval locks this row to take the next one."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="+", verbose_name=_("ward"))
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("number register")
        verbose_name_plural = _("number registers")
        constraints = [models.UniqueConstraint(fields=["ward", "year"], name="number_register_unique")]

    def __str__(self) -> str:
        return f"{self.ward} {self.year}: {self.last_number}"


class ReportSignature(models.Model):
    """What the check of a signed upload found: who signed, when, and whether the chain was verified."""

    pdf = models.OneToOneField(ReportPdf, on_delete=models.CASCADE, related_name="signature", verbose_name=_("file"))
    field_name = models.CharField(_("signature field"), max_length=100)
    subject = models.CharField(_("signer certificate subject"), max_length=500)
    serial = models.CharField(_("certificate serial number"), max_length=100)
    issuer = models.CharField(_("certificate issuer"), max_length=500)
    signed_at = models.DateTimeField(_("signing time"), null=True, blank=True)
    trusted = models.BooleanField(_("chain of trust verified"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("uploaded by")
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.subject} ({self.signed_at})"
