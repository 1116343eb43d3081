"""Staffing of a ward: its organisation units, the job positions (vị trí việc làm) with their quotas,
headcount snapshots at a date per unit, and the staffing needs the units state.

Unit and position names are Vietnamese data (they are printed in reports), not gettext strings.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.models import Ward

# No ward unit holds more people than this; a larger number is a typing mistake.
MAX_PEOPLE = 2_000


def people_field(verbose_name: str, **kwargs: object) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(verbose_name, default=0, validators=[MaxValueValidator(MAX_PEOPLE)], **kwargs)


class UnitKind(models.TextChoices):
    LEADERSHIP = "leadership", _("Leadership of the People's Council and Committee")
    AGENCY = "agency", _("Specialised agency")
    ADMINISTRATIVE = "administrative", _("Administrative organisation")
    PUBLIC_SERVICE = "public_service", _("Public service unit")
    SCHOOL = "school", _("School")
    MILITARY = "military", _("Military command")


class SchoolLevel(models.TextChoices):
    # Values are the Vietnamese words of report text ("03 trường Mầm non").
    PRESCHOOL = "Mầm non", _("Preschool")
    PRIMARY = "Tiểu học", _("Primary school")
    LOWER_SECONDARY = "THCS", _("Lower secondary school")


class OrgUnit(models.Model):
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="org_units", verbose_name=_("ward"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    school_level = models.CharField(
        _("school level"), max_length=20, choices=SchoolLevel.choices, blank=True, help_text=_("Schools only.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=[MaxValueValidator(999)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["ward", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["ward", "name"], name="staffing_unit_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == UnitKind.SCHOOL and not self.school_level:
            raise ValidationError({"school_level": _("Give the level of the school.")})
        if self.kind != UnitKind.SCHOOL and self.school_level:
            raise ValidationError({"school_level": _("Only schools have a level.")})


class PositionCategory(models.TextChoices):
    LEADERSHIP = "leadership", _("Leadership and management")
    PROFESSIONAL = "professional", _("Professional")


class JobPosition(models.Model):
    """A job position (vị trí việc làm) with its quota of posts and the posts filled. A position
    without a unit is shared by the specialised agencies (dùng chung)."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="job_positions", verbose_name=_("ward"))
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("unit"),
        help_text=_("Empty for a position shared by the agencies."),
    )
    name = models.CharField(_("position"), max_length=300)
    category = models.CharField(_("category"), max_length=20, choices=PositionCategory.choices)
    quota = people_field(_("quota"))
    filled = people_field(_("filled"))
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=[MaxValueValidator(999)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("job position")
        verbose_name_plural = _("job positions")
        ordering = ["ward", "unit__order", "category", "order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def short(self) -> int:
        return max(self.quota - self.filled, 0)

    @property
    def over_quota(self) -> bool:
        """Filled above quota is allowed (people may be kept on while a quota is cut) but flagged."""
        return self.filled > self.quota

    def clean(self) -> None:
        if self.unit_id and self.ward_id and self.unit.ward_id != self.ward_id:
            raise ValidationError({"unit": _("The unit belongs to another ward.")})


class HeadcountSnapshot(models.Model):
    """Who works where on one date. Units without a line count zero on that date."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="headcounts", verbose_name=_("ward"))
    on = models.DateField(_("date"))
    non_specialised_workers = people_field(
        _("non-specialised workers in post"), help_text=_("Người hoạt động không chuyên trách still working.")
    )
    non_specialised_left = people_field(
        _("non-specialised workers who left under Decree 154"),
        help_text=_("Counted since the ward was formed."),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("headcount snapshot")
        verbose_name_plural = _("headcount snapshots")
        ordering = ["ward", "on"]
        constraints = [models.UniqueConstraint(fields=["ward", "on"], name="staffing_snapshot_unique_date")]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}"


class HeadcountLine(models.Model):
    """One unit on one date, broken down twice: by role and by employment status. `total` counts the
    unit's own people, those seconded out included; people seconded in from elsewhere are counted
    apart so that nobody is counted in two units."""

    snapshot = models.ForeignKey(
        HeadcountSnapshot, on_delete=models.CASCADE, related_name="lines", verbose_name=_("snapshot")
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="headcounts", verbose_name=_("unit"))
    total = people_field(_("total"))
    heads = people_field(_("heads"))
    deputies = people_field(_("deputies"))
    specialists = people_field(_("specialists and other staff"))
    civil_servants = people_field(_("officials and civil servants"))
    public_employees = people_field(_("public employees"))
    contract_workers = people_field(_("contract workers"))
    seconded_out = people_field(_("seconded out"))
    seconded_in = people_field(_("seconded in"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("headcount line")
        verbose_name_plural = _("headcount lines")
        ordering = ["snapshot", "unit__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "unit"], name="staffing_line_unique_unit")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.total}"

    def clean(self) -> None:
        errors = breakdown_errors(
            total=self.total,
            by_role=(self.heads, self.deputies, self.specialists),
            by_status=(self.civil_servants, self.public_employees, self.contract_workers),
            seconded_out=self.seconded_out,
        )
        if self.snapshot_id and self.unit_id and self.unit.ward_id != self.snapshot.ward_id:
            errors["unit"] = _("The unit belongs to another ward.")
        if errors:
            raise ValidationError(errors)


def breakdown_errors(
    *, total: int, by_role: tuple[int, int, int], by_status: tuple[int, int, int], seconded_out: int
) -> dict[str, str]:
    """The add-up rules of a headcount line, shared by the model and the entry form."""
    errors: dict[str, str] = {}
    if sum(by_role) != total:
        errors["specialists"] = _("Heads, deputies and other staff add up to %(sum)s, not to the total %(total)s.") % {
            "sum": sum(by_role),
            "total": total,
        }
    if sum(by_status) != total:
        errors["contract_workers"] = _(
            "Civil servants, public employees and contract workers add up to %(sum)s, not to the total %(total)s."
        ) % {"sum": sum(by_status), "total": total}
    if seconded_out > total:
        errors["seconded_out"] = _("More people seconded out than the unit has.")
    return errors


class StaffingNeed(models.Model):
    """People a unit asks for (for example two preventive-medicine doctors for the health station)."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="staffing_needs", verbose_name=_("ward"))
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="needs", verbose_name=_("unit"))
    position = models.CharField(_("position needed"), max_length=200)
    count = models.PositiveIntegerField(_("number"), validators=[MaxValueValidator(MAX_PEOPLE)])
    stated_on = models.DateField(_("stated on"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staffing need")
        verbose_name_plural = _("staffing needs")
        ordering = ["ward", "unit__order", "pk"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.count} {self.position}"

    def clean(self) -> None:
        if self.count == 0:
            raise ValidationError({"count": _("A need is at least one person.")})
        if self.unit_id and self.ward_id and self.unit.ward_id != self.ward_id:
            raise ValidationError({"unit": _("The unit belongs to another ward.")})
