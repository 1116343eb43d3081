"""Administrative procedure (TTHC) figures: the fields (lĩnh vực), case volumes per ward, field and
period, and the ward's procedure catalogue at a date. Only raw counts are stored; every rate is
computed in `figures.py` (Quyết định 766/QĐ-TTg)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.models import Ward
from wards.periods import DateRange
from wards.records import refuse_overlap

# No ward receives this many cases of one field in one entry; a bigger number is a typing mistake.
MAX_COUNT = 100_000
# An entry covers a week or a month; a whole year at once is allowed, anything longer is a mistake.
MAX_ENTRY_DAYS = 366

# Cases received in the period, how they were received and what became of them. Flows are summed
# over a range; the status columns are a snapshot at the end of the period (DESIGN §4).
FLOW_FIELDS = (
    "received",
    "received_online",
    "resolved_on_time",
    "resolved_late",
    "digitised",
    "e_results",
    "paid_online",
    "fee_bearing",
)
STATUS_FIELDS = (
    "in_progress_on_time",
    "in_progress_overdue",
    "returned_for_supplement",
    "awaiting_return",
    "returned",
    "awaiting_issuance",
)
# The statuses of a case that has been decided: the result exists, whether or not handed over yet.
RESOLVED_STATUSES = ("awaiting_return", "returned", "awaiting_issuance")
COUNT_FIELDS = (
    "received",
    "received_online",
    "carried_over",
    *STATUS_FIELDS,
    "resolved_on_time",
    "resolved_late",
    "digitised",
    "e_results",
    "fee_bearing",
    "paid_online",
)


class ProcedureField(models.Model):
    """A lĩnh vực of administrative procedures; the name is Vietnamese data, as in the reports."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("procedure field")
        verbose_name_plural = _("procedure fields")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


def count_field(label: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(MAX_COUNT)])


