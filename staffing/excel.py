"""The staffing sheets on the shared Excel mechanism: a headcount snapshot (one row per unit, the date
and the non-specialised workers in row 2) and the job positions with their quotas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.excel.io import ParsedSheet
from wards.excel.layout import Column, SheetLayout, model_columns
from wards.excel.plan import (
    Change,
    CheckedImporter,
    ImportPlan,
    PlanRow,
    add_errors,
    plan_row,
)
from wards.excel.records import ID_KEY, RecordImporter
from wards.locks import lock_covering, lock_message
from wards.models import Ward

from .models import MAX_PEOPLE, HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, breakdown_errors
from .services import COUNT_FIELDS, LineInput, headcount_snapshot_save, ward_table_save

SNAPSHOT_COUNTS = ("non_specialised_workers", "non_specialised_left")
UNIT = Column("unit", gettext_lazy("unit"), kind="text", width=40)


def _units(ward: Ward) -> dict[str, OrgUnit]:
    return {unit.name: unit for unit in OrgUnit.objects.filter(ward=ward)}


def _counts(line: HeadcountLine | None) -> dict[str, int]:
    return {name: getattr(line, name) for name in COUNT_FIELDS} if line else {}


def _breakdown(counts: Mapping[str, int]) -> dict[str, list[str]]:
    problems = breakdown_errors(
        total=counts["total"],
        by_role=(counts["heads"], counts["deputies"], counts["specialists"]),
        by_status=(counts["civil_servants"], counts["public_employees"], counts["contract_workers"]),
        seconded_out=counts["seconded_out"],
    )
    return {key: [message] for key, message in problems.items()}


class SnapshotImporter(CheckedImporter):
    name = "staffing_snapshot"
    layout = SheetLayout(
        sheet_name=gettext_lazy("Headcount"),
        title=gettext_lazy("headcount snapshot"),
        params=(
            Column("on", gettext_lazy("Date"), kind="date", required=True),
            *(
                Column(name, HeadcountSnapshot._meta.get_field(name).verbose_name, required=True, max_value=MAX_PEOPLE)
                for name in SNAPSHOT_COUNTS
            ),
        ),
        columns=(
            Column("unit", gettext_lazy("unit"), kind="text", required=True, width=40),
            # A unit's row may be left blank as a whole; a row half filled is refused by the importer.
            *(replace(column, required=False) for column in model_columns(HeadcountLine, COUNT_FIELDS)),
        ),
        name_keys=("unit",),
        hint=gettext_lazy("A unit's row left blank keeps what the snapshot holds; write 0 in a column that has none."),
    )

    def rows(self, ward: Ward, snapshot: HeadcountSnapshot | None) -> list[dict[str, Any]]:
        lines = {line.unit_id: line for line in snapshot.lines.all()} if snapshot else {}
        return [
            {
                "unit": unit.name,
                **({name: getattr(lines[unit.pk], name) for name in COUNT_FIELDS} if unit.pk in lines else {}),
            }
            for unit in OrgUnit.objects.filter(ward=ward).order_by("order", "name")
        ]

    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, list[LineInput]]:
        on: date = sheet.params["on"]
        plan = ImportPlan(title=_("Headcount snapshot of %(day)s") % {"day": f"{on:%d/%m/%Y}"})
        snapshot = HeadcountSnapshot.objects.filter(ward=ward, on=on).first()
        before = {line.unit_id: line for line in snapshot.lines.all()} if snapshot else {}
        units, lines, seen = _units(ward), [], set()
        for row in sheet.rows:
            counts = {name: row.values.get(name) for name in COUNT_FIELDS}
            if not row.errors and all(value is None for value in counts.values()):
                continue
            unit = units.get(row.values.get("unit") or "")
            line = before.get(unit.pk) if unit else None
            planned = plan_row(self.layout, row, _counts(line) or None, counts)
            if unit is None:
                planned.errors.append(_("unknown unit; use the names of the downloaded sheet."))
            elif unit.pk in seen:
                planned.errors.append(_("the unit appears twice."))
            blank = [self.layout.label(name) for name, value in counts.items() if value is None]
            if blank and not row.errors:
                planned.errors.append(
                    _("blank cells (%(columns)s): write 0 where there were none.") % {"columns": ", ".join(blank)}
                )
            if not planned.errors and unit is not None:
                seen.add(unit.pk)
                add_errors(planned, self.layout, _breakdown(counts))
                lines.append(LineInput(unit=unit, **counts))
            plan.rows.append(planned)
        if snapshot is None or any(
            getattr(snapshot, name) != sheet.params[name]
            for name in ("non_specialised_workers", "non_specialised_left")
        ):
            plan.rows.insert(0, self._header_row(snapshot, sheet))
        # The save writes the whole snapshot of that date, so a lock on it refuses every row, as the
        # service would; the dry run says so row by row (or for the sheet, when no row changes).
        lock = lock_covering(ward, on)
        if lock is not None:
            for planned in plan.rows:
                planned.errors.append(lock_message(lock))
            if not plan.rows:
                plan.errors.append(lock_message(lock))
        return plan, lines

    def _header_row(self, snapshot: HeadcountSnapshot | None, sheet: ParsedSheet) -> PlanRow:
        planned = PlanRow(number=2, name=_("the snapshot"), action="create" if snapshot is None else "change")
        for name in SNAPSHOT_COUNTS:
            column = self.layout.by_key[name]
            old = getattr(snapshot, name) if snapshot else None
            if old != sheet.params[name]:
                planned.changes.append(Change(column.title(), column.display(old), column.display(sheet.params[name])))
        return planned

    def write(self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: list[LineInput]) -> None:
        existing = HeadcountSnapshot.objects.filter(ward=ward, on=sheet.params["on"]).first()
        headcount_snapshot_save(
            ward=ward,
            on=sheet.params["on"],
            non_specialised_workers=sheet.params["non_specialised_workers"],
            non_specialised_left=sheet.params["non_specialised_left"],
            note=existing.note if existing else "",
            lines=checked,
        )

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return f"{reverse('staffing:overview', kwargs={'ward': ward.slug})}?date={sheet.params['on']:%Y-%m-%d}"


@dataclass(frozen=True, kw_only=True)
class PositionRow:
    """A row of the positions sheet; a blank unit is a position shared by the agencies."""

    unit: OrgUnit | None
    name: str
    category: str
    quota: int
    filled: int


POSITION_FIELDS = tuple(f.name for f in fields(PositionRow))


class PositionImporter(RecordImporter[JobPosition, PositionRow]):
    """Job positions by unit; a blank unit is a position shared by the agencies."""

    name = "staffing_positions"
    model = JobPosition
    row_type = PositionRow
    named_keys = ("unit",)
    title = gettext_lazy("Job positions and quotas")
    layout = SheetLayout(
        sheet_name=gettext_lazy("Positions"),
        title=gettext_lazy("Job positions and quotas"),
        columns=(
            Column(ID_KEY, gettext_lazy("number in the portal"), width=10),
            UNIT,
            # The model's "position" label is also the equipment's order ("Thứ tự") in the catalogue.
            Column("name", gettext_lazy("job position"), kind="text", required=True, width=50),
            *model_columns(JobPosition, ("category", "quota", "filled")),
        ),
        name_keys=("unit", "name"),
        hint=gettext_lazy(
            "Leave the number in the portal blank for a new line; leave the unit blank for a position shared "
            "by the agencies."
        ),
    )

    def records(self, ward: Ward) -> QuerySet[JobPosition]:
        return (
            JobPosition.objects.filter(ward=ward)
            .select_related("unit")
            .order_by(F("unit__order").asc(nulls_last=True), "category", "order", "name")
        )

    def create(self, ward: Ward, row: PositionRow) -> JobPosition:
        position = JobPosition(ward=ward)
        return self.update(position, row)

    def update(self, record: JobPosition, row: PositionRow) -> JobPosition:
        for name in POSITION_FIELDS:
            setattr(record, name, getattr(row, name))
        ward_table_save(ward=record.ward, saved=[record], deleted=[])
        return record

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return reverse("staffing:positions", kwargs={"ward": ward.slug})
