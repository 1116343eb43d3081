"""Writes to the assets tables. Each function validates fully and runs in one transaction. The editable
fields come as one typed input per record (the ward is never among them, so a form cannot move a record
to another ward)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from django.db import models, transaction

from wards.locks import assert_unlocked
from wards.models import Ward
from wards.periods import DateRange, PeriodError
from wards.records import record_save
from wards.stale import assert_fresh

from .models import EquipmentItem, EquipmentStatus, Facility, Spending


# Keyword-only, in the order the forms show the fields.
@dataclass(frozen=True, kw_only=True)
class FacilityInput:
    name: str
    address: str = ""
    use: str
    user_name: str = ""
    land_m2: int
    floor_m2: int
    surveyed: bool = False
    cadastral_record: bool = False
    handling: str = ""
    handling_plan: str = ""
    handled_on: date | None = None
    held_from: date
    held_until: date | None = None
    former_use: str = ""
    temporary: bool = False
    committee_seat: bool = False
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class EquipmentInput:
    # A staffing.OrgUnit, reached through EquipmentItem's foreign key: assets does not import staffing.
    unit: models.Model
    kind: str
    measure: str = ""
    quantity: int
    condition: str = ""
    status: str = EquipmentStatus.IN_PLACE
    position: int = 0
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class SpendingInput:
    kind: str
    start: date
    end: date
    amount: int
    notes: str = ""


FACILITY_FIELDS = tuple(f.name for f in fields(FacilityInput))
EQUIPMENT_FIELDS = tuple(f.name for f in fields(EquipmentInput))
SPENDING_FIELDS = tuple(f.name for f in fields(SpendingInput))


def _facility_events(held_until: date | None, handled_on: date | None) -> list[date | None]:
    # The events that change a past report's figures: a facility handed over, a surplus one handled.
    # The takeover date is not among them: the register is completed with facilities held since the
    # ward was formed, which an approved report may not forbid.
    return [held_until, handled_on]


def facility_lock_dates(facility: Facility) -> list[date | None]:
    """The stored dates of a facility that a figure lock covers: when one is locked, no change of the
    facility is accepted (facility_update checks the stored events as well as the new ones)."""
    return _facility_events(facility.held_until, facility.handled_on)


def spending_lock_dates(spending: Spending) -> list[DateRange | None]:
    """The stored period of a spending entry, which a figure lock covers."""
    return [_spending_range(spending.start, spending.end)]


def _spending_range(start: date | None, end: date | None) -> DateRange | None:
    # An impossible range is left for full_clean to refuse with its own message.
    try:
        return DateRange(start, end) if start and end else None
    except PeriodError:
        return None


@transaction.atomic
def facility_create(*, ward: Ward, data: FacilityInput) -> Facility:
    assert_unlocked(ward, *_facility_events(data.held_until, data.handled_on))
    return record_save(Facility(ward=ward), asdict(data))


@transaction.atomic
def facility_update(*, facility: Facility, data: FacilityInput, version: str | None = None) -> Facility:
    """Raises StaleEdit when the facility changed after `version` (the page's) was read."""
    assert_fresh(version, Facility.objects.filter(pk=facility.pk), fields=FACILITY_FIELDS)
    stored = Facility.objects.filter(pk=facility.pk).values("held_until", "handled_on").first() or {}
    assert_unlocked(
        facility.ward_id,
        *_facility_events(data.held_until, data.handled_on),
        *_facility_events(stored.get("held_until"), stored.get("handled_on")),
    )
    return record_save(facility, asdict(data))


# Equipment is not dated: the register is the present inventory, with no as-of date or period, so no
# figure lock can say which report an item belongs to and equipment changes are never refused. An
# approved report keeps the counts it printed in its frozen PDF.
@transaction.atomic
def equipment_create(*, ward: Ward, data: EquipmentInput) -> EquipmentItem:
    return record_save(EquipmentItem(ward=ward), asdict(data))


@transaction.atomic
def equipment_update(*, item: EquipmentItem, data: EquipmentInput, version: str | None = None) -> EquipmentItem:
    assert_fresh(version, EquipmentItem.objects.filter(pk=item.pk), fields=EQUIPMENT_FIELDS)
    return record_save(item, asdict(data))


@transaction.atomic
def spending_create(*, ward: Ward, data: SpendingInput) -> Spending:
    # assert_unlocked takes the ward's row lock, so that two clerks saving overlapping periods at once
    # cannot both pass the overlap check either.
    assert_unlocked(ward, _spending_range(data.start, data.end))
    return record_save(Spending(ward=ward), asdict(data))


@transaction.atomic
def spending_update(*, spending: Spending, data: SpendingInput, version: str | None = None) -> Spending:
    assert_fresh(version, Spending.objects.filter(pk=spending.pk), fields=SPENDING_FIELDS)
    stored = Spending.objects.filter(pk=spending.pk).values("start", "end").first() or {}
    assert_unlocked(
        spending.ward_id, _spending_range(data.start, data.end), _spending_range(stored.get("start"), stored.get("end"))
    )
    return record_save(spending, asdict(data))
