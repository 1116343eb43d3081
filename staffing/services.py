"""Writes to the staffing tables. Each function validates fully and runs in one transaction, so a
snapshot or a table is saved whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wards.models import Ward

from .models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffingNeed


@transaction.atomic
def org_unit_upsert(*, ward: Ward, name: str, kind: str, school_level: str = "", order: int = 0) -> OrgUnit:
    unit = OrgUnit.objects.filter(ward=ward, name=name).first() or OrgUnit(ward=ward, name=name)
    unit.kind = kind
    unit.school_level = school_level
    unit.order = order
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def job_position_upsert(
    *, ward: Ward, unit: OrgUnit | None, name: str, category: str, quota: int, filled: int, order: int = 0
) -> JobPosition:
    """Create the position, or update the one with the same unit and name."""
    position = JobPosition.objects.filter(ward=ward, unit=unit, name=name).first() or JobPosition(
        ward=ward, unit=unit, name=name
    )
    position.category = category
    position.quota = quota
    position.filled = filled
    position.order = order
    position.full_clean()
    position.save()
    return position


@transaction.atomic
def staffing_need_upsert(*, ward: Ward, unit: OrgUnit, position: str, count: int, stated_on: date) -> StaffingNeed:
    need = StaffingNeed.objects.filter(ward=ward, unit=unit, position=position).first() or StaffingNeed(
        ward=ward, unit=unit, position=position
    )
    need.count = count
    need.stated_on = stated_on
    need.full_clean()
    need.save()
    return need


@transaction.atomic
def ward_table_save(
    *,
    ward: Ward,
    saved: Iterable[OrgUnit | JobPosition | StaffingNeed],
    deleted: Iterable[OrgUnit | JobPosition | StaffingNeed],
) -> None:
    """Save the rows of one edited table of the ward (units, positions or needs) and delete the rows
    marked for deletion. Rows of another ward are refused, whatever the form sent."""
    for row in deleted:
        if row.pk is not None:
            if row.ward_id != ward.pk:
                raise ValidationError("row of another ward")
            row.delete()
    for row in saved:
        if row.pk is not None and type(row).objects.filter(pk=row.pk).exclude(ward=ward).exists():
            raise ValidationError("row of another ward")
        row.ward = ward
        row.full_clean()
        row.save()


@dataclass(frozen=True)
class LineInput:
    unit: OrgUnit
    total: int = 0
    heads: int = 0
    deputies: int = 0
    specialists: int = 0
    civil_servants: int = 0
    public_employees: int = 0
    contract_workers: int = 0
    seconded_out: int = 0
    seconded_in: int = 0

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "unit")


COUNT_FIELDS = tuple(f.name for f in fields(LineInput) if f.name != "unit")


@transaction.atomic
def headcount_snapshot_save(
    *,
    ward: Ward,
    on: date,
    non_specialised_workers: int,
    non_specialised_left: int,
    note: str = "",
    lines: Sequence[LineInput],
    replacing: date | None = None,
) -> HeadcountSnapshot:
    """Save the snapshot of `ward` at `on` with one line per unit; a unit whose line is all zero gets
    no line. `replacing` is the date of the snapshot being edited, when the date itself changes."""
    snapshot = HeadcountSnapshot.objects.filter(ward=ward, on=replacing or on).first() or HeadcountSnapshot(ward=ward)
    if HeadcountSnapshot.objects.filter(ward=ward, on=on).exclude(pk=snapshot.pk).exists():
        raise ValidationError({"on": ValidationError(_("There is already a snapshot at this date."), code="duplicate")})
    snapshot.on = on
    snapshot.non_specialised_workers = non_specialised_workers
    snapshot.non_specialised_left = non_specialised_left
    snapshot.note = note
    snapshot.full_clean()
    snapshot.save()
    existing = {line.unit_id: line for line in snapshot.lines.all()}
    for data in lines:
        if data.unit.ward_id != ward.pk:
            raise ValidationError("unit of another ward")
        line = existing.pop(data.unit.pk, None)
        if data.is_empty:
            if line is not None:
                line.delete()
            continue
        line = line or HeadcountLine(snapshot=snapshot, unit=data.unit)
        for name in COUNT_FIELDS:
            setattr(line, name, getattr(data, name))
        line.full_clean()
        line.save()
    return snapshot
