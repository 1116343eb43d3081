"""Reporting regimes (chế độ báo cáo, Nghị định 09/2019): which report each ward owes for which period.

Expected submissions are derived from a regime and its expected wards (ward x period); no row is
stored for a report that does not exist yet."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from reports.models import ReportTemplate
from wards.models import Ward
from wards.periods import DateRange

from . import periods


class Frequency(models.TextChoices):
    WEEKLY = periods.WEEKLY, _("weekly")
    MONTHLY = periods.MONTHLY, _("monthly")
    QUARTERLY = periods.QUARTERLY, _("quarterly")
    HALF_YEARLY = periods.HALF_YEARLY, _("six-monthly")
    ANNUAL = periods.ANNUAL, _("annual")
    ONCE = periods.ONCE, _("once")


class PeriodCut(models.TextChoices):
    CALENDAR = periods.CALENDAR, _("calendar periods")
    ND09 = periods.ND09, _("ND 09 cut-off: 15th of the month before to 14th of the last month")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Regime(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="regimes", verbose_name=_("report template")
    )
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)
    cut = models.CharField(
        _("period cut"),
        max_length=10,
        choices=PeriodCut.choices,
        default=PeriodCut.CALENDAR,
        help_text=_("For monthly and longer periods."),
    )
    week_start = models.PositiveSmallIntegerField(_("week starts on"), choices=Weekday.choices, default=Weekday.MONDAY)
    week_end = models.PositiveSmallIntegerField(_("week ends on"), choices=Weekday.choices, default=Weekday.SATURDAY)
    once_start = models.DateField(_("start (once)"), null=True, blank=True)
    once_end = models.DateField(_("end (once)"), null=True, blank=True)
    deadline_days = models.PositiveSmallIntegerField(
        _("deadline (days after the period's end)"), validators=[MaxValueValidator(366)]
    )

    class Meta:
        verbose_name = _("reporting regime")
        verbose_name_plural = _("reporting regimes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(once_start__isnull=True) | Q(once_end__gte=F("once_start")), name="regime_once_order"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.frequency == Frequency.ONCE and not (self.once_start and self.once_end):
            raise ValidationError({"once_end": _("A one-off report needs its start and end.")})
        if self.once_start and self.once_end and self.once_end < self.once_start:
            raise ValidationError({"once_end": _("The end date is before the start date.")})

    @property
    def shape(self) -> periods.Cut:
        once = DateRange(self.once_start, self.once_end) if self.once_start and self.once_end else None
        return periods.Cut(self.frequency, self.cut, self.week_start, self.week_end, once)

    @property
    def rule(self) -> str:
        return _(
            "A report is on time when it is approved no later than %(days)s days after the period's end; it is "
            "late once that day has passed without approval. A ward owes a period when it is expected on the "
            "period's last day."
        ) % {"days": self.deadline_days}


def default_regime() -> Regime | None:
    """The weekly report when there is one: what the city looks at most often."""
    return Regime.objects.filter(frequency=Frequency.WEEKLY).order_by("pk").first() or Regime.objects.first()


class ExpectedWard(models.Model):
    """A ward that owes the regime's reports from one date to another (wards merge and split)."""

    regime = models.ForeignKey(Regime, on_delete=models.CASCADE, related_name="expected", verbose_name=_("regime"))
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="+", verbose_name=_("ward"))
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while the ward still reports."))

    class Meta:
        verbose_name = _("expected ward")
        verbose_name_plural = _("expected wards")
        ordering = ["regime", "ward__name", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="expected_ward_order")
        ]

    def __str__(self) -> str:
        return f"{self.ward} ({self.start:%d/%m/%Y} - {self.end:%d/%m/%Y})" if self.end else f"{self.ward}"

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})

    @property
    def span(self) -> tuple[date, date | None]:
        return (self.start, self.end)


class Reminder(models.Model):
    """A reminder sent to a late ward for one period of a regime; kept so that each goes out once."""

    regime = models.ForeignKey(Regime, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("regime"))
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="+", verbose_name=_("ward"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "ward", "period_start"], name="reminder_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.regime}: {self.ward} {self.period_start:%d/%m/%Y}"

    @property
    def period(self) -> DateRange:
        return DateRange(self.period_start, self.period_end)


from .archive_models import ArchiveStatus, PeriodArchive  # noqa: E402, F401 (registered with the app)
