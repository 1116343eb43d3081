"""Report templates and the reports made from them, with their kept PDFs."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.jobs import JobMixin
from wards.models import SigningTitle, Ward


class ReportKind(models.TextChoices):
    WEEKLY = "weekly", _("weekly progress report")
    ANNUAL = "annual", _("one-year review")
    OTHER = "other", _("other")


class SigningAuthority(models.TextChoices):
    # TM.: the chairman signs for the committee; KT.: a vice chairman signs on the chairman's behalf.
    TM = "tm", _("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")
    KT = "kt", _("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def signing_title(authority: str) -> str:
    """The title of the leader who signs under this authority: TM. the Chủ tịch, KT. a Phó Chủ tịch."""
    return SigningTitle.PHO_CHU_TICH if authority == SigningAuthority.KT else SigningTitle.CHU_TICH


class TableKind(models.TextChoices):
    TTHC_BY_FIELD = "tthc_by_field", _("TTHC cases by field")
    STAFFING_BY_UNIT = "staffing_by_unit", _("staffing by unit")
    FACILITIES_BY_USE = "facilities_by_use", _("facilities by use")


class DocumentFields(models.Model):
    """What a template and a report share: the parts of the document around the sections."""

    title = models.CharField(_("title"), max_length=100, default="BÁO CÁO")
    summary = models.CharField(_("summary line"), max_length=300, help_text=_("The bold line under the title."))
    addressees = models.TextField(
        _("addressees (Kính gửi)"), blank=True, help_text=_("One per line; empty when the report is not sent up.")
    )
    recipients = models.TextField(_("recipients (Nơi nhận)"), help_text=_("One per line, the last one “Lưu: VT, ...”."))
    signing_authority = models.CharField(_("signing authority"), max_length=2, choices=SigningAuthority.choices)

    class Meta:
        abstract = True

    @property
    def addressee_lines(self) -> list[str]:
        return [line.strip() for line in self.addressees.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def signing_lines(self) -> list[str]:
        if self.signing_authority == SigningAuthority.KT:
            return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        return ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


class ReportTemplate(DocumentFields):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)

    class Meta:
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SectionFields(models.Model):
    order = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(_("number"), max_length=12, blank=True, help_text=_("As printed: I., 1., 2.1., a)"))
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    level = models.PositiveSmallIntegerField(
        _("level"), default=1, help_text=_("1 for I., 2 for 1., 3 for 2.1., 4 for a).")
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The text of the section; figures are written as the list of figures of the report page shows."),
    )
    footnotes = models.TextField(
        _("footnotes"),
        blank=True,
        help_text=_(
            "One footnote per line, in the order they are called; the list of figures of the report page shows "
            "how to call one in the text."
        ),
    )
    table_kind = models.CharField(_("figure table"), max_length=30, choices=TableKind.choices, blank=True)

    class Meta:
        abstract = True
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.number} {self.heading}".strip() or f"#{self.order}"

    @property
    def footnote_lines(self) -> list[str]:
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]


class TemplateSection(SectionFields):
    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")

    class Meta(SectionFields.Meta):
        verbose_name = _("template section")
        verbose_name_plural = _("template sections")
        constraints = [models.UniqueConstraint(fields=["template", "order"], name="template_section_order")]


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    SIGNED = "signed", _("signed")
    ACCEPTED = "accepted", _("accepted")


class Report(DocumentFields):
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="reports", verbose_name=_("ward"))
    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="reports", verbose_name=_("template")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT, db_index=True
    )
    # Once given, a number stays with its report (a withdrawn report is approved again under it), so
    # the register of the year has neither gaps nor duplicates.
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, help_text=_("Given at approval: 12."))
    number_year = models.PositiveSmallIntegerField(_("year of the number"), null=True, blank=True, editable=False)
    drafter_initials = models.CharField(
        _("drafter's initials"),
        max_length=10,
        blank=True,
        help_text=_("Printed after the filing line of the recipients: Lưu: VT, VHXH (TH)."),
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    return_reason = models.TextField(_("reason of the last return"), blank=True)
    approved_pdf = models.ForeignKey(
        "ReportPdf",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved version"),
    )
    signed_pdf = models.ForeignKey(
        "ReportPdf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("signed version")
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signer"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-end", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="report_range_order"),
            models.UniqueConstraint(fields=["ward", "number_year", "number"], name="report_number_unique_in_year"),
        ]

    def __str__(self) -> str:
        return f"{self.template.name} {self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})

    @property
    def document_number(self) -> str:
        """As printed: 12/BC-UBND; empty before the first approval."""
        return f"{self.number}/BC-{self.ward.document_code}" if self.number else ""

    @property
    def is_draft(self) -> bool:
        return self.state == ReportState.DRAFT

    @property
    def signature_field_name(self) -> str:
        """The empty signature field of the PDF, named for the signer; the signed upload must use it."""
        username = self.signer.get_username() if self.signer else "lanh_dao"
        return "ChuKy_" + re.sub(r"[^A-Za-z0-9]+", "_", username)


class ReportSection(SectionFields):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    history = HistoricalRecords()

    class Meta(SectionFields.Meta):
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [models.UniqueConstraint(fields=["report", "order"], name="report_section_order")]


class PdfStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being made")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class PdfFailure(models.TextChoices):
    PLACEHOLDERS = "placeholders", _("unknown placeholders")
    STALE = "stale", _("the worker stopped")
    ERROR = "error", _("rendering error")
    STORAGE = "storage", _("the file could not be stored")
    QUEUE = "queue", _("the job queue could not be reached")


class PdfKind(models.TextChoices):
    DRAFT = "draft", _("draft")
    APPROVED = "approved", _("approved version")
    SIGNED = "signed", _("signed version")


def pdf_upload_to(instance: ReportPdf, filename: str) -> str:
    report = instance.report
    return f"reports/{report.ward.slug}/{report.pk}/{filename}"


class ReportPdf(JobMixin, models.Model):
    """One request for a report's PDF: its progress while a worker makes it, then the kept version
    (file, SHA-256) that every later download serves unchanged."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="pdfs", verbose_name=_("report"))
    kind = models.CharField(_("kind"), max_length=10, choices=PdfKind.choices, default=PdfKind.DRAFT)
    status = models.CharField(_("status"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    task_id = models.CharField(_("task id"), max_length=36, blank=True, editable=False)
    failure = models.CharField(_("failure"), max_length=20, choices=PdfFailure.choices, blank=True)
    failure_detail = models.TextField(_("failure detail"), blank=True)
    file = models.FileField(_("file"), upload_to=pdf_upload_to, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)

    class Meta:
        verbose_name = _("report PDF")
        verbose_name_plural = _("report PDFs")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} #{self.pk} ({self.get_status_display()})"

    @classmethod
    def stale_after(cls) -> timedelta:
        return settings.REPORTS_PDF_STALE_AFTER

    @property
    def seconds(self) -> float | None:
        """How long the reader waited for this PDF: from the request to the finished file."""
        if self.status != PdfStatus.DONE or not (self.requested_at and self.finished_at):
            return None
        return max((self.finished_at - self.requested_at).total_seconds(), 0.0)

    @property
    def failure_message(self) -> str:
        """The reason in the reader's language, built when shown rather than stored translated."""
        if self.failure == PdfFailure.PLACEHOLDERS:
            return gettext("The report uses placeholders that no app provides: %(keys)s.") % {
                "keys": self.failure_detail
            }
        if self.failure == PdfFailure.STALE:
            return gettext(
                "The worker making the PDF stopped answering; the request was given up after %(minutes)s minutes."
            ) % {"minutes": self.failure_detail}
        if self.failure == PdfFailure.STORAGE:
            return gettext(
                "The PDF was made but could not be saved on the server (storage full or unavailable). Try "
                "again; if it fails again, tell the administrator."
            )
        if self.failure == PdfFailure.QUEUE:
            return gettext(
                "The PDF could not be queued: the job queue of the portal does not answer. Try again in a "
                "few minutes; if it fails again, tell the administrator."
            )
        # The technical detail stays in the row and the log: the reader gets a plain reason.
        return gettext(
            "The PDF could not be made because of an error in the portal. Try again; if it fails again, tell "
            "the administrator."
        )


from .workflow_models import NumberRegister, ReportEvent, ReportSignature  # noqa: E402, F401
