"""Writes of TTHC figures. A week is planned as a whole (every row validated, nothing written), then
saved in one transaction, so that the web form and the Excel upload save all rows or none."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import QuerySet

from wards.locks import FiguresLocked, assert_unlocked, lock_covering, lock_message
from wards.models import Ward
from wards.periods import DateRange
from wards.records import record_save, record_upsert
from wards.stale import assert_fresh

from .form06a import normal
from .models import COUNT_FIELDS, CaseVolume, FieldAlias, ProcedureCatalogue, ProcedureField

Counts = Mapping[str, int]


@dataclass
class RowPlan:
    field: ProcedureField
    entry: CaseVolume
    before: dict[str, int] | None  # None: a new entry
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def action(self) -> str:
        if self.before is None:
            return "create"
        return "change" if self.changes else "keep"

    @property
    def changes(self) -> dict[str, tuple[int, int]]:
        before = self.before or dict.fromkeys(COUNT_FIELDS, 0)
        return {
            name: (before[name], getattr(self.entry, name))
            for name in COUNT_FIELDS
            if before[name] != getattr(self.entry, name)
        }


@dataclass
class WeekPlan:
    period: DateRange
    rows: list[RowPlan]

    @property
    def valid(self) -> bool:
        return not any(row.errors for row in self.rows)

    @property
    def errors(self) -> dict[int, dict[str, list[str]]]:
        """Field id → form field → messages."""
        return {row.field.pk: row.errors for row in self.rows if row.errors}


class WeekRejected(ValidationError):
    def __init__(self, plan: WeekPlan) -> None:
        super().__init__("; ".join(f"{row.field}: {row.errors}" for row in plan.rows if row.errors))
        self.plan = plan


def week_rows(ward: Ward, period: DateRange) -> QuerySet[CaseVolume]:
    """The stored rows of the week form: what its version is read from."""
    return CaseVolume.objects.filter(ward=ward, start=period.start, end=period.end)


def week_plan(
    *, ward: Ward, period: DateRange, rows: Mapping[ProcedureField, Counts], is_demo: bool = False
) -> WeekPlan:
    """What saving `rows` for `period` would do, each row validated; nothing is written. An existing
    entry of the same field and exactly this period is updated; any other overlap is refused. In a
    range frozen by an approved report every row carries the lock's reason."""
    lock = lock_covering(ward, period)
    existing = {
        entry.field_id: entry
        for entry in CaseVolume.objects.filter(ward=ward, start=period.start, end=period.end, field__in=list(rows))
    }
    plans = []
    for procedure_field, counts in rows.items():
        entry = existing.get(procedure_field.pk)
        before = {name: getattr(entry, name) for name in COUNT_FIELDS} if entry else None
        if entry is None:
            entry = CaseVolume(ward=ward, field=procedure_field, start=period.start, end=period.end)
        for name in COUNT_FIELDS:
            setattr(entry, name, counts.get(name, 0))
        entry.is_demo = is_demo
        plan = RowPlan(field=procedure_field, entry=entry, before=before)
        try:
            entry.full_clean()
        except ValidationError as error:
            plan.errors = error.message_dict
        if lock is not None:
            plan.errors.setdefault(NON_FIELD_ERRORS, []).append(lock_message(lock))
        plans.append(plan)
    return WeekPlan(period=period, rows=plans)


@transaction.atomic
def week_save(
    *,
    ward: Ward,
    period: DateRange,
    rows: Mapping[ProcedureField, Counts],
    is_demo: bool = False,
    version: str | None = None,
) -> WeekPlan:
    """Save every row of the period or none: raises WeekRejected (carrying the plan) on any error, and
    StaleEdit when the week changed after `version` (the page's) was read."""
    # The ward's row lock before planning, so an approval committing now is seen, and a week saved
    # at the same moment waits for this one; the plan itself reports a lock row by row, as the Excel
    # dry run shows it.
    with contextlib.suppress(FiguresLocked):
        assert_unlocked(ward, period)
    assert_fresh(version, week_rows(ward, period), fields=COUNT_FIELDS, label=lambda entry: str(entry.field))
    plan = week_plan(ward=ward, period=period, rows=rows, is_demo=is_demo)
    if not plan.valid:
        raise WeekRejected(plan)
    for row in plan.rows:
        if row.action != "keep":
            row.entry.save()
    return plan


@transaction.atomic
def field_upsert(*, name: str, position: int) -> ProcedureField:
    return record_upsert(ProcedureField, lookup={"name": name}, values={"position": position})


CATALOGUE_FIELDS = (
    "as_of",
    "procedures",
    "fully_online",
    "partly_online",
    "eligible_fully_online",
    "boundary_free_cases",
)


def catalogue_rows(ward: Ward) -> QuerySet[ProcedureCatalogue]:
    """The rows the catalogue page shows, whose version its form carries (wards.stale)."""
    return ProcedureCatalogue.objects.filter(ward=ward)


@transaction.atomic
def catalogue_save(
    *,
    ward: Ward,
    as_of: date,
    procedures: int,
    fully_online: int,
    partly_online: int,
    boundary_free_cases: int,
    eligible_fully_online: int | None = None,
    is_demo: bool = False,
    version: str | None = None,
) -> ProcedureCatalogue:
    """Record the catalogue at a date, replacing what was recorded for that date. The page shows the
    ward's catalogue table and may replace a row of it: a save from a page read before the table changed
    (`version`, catalogue_version) raises StaleEdit, so that nobody replaces figures they have not seen,
    and of two people saving the same date at once one is refused (the ward's lock orders them; the
    unique date holds in the database anyway)."""
    assert_unlocked(ward, as_of)
    assert_fresh(version, catalogue_rows(ward), fields=CATALOGUE_FIELDS)
    return record_upsert(
        ProcedureCatalogue,
        lookup={"ward": ward, "as_of": as_of},
        values={
            "procedures": procedures,
            "fully_online": fully_online,
            "partly_online": partly_online,
            "boundary_free_cases": boundary_free_cases,
            "eligible_fully_online": eligible_fully_online,
            "is_demo": is_demo,
        },
    )


@transaction.atomic
def field_alias_save(*, ward: Ward, name: str, field: ProcedureField) -> FieldAlias:
    """Remember that the one-stop system's `name` is our `field` for this ward; a name already
    remembered (written with other capitals or spacing) is pointed at `field` instead."""
    name = " ".join(name.split())
    existing = next(
        (alias for alias in FieldAlias.objects.filter(ward=ward) if normal(alias.name) == normal(name)), None
    )
    return record_save(existing or FieldAlias(ward=ward), {"name": name, "field": field})


@transaction.atomic
def field_alias_delete(*, ward: Ward, alias_id: int) -> None:
    FieldAlias.objects.filter(ward=ward, pk=alias_id).delete()
