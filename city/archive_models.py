"""A ZIP of one period's reports of every ward, made by a worker; imported by models.py."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wards import jobs
from wards.jobs import JobMixin
from wards.models import City
from wards.periods import DateRange


class ArchiveStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being made")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ArchiveFailure(models.TextChoices):
    STALE = jobs.FAILURE_STALE, _("the worker stopped")
    ERROR = jobs.FAILURE_ERROR, _("error while packing")
    STORAGE = jobs.FAILURE_STORAGE, _("the file could not be stored")
    QUEUE = jobs.FAILURE_QUEUE, _("the job queue could not be reached")


class PeriodArchive(JobMixin, models.Model):
    """One request for a period's ZIP, a job with the rules of wards.jobs (the PDF's): it ends done, or
    failed with a plain reason and the retry."""

    regime = models.ForeignKey("city.Regime", on_delete=models.CASCADE, related_name="+", verbose_name=_("regime"))
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=10, choices=ArchiveStatus.choices, default=ArchiveStatus.QUEUED)
    done = models.PositiveIntegerField(_("reports added"), default=0)
    total = models.PositiveIntegerField(_("reports to add"), default=0)
    file = models.FileField(_("file"), upload_to="city/archives/", blank=True)
    failure = models.CharField(_("failure"), max_length=20, choices=ArchiveFailure.choices, blank=True)
    failure_detail = models.TextField(_("failure detail"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("period archive")
        verbose_name_plural = _("period archives")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.regime} {self.period.label()}"

    @property
    def period(self) -> DateRange:
        return DateRange(self.period_start, self.period_end)

    @classmethod
    def stale_after(cls) -> timedelta:
        # The ZIP is packed by the PDF workers, on their queue: a worker silent that long is lost for both.
        return settings.REPORTS_PDF_STALE_AFTER

    @property
    def failure_message(self) -> str:
        """The reason in the reader's language; the technical detail stays in the row and the log."""
        if self.failure == ArchiveFailure.STALE:
            return gettext(
                "The worker making the ZIP stopped answering; the request was given up after %(minutes)s minutes. "
                "Ask for it again."
            ) % {"minutes": self.failure_detail}
        if self.failure == ArchiveFailure.STORAGE:
            return gettext(
                "The ZIP could not be written or saved on the server (storage full or unavailable). Ask for it "
                "again; if it fails again, tell the administrator."
            )
        if self.failure == ArchiveFailure.QUEUE:
            return gettext(
                "The ZIP could not be queued: the job queue of the portal does not answer. Ask for it again in a "
                "few minutes; if it fails again, tell the administrator."
            )
        return gettext("The ZIP could not be made. Ask for it again; if it fails again, tell the administrator.")

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 0
