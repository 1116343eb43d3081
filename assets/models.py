"""Public assets of a ward: the register of land and buildings (cơ sở nhà đất), equipment per unit, and
spending per period. Areas are whole m² and money whole đồng, as the ward's reports state them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wards.models import Ward
from wards.records import refuse_overlap

# Larger than any one public facility of a commune-level unit (100 ha of land, 20 ha of floor); a bigger
# figure is a typing mistake (an extra zero, or hectares typed as m²).
MAX_LAND_M2 = 1_000_000
MAX_FLOOR_M2 = 200_000
# A thousand billion đồng is beyond a ward's budget for any period.
MAX_AMOUNT = 10**15
MAX_EQUIPMENT_QUANTITY = 10_000


class FacilityUse(models.TextChoices):
    OFFICE = "office", _("Office of an agency or public service unit")
    POLICE = "police", _("Ward police")
    MILITARY = "military", _("Ward military command")
    SCHOOL = "school", _("School site")
    HEALTH = "health", _("Health station")
    SURPLUS = "surplus", _("Surplus")
    OTHER = "other", _("Other")


class Handling(models.TextChoices):
    """How far the handling of a surplus facility has gone (Nghị định 167/2017/NĐ-CP)."""

    NOT_HANDLED = "not_handled", _("Not handled")
    PLAN_PROPOSED = "plan_proposed", _("Plan proposed")
    HANDLED = "handled", _("Handled")


class Facility(models.Model):
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="facilities", verbose_name=_("ward"))
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    use = models.CharField(_("use"), max_length=20, choices=FacilityUse.choices)
    user_name = models.CharField(
        _("used by"), max_length=200, blank=True, help_text=_("The agency or unit that uses the facility.")
    )
    former_use = models.CharField(
        _("formerly"),
        max_length=200,
        blank=True,
        help_text=_("What the building was before the merger: trụ sở UBND phường Hương Chữ (cũ)."),
    )
    temporary = models.BooleanField(
        _("temporary arrangement"), default=False, help_text=_("The user occupies it for the time being.")
    )
    committee_seat = models.BooleanField(
        _("seat of the People's Committee"), default=False, help_text=_("Where the ward's committee works.")
    )
    land_m2 = models.PositiveIntegerField(
        _("land area (m²)"), validators=[MaxValueValidator(MAX_LAND_M2)], help_text=_("Whole square metres.")
    )
    floor_m2 = models.PositiveIntegerField(
        _("floor area (m²)"),
        validators=[MaxValueValidator(MAX_FLOOR_M2)],
        help_text=_("Whole square metres of building floor; 0 for bare land."),
    )
    surveyed = models.BooleanField(_("surveyed"), default=False, help_text=_("Measured and boundary marked."))
    cadastral_record = models.BooleanField(_("cadastral record"), default=False)
    handling = models.CharField(
        _("handling of the surplus"),
        max_length=20,
        choices=Handling.choices,
        blank=True,
        help_text=_("Only for a surplus facility."),
    )
    handling_plan = models.TextField(_("handling plan"), blank=True)
    handled_on = models.DateField(_("handled on"), null=True, blank=True)
    held_from = models.DateField(_("held from"), help_text=_("The date the ward took the facility over."))
    held_until = models.DateField(
        _("held until"), null=True, blank=True, help_text=_("The date the facility left the register, if it did.")
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["use", "name"]
        indexes = [models.Index(fields=["ward", "use"])]

    def __str__(self) -> str:
        return self.name

    @property
    def total_m2(self) -> int:
        return (self.land_m2 or 0) + (self.floor_m2 or 0)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.use == FacilityUse.SURPLUS:
            if not self.handling:
                errors["handling"] = _("Say how far the handling of this surplus facility has gone.")
            elif self.handling != Handling.NOT_HANDLED and not self.handling_plan.strip():
                errors["handling_plan"] = _("Describe the plan for a surplus facility whose plan is proposed or done.")
            if self.handling == Handling.HANDLED and self.handled_on is None:
                errors["handled_on"] = _("Give the date the facility was handled.")
            if self.handling != Handling.HANDLED and self.handled_on is not None:
                errors["handled_on"] = _("A handling date goes only with a handled facility.")
        else:
            if self.handling:
                errors["handling"] = _("Handling applies only to a surplus facility.")
            if self.handled_on is not None:
                errors["handled_on"] = _("A handling date goes only with a handled surplus facility.")
        if self.committee_seat and self.use != FacilityUse.OFFICE:
            errors["committee_seat"] = _("The committee sits in an office facility.")
        if self.committee_seat and self.ward_id:
            twin = Facility.objects.filter(ward_id=self.ward_id, committee_seat=True).exclude(pk=self.pk).first()
            if twin is not None:
                errors["committee_seat"] = _("The committee already sits in %(facility)s.") % {"facility": twin}
        if self.held_from and self.held_until and self.held_until < self.held_from:
            errors["held_until"] = _("The facility cannot leave the register before it entered it.")
        if errors:
            raise ValidationError(errors)


class EquipmentCondition(models.TextChoices):
    GOOD = "good", _("Good")
    WORN = "worn", _("Worn, still usable")
    BROKEN = "broken", _("Needs repair")


class EquipmentStatus(models.TextChoices):
    IN_PLACE = "in_place", _("In place")
    MISSING = "missing", _("Missing")
    ON_ORDER = "on_order", _("On order, not yet delivered")


class EquipmentItem(models.Model):
    """One kind of equipment of one unit (Máy tính: 08 bộ), or a kind the unit lacks."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="equipment", verbose_name=_("ward"))
    # A unit of the ward's organisation, not its name: renaming the centre must not lose its equipment.
    unit = models.ForeignKey(
        "staffing.OrgUnit",
        on_delete=models.PROTECT,
        related_name="equipment",
        verbose_name=_("unit"),
        help_text=_("The unit that uses the equipment."),
    )
    kind = models.CharField(_("equipment kind"), max_length=200)
    measure = models.CharField(_("counted in"), max_length=30, blank=True, help_text=_("bộ, cái, hệ thống ..."))
    quantity = models.PositiveIntegerField(
        _("quantity"), default=0, validators=[MaxValueValidator(MAX_EQUIPMENT_QUANTITY)]
    )
    condition = models.CharField(_("condition"), max_length=20, choices=EquipmentCondition.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EquipmentStatus.choices, default=EquipmentStatus.IN_PLACE
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the unit's list, as reports print it.")
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment")
        ordering = ["unit__order", "position", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "unit", "kind"], name="equipment_unique_kind_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.unit})"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.status == EquipmentStatus.IN_PLACE:
            if not self.quantity:
                errors["quantity"] = _("Equipment in place has a quantity of at least 1; otherwise mark it missing.")
            if not self.condition:
                errors["condition"] = _("Give the condition of equipment in place.")
        else:
            if self.quantity:
                errors["quantity"] = _("A missing item has no quantity in place.")
            if self.condition:
                errors["condition"] = _("A missing item has no condition.")
        if self.unit_id and self.ward_id and self.unit.ward_id != self.ward_id:
            errors["unit"] = _("The unit belongs to another ward.")
        if errors:
            raise ValidationError(errors)


class SpendingKind(models.TextChoices):
    DEVELOPMENT = "development", _("Development investment")
    RECURRENT = "recurrent", _("Recurrent spending")
    EQUIPMENT = "equipment", _("New machinery and equipment")


class Spending(models.Model):
    """Money spent over a period: a flow; entries of the same ward and kind do not overlap."""

    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="spending", verbose_name=_("ward"))
    kind = models.CharField(_("spending kind"), max_length=20, choices=SpendingKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    amount = models.BigIntegerField(
        _("amount (đồng)"), validators=[MinValueValidator(0), MaxValueValidator(MAX_AMOUNT)]
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        ordering = ["start", "kind"]
        indexes = [models.Index(fields=["ward", "kind", "start"])]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="spending_period")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})
        refuse_overlap(self, same=("ward", "kind"))
