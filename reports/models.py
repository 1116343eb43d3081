"""Indicators (long-tail figures), report templates and the reports made from them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.models import Ward


class IndicatorKind(models.TextChoices):
    FLOW = "flow", _("flow (summed over a period)")
    STOCK = "stock", _("stock (snapshot at a date)")


class Indicator(models.Model):
    """One long-tail figure of the catalogue; its code is also its placeholder key."""

    code = models.CharField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Lower-case, dotted: docs.decisions. Used as the placeholder [[docs.decisions]]."),
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
        if self.indicator_id and self.indicator.kind == IndicatorKind.FLOW and self.ward_id and self.start and self.end:
            clash = (
                IndicatorValue.objects.filter(
                    ward_id=self.ward_id, indicator_id=self.indicator_id, start__lte=self.end, end__gte=self.start
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                raise ValidationError(
                    _("%(name)s already has a value for %(start)s - %(end)s, which overlaps this period.")
                    % {"name": self.indicator.name, "start": f"{clash.start:%d/%m/%Y}", "end": f"{clash.end:%d/%m/%Y}"}
                )


class ReportKind(models.TextChoices):
    WEEKLY = "weekly", _("weekly progress report")
    ANNUAL = "annual", _("one-year review")
    OTHER = "other", _("other")


class SigningAuthority(models.TextChoices):
    # TM.: the chairman signs for the committee; KT.: a vice chairman signs on the chairman's behalf.
    TM = "tm", _("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")
    KT = "kt", _("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


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

    @property
    def signer_title(self) -> str:
        return "Phó Chủ tịch" if self.signing_authority == SigningAuthority.KT else "Chủ tịch"


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
    body = models.TextField(_("text"), blank=True, help_text=_("HTML with placeholders such as [[docs.total]]."))
    footnotes = models.TextField(
        _("footnotes"),
        blank=True,
        help_text=_("One footnote per line; [[^1]] in the text marks where the first one is called."),
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


class Report(DocumentFields):
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="reports", verbose_name=_("ward"))
    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="reports", verbose_name=_("template")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("Given at approval: 12."))
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
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
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="report_range_order")
        ]

    def __str__(self) -> str:
        return f"{self.template.name} {self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})


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


def pdf_upload_to(instance: ReportPdf, filename: str) -> str:
    report = instance.report
    return f"reports/{report.ward.slug}/{report.pk}/{filename}"


class ReportPdf(models.Model):
    """One request for a report's PDF: its progress while a worker makes it, then the kept version
    (file, SHA-256) that every later download serves unchanged."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="pdfs", verbose_name=_("report"))
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

    @property
    def is_active(self) -> bool:
        return self.status in (PdfStatus.QUEUED, PdfStatus.RUNNING)

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
        return gettext("The PDF could not be made: %(detail)s") % {"detail": self.failure_detail}
