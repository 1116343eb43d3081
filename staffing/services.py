"""Writes to the staffing tables. Each function validates fully and runs in one transaction, so a
snapshot or a table is saved whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from wards.locks import assert_unlocked
from wards.models import Ward
from wards.records import record_save, record_upsert
from wards.stale import Watched, assert_fresh

from .models import FunctionStatus, HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffFunction, StaffingNeed


@transaction.atomic
def org_unit_upsert(
    *,
    ward: Ward,
    name: str,
    kind: str,
    school_level: str = "",
    order: int = 0,
    head_title: str = "",
    deputy_title: str = "",
    origin: str = "",
) -> OrgUnit:
    return record_upsert(
        OrgUnit,
        lookup={"ward": ward, "name": name},
        values={
            "kind": kind,
            "school_level": school_level,
            "order": order,
            "head_title": head_title,
            "deputy_title": deputy_title,
            "origin": origin,
        },
    )


@transaction.atomic
def job_position_upsert(
    *,
    ward: Ward,
    unit: OrgUnit | None,
    name: str,
    category: str,
    quota: int,
    filled: int,
    order: int = 0,
    placed_in: OrgUnit | None = None,
) -> JobPosition:
    """Create the position, or update the one with the same unit and name."""
    return record_upsert(
        JobPosition,
        lookup={"ward": ward, "unit": unit, "name": name},
        values={"category": category, "quota": quota, "filled": filled, "order": order, "placed_in": placed_in},
    )


@transaction.atomic
def staffing_need_upsert(*, ward: Ward, unit: OrgUnit, position: str, count: int, stated_on: date) -> StaffingNeed:
    stored = StaffingNeed.objects.filter(ward=ward, unit=unit, position=position).values_list("stated_on", flat=True)
    assert_unlocked(ward, stated_on, stored.first())
    return record_upsert(
        StaffingNeed,
        lookup={"ward": ward, "unit": unit, "position": position},
        values={"count": count, "stated_on": stated_on},
    )


@transaction.atomic
def ward_table_save(
    *,
    ward: Ward,
    saved: Iterable[OrgUnit | JobPosition | StaffingNeed | StaffFunction],
    deleted: Iterable[OrgUnit | JobPosition | StaffingNeed | StaffFunction],
    version: str | None = None,
    table: Watched | None = None,
) -> None:
    """Save the rows of one edited table of the ward (units, positions, needs or functions) and delete the rows
    marked for deletion. Rows of another ward are refused, whatever the form sent. With `version`, raises
    StaleEdit when the `table` (the ward's rows, the form's fields) changed after the page was read."""
    if version is not None and table is not None:
        # The ward's row lock: a row another save is adding to the table waits for this one.
        assert_unlocked(ward)
        assert_fresh(version, [table])
    for row in deleted:
        if row.pk is not None:
            if row.ward_id != ward.pk:
                raise ValidationError(_("A row of another ward was sent; nothing was saved."))
            if isinstance(row, StaffingNeed):
                assert_unlocked(ward, row.stated_on)
            row.delete()
    for row in saved:
        if row.pk is not None and type(row).objects.filter(pk=row.pk).exclude(ward=ward).exists():
            raise ValidationError(_("A row of another ward was sent; nothing was saved."))
        row.ward = ward
        if isinstance(row, StaffingNeed):
            stored = StaffingNeed.objects.filter(pk=row.pk).values_list("stated_on", flat=True).first()
            assert_unlocked(ward, row.stated_on, stored)
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
SNAPSHOT_FIELDS = (
    "on",
    "non_specialised_workers",
    "non_specialised_left",
    "non_specialised_left_from",
    "includes_military",
    "note",
)


def snapshot_parts(ward: Ward, on: date) -> list[Watched]:
    """What the snapshot form at `on` edits: the snapshot and its lines (named by their unit)."""
    return [
        Watched(HeadcountSnapshot.objects.filter(ward=ward, on=on), SNAPSHOT_FIELDS),
        Watched(
            HeadcountLine.objects.filter(snapshot__ward=ward, snapshot__on=on),
            COUNT_FIELDS,
            lambda line: str(line.unit),
        ),
    ]


def table_part(model: type[models.Model], ward: Ward, fields: Sequence[str]) -> Watched:
    """What a table form of the ward edits: all its rows of `model`, the form's fields."""
    return Watched(model._default_manager.filter(ward=ward), tuple(fields))


@transaction.atomic
def headcount_snapshot_save(
    *,
    ward: Ward,
    on: date,
    non_specialised_workers: int,
    non_specialised_left: int,
    non_specialised_left_from: date | None = None,
    includes_military: bool = True,
    note: str = "",
    lines: Sequence[LineInput],
    replacing: date | None = None,
    version: str | None = None,
) -> HeadcountSnapshot:
    """Save the snapshot of `ward` at `on` with one line per unit; a unit whose line is all zero gets
    no line. `replacing` is the date of the snapshot being edited, when the date itself changes.
    Raises StaleEdit when that snapshot changed after `version` (the page's) was read."""
    assert_unlocked(ward, on, replacing)
    assert_fresh(version, snapshot_parts(ward, replacing or on))
    snapshot = HeadcountSnapshot.objects.filter(ward=ward, on=replacing or on).first() or HeadcountSnapshot(ward=ward)
    if HeadcountSnapshot.objects.filter(ward=ward, on=on).exclude(pk=snapshot.pk).exists():
        raise ValidationError({"on": ValidationError(_("There is already a snapshot at this date."), code="duplicate")})
    record_save(
        snapshot,
        {
            "on": on,
            "non_specialised_workers": non_specialised_workers,
            "non_specialised_left": non_specialised_left,
            "non_specialised_left_from": non_specialised_left_from,
            "includes_military": includes_military,
            "note": note,
        },
    )
    existing = {line.unit_id: line for line in snapshot.lines.all()}
    for data in lines:
        if data.unit.ward_id != ward.pk:
            raise ValidationError("unit of another ward")
        line = existing.pop(data.unit.pk, None)
        if data.is_empty:
            if line is not None:
                line.delete()
            continue
        record_save(
            line or HeadcountLine(snapshot=snapshot, unit=data.unit), {n: getattr(data, n) for n in COUNT_FIELDS}
        )
    return snapshot


@dataclass(frozen=True)
class FunctionInput:
    name: str
    count: int
    leadership: bool = False
    status: str = FunctionStatus.STAFF


@transaction.atomic
def staff_functions_save(*, ward: Ward, unit: OrgUnit, on: date, functions: Sequence[FunctionInput]) -> int:
    """Replace the list of `unit` on `on` by `functions`, in their order; all or nothing."""
    if unit.ward_id != ward.pk:
        raise ValidationError("unit of another ward")
    StaffFunction.objects.filter(ward=ward, unit=unit, on=on).delete()
    for order, data in enumerate(functions):
        row = StaffFunction(
            ward=ward,
            unit=unit,
            on=on,
            name=data.name,
            count=data.count,
            leadership=data.leadership,
            status=data.status,
            order=order,
        )
        row.full_clean()
        row.save()
    return len(functions)
