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
    """What a unit is. Reports find the units they describe by kind, never by name, so a renamed unit keeps
    its figures."""

    LEADERSHIP = "leadership", _("Leadership of the People's Council and Committee")
    AGENCY = "agency", _("Specialised agency")
    ONE_STOP_CENTRE = "one_stop_centre", _("Public administration service centre (one-stop)")
    SERVICE_CENTRE = "service_centre", _("Public service centre")
    HEALTH_STATION = "health_station", _("Health station")
    PUBLIC_SERVICE = "public_service", _("Other public service unit")
    SCHOOL = "school", _("School")
    MILITARY = "military", _("Military command")
    PARTY_ORGAN = "party_organ", _("Organ of the Party committee")


# A ward has at most one unit of these kinds: the report text speaks of "the" centre, "the" station.
SINGLE_KINDS = (UnitKind.LEADERSHIP, UnitKind.ONE_STOP_CENTRE, UnitKind.SERVICE_CENTRE, UnitKind.HEALTH_STATION)


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
    head_title = models.CharField(
        _("title of the head"), max_length=100, blank=True, help_text=_("Trưởng phòng, Chánh Văn phòng, Giám đốc ...")
    )
    deputy_title = models.CharField(
        _("title of a deputy"), max_length=100, blank=True, help_text=_("Phó Trưởng phòng, Phó Giám đốc ...")
    )
    origin = models.CharField(
        _("taken over from"),
        max_length=200,
        blank=True,
        help_text=_("The body the unit was handed over from as it stood, if any."),
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
        if self.kind in SINGLE_KINDS and self.ward_id:
            twin = OrgUnit.objects.filter(ward_id=self.ward_id, kind=self.kind).exclude(pk=self.pk).first()
            if twin is not None:
                message = _("The ward already has a unit of this kind: %(unit)s.") % {"unit": twin}
                raise ValidationError({"kind": message})


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
    placed_in = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shared_positions",
        verbose_name=_("holder works in"),
        help_text=_("For a shared position: the unit its holder works in."),
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
        if self.placed_in_id and self.unit_id:
            raise ValidationError({"placed_in": _("Only a shared position is placed in a unit.")})
        if self.placed_in_id and self.ward_id and self.placed_in.ward_id != self.ward_id:
            raise ValidationError({"placed_in": _("The unit belongs to another ward.")})


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
    non_specialised_left_from = models.DateField(
        _("leaving under Decree 154 since"), null=True, blank=True, help_text=_("The date the first of them left.")
    )
    includes_military = models.BooleanField(
        _("military command counted"),
        default=True,
        help_text=_(
            "Whether this count of civil servants includes the ward military command. When it does not, the "
            "command has no line on this date and reports say the count excludes it."
        ),
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
        left_out = self.snapshot_id and not self.snapshot.includes_military
        if left_out and self.unit_id and self.unit.kind == UnitKind.MILITARY:
            errors["unit"] = _("This count leaves the military command out; it has no line on this date.")
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


class FunctionStatus(models.TextChoices):
    STAFF = "staff", _("on the unit's staff")
    CONCURRENT = "concurrent", _("holds the post concurrently (counted in another unit)")
    HELPER = "helper", _("helper who is not staff (from another employer)")


class StaffFunction(models.Model):
    """How a unit's people are deployed on one date, by function (Bộ phận tiếp nhận hồ sơ: 03), with the
    people who work there without being its staff: a vice chairman directing the centre concurrently, a
    post-office clerk helping at the counter. The list of a unit in force on a date is the one of its
    latest date on or before it."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="staff_functions", verbose_name=_("ward"))
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="functions", verbose_name=_("unit"))
    on = models.DateField(_("date"))
    name = models.CharField(_("function"), max_length=300, help_text=_("Bộ phận số hóa hồ sơ, Phó Giám đốc ..."))
    count = models.PositiveIntegerField(_("people"), validators=[MaxValueValidator(MAX_PEOPLE)])
    leadership = models.BooleanField(_("leadership"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=FunctionStatus.choices, default=FunctionStatus.STAFF)
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=[MaxValueValidator(999)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff function")
        verbose_name_plural = _("staff by function")
        ordering = ["ward", "unit__order", "on", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "on", "name"], name="staffing_function_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.name} {self.count}"

    def clean(self) -> None:
        if self.count == 0:
            raise ValidationError({"count": _("A function is held by at least one person.")})
        if self.unit_id and self.ward_id and self.unit.ward_id != self.ward_id:
            raise ValidationError({"unit": _("The unit belongs to another ward.")})
        if self.status == FunctionStatus.HELPER and self.leadership:
            raise ValidationError({"leadership": _("A helper who is not staff does not lead the unit.")})