class CaseVolume(models.Model):
    """The cases of one field handled by a ward's one-stop centre in one period (both ends inclusive)."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="case_volumes", verbose_name=_("ward"))
    field = models.ForeignKey(
        ProcedureField, on_delete=models.PROTECT, related_name="case_volumes", verbose_name=_("field")
    )
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"))
    received = count_field(_("received"))
    received_online = count_field(_("received online"))
    # Cases received before the period and still open at its start (column 6 of form II.06a): never
    # counted again as received, but resolved or still in progress here, so they join the statuses.
    carried_over = count_field(_("carried over from the previous period"))
    in_progress_on_time = count_field(_("in progress, within the deadline"))
    in_progress_overdue = count_field(_("in progress, overdue"))
    returned_for_supplement = count_field(_("returned for supplement"))
    awaiting_return = count_field(_("awaiting return"))
    returned = count_field(_("returned"))
    awaiting_issuance = count_field(_("awaiting issuance"))
    resolved_on_time = count_field(_("resolved on time"))
    resolved_late = count_field(_("resolved late"))
    digitised = count_field(_("digitised"))
    e_results = count_field(_("results issued electronically"))
    fee_bearing = count_field(_("fee-bearing"))
    paid_online = count_field(_("paid online"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case volume")
        verbose_name_plural = _("case volumes")
        ordering = ["-start", "field__position"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "field", "start"], name="procedures_casevolume_unique_start"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="procedures_casevolume_order"),
        ]
        indexes = [models.Index(fields=["ward", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.field} {self.period.label()}"

    @property
    def period(self) -> DateRange:
        return DateRange(self.start, self.end)

    @property
    def resolved(self) -> int:
        return self.resolved_on_time + self.resolved_late

    @property
    def status_total(self) -> int:
        return sum(getattr(self, name) for name in STATUS_FIELDS)

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}

        def refuse(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        if self.start and self.end:
            if self.end < self.start:
                refuse("end", _("The end date is before the start date."))
            elif (self.end - self.start).days + 1 > MAX_ENTRY_DAYS:
                refuse("end", _("An entry covers at most one year."))
        counts = {name: getattr(self, name) or 0 for name in COUNT_FIELDS}
        for whole, part, message in (
            ("received", "received_online", _("Received online cannot exceed received.")),
            ("received", "digitised", _("Digitised cannot exceed received.")),
            ("received", "fee_bearing", _("Fee-bearing cases cannot exceed received.")),
            ("fee_bearing", "paid_online", _("Paid online cannot exceed the fee-bearing cases.")),
        ):
            if counts[part] > counts[whole]:
                refuse(part, message)
        status_total = sum(counts[name] for name in STATUS_FIELDS)
        if status_total != counts["received"] + counts["carried_over"]:
            values = {"statuses": status_total, "received": counts["received"], "carried": counts["carried_over"]}
            refuse(
                "received",
                _(
                    "The statuses add up to %(statuses)s, not to the %(received)s cases received and "
                    "%(carried)s carried over."
                )
                % values
                if counts["carried_over"]
                else _("The statuses add up to %(statuses)s, not to the %(received)s cases received.") % values,
            )
        resolved = counts["resolved_on_time"] + counts["resolved_late"]
        decided = sum(counts[name] for name in RESOLVED_STATUSES)
        if resolved != decided:
            refuse(
                "resolved_on_time",
                _(
                    "On time + late = %(resolved)s, but returned, awaiting return and awaiting issuance "
                    "add up to %(decided)s."
                )
                % {"resolved": resolved, "decided": decided},
            )
        if counts["e_results"] > resolved:
            refuse("e_results", _("Electronic results cannot exceed the cases resolved."))
        if "end" not in errors:
            try:
                refuse_overlap(self, same=("ward", "field"))
            except ValidationError as error:
                errors.setdefault("start", []).extend(error.message_dict["start"])
        if errors:
            raise ValidationError(errors)


class FieldAlias(models.Model):
    """A name the one-stop system gives one of our fields ("Lĩnh vực Chứng thực" for "Chứng thực"),
    remembered per ward so that the next import of form II.06a matches it without asking."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="field_aliases", verbose_name=_("ward"))
    name = models.CharField(_("name in the one-stop system"), max_length=300)
    field = models.ForeignKey(
        ProcedureField, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("our field")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("field name mapping")
        verbose_name_plural = _("field name mappings")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["ward", "name"], name="procedures_fieldalias_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} → {self.field}"


class ProcedureCatalogue(models.Model):
    """The procedures a ward offers at a date (a stock): counts from the national public-service portal."""

    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, related_name="procedure_catalogues", verbose_name=_("ward")
    )
    as_of = models.DateField(_("as of"))
    procedures = models.PositiveIntegerField(_("procedures at commune level"), validators=[MaxValueValidator(5_000)])
    fully_online = models.PositiveIntegerField(_("fully online"), validators=[MaxValueValidator(5_000)])
    partly_online = models.PositiveIntegerField(_("partly online"), validators=[MaxValueValidator(5_000)])
    eligible_fully_online = models.PositiveIntegerField(
        _("eligible to be fully online"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5_000)],
        help_text=_("Procedures that meet the conditions to be offered fully online; empty when not known."),
    )
    boundary_free_cases = models.PositiveIntegerField(
        _("cases handled regardless of boundary"), default=0, validators=[MaxValueValidator(MAX_COUNT)]
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("procedure catalogue")
        verbose_name_plural = _("procedure catalogues")
        ordering = ["-as_of"]
        constraints = [models.UniqueConstraint(fields=["ward", "as_of"], name="procedures_catalogue_unique_date")]

    def __str__(self) -> str:
        return f"{self.ward} {self.as_of:%d/%m/%Y}"

    def clean(self) -> None:
        if (self.fully_online or 0) + (self.partly_online or 0) > (self.procedures or 0):
            raise ValidationError(
                {
                    "partly_online": _(
                        "Fully and partly online procedures cannot exceed the procedures at commune level."
                    )
                }
            )
        if self.eligible_fully_online is not None and (self.fully_online or 0) > self.eligible_fully_online:
            raise ValidationError(
                {"eligible_fully_online": _("More procedures are offered fully online than are eligible.")}
            )
