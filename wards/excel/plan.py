"""The dry run of an import and the contract of a domain's importer. An importer reads the parsed
sheet into its domain's service calls: `plan` validates every row and writes nothing, `save` does the
same inside one transaction and writes all rows or none (raising ImportRejected)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO, Any, Literal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.urls import reverse

from wards.models import Ward
from wards.periods import DateRange, PeriodError

from .io import ParsedSheet, SheetRow, read_workbook, where
from .layout import SheetLayout

Action = Literal["create", "change", "keep"]


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass
class PlanRow:
    number: int
    name: str
    action: Action = "keep"
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # What the clerk should know without it stopping the save (figures the sheet cannot carry).
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    title: str
    rows: list[PlanRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the sheet as a whole
    notes: list[str] = field(default_factory=list)  # what the clerk should know about every row

    def hoist_notes(self) -> None:
        """Say once, above the rows, a note that every row repeats (what a form cannot carry is the
        same for each of its lines), so that the notes left on a row are about that row."""
        if len(self.rows) < 2:
            return
        common = [note for note in self.rows[0].notes if all(note in row.notes for row in self.rows)]
        for row in self.rows:
            row.notes = [note for note in row.notes if note not in common]
        self.notes.extend(common)

    @property
    def adds_rows(self) -> bool:
        return any(row.action == "create" for row in self.rows)

    @property
    def valid(self) -> bool:
        return not self.errors and not any(row.errors for row in self.rows)

    def messages(self) -> list[str]:
        return [*self.errors, *(f"{where(row.number, row.name)}: {error}" for row in self.rows for error in row.errors)]


class ImportRejected(ValidationError):
    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(plan.messages())
        self.plan = plan


def plan_row(layout: SheetLayout, row: SheetRow, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> PlanRow:
    """The row's changes by the form's labels; `before` None for a new record."""
    planned = PlanRow(number=row.number, name=layout.row_name(row.values), errors=list(row.errors))
    for key, value in after.items():
        old = before.get(key) if before is not None else None
        # A new row lists only what it fills in beyond blank, "no" and 0 (0 == False): a form such as
        # II.06a would otherwise list a dozen "— → 0" per row, for counts it does not even carry. The
        # page says so above the table.
        if before is None and value in (None, "", False):
            continue
        if before is None or old != value:
            column = layout.by_key.get(key)
            if column is not None:
                planned.changes.append(Change(column.title(), column.display(old), column.display(value)))
    planned.action = "create" if before is None else ("change" if planned.changes else "keep")
    return planned


def add_errors(
    planned: PlanRow | ImportPlan, layout: SheetLayout, error: ValidationError | Mapping[str, list[str]]
) -> None:
    """A model's validation errors in the form's words: "Đã tiếp nhận: ..." rather than a field name."""
    if isinstance(error, ValidationError):
        error = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    for key, messages in error.items():
        label = layout.label(None if key == NON_FIELD_ERRORS else key)
        planned.errors.extend(f"{label}: {message}" if label else message for message in messages)


class Importer(ABC):
    """One domain's sheet: the layout, the figures that fill a download, the dry run and the save."""

    name: str
    layout: SheetLayout

    def read(self, upload: IO[bytes], options: Mapping[str, Any]) -> ParsedSheet:
        """The uploaded file as a parsed sheet; `options` are the upload form's other fields. Our own
        sheets are read by their layout; an importer of another system's export reads it its own way."""
        return read_workbook(upload, self.layout)

    @abstractmethod
    def plan(self, ward: Ward, sheet: ParsedSheet) -> ImportPlan: ...

    @abstractmethod
    def save(self, ward: Ward, sheet: ParsedSheet) -> ImportPlan: ...

    @abstractmethod
    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str: ...

    def period(self, sheet: ParsedSheet) -> tuple[date | None, date | None]:
        """The dates the saved figures are for, kept on the import record: a flow's range (row-2
        "start" and "end"), a stock's date ("on"), or none for a register of records."""
        start, end = sheet.params.get("start"), sheet.params.get("end")
        if isinstance(start, date) and isinstance(end, date):
            return start, end
        on = sheet.params.get("on")
        return (on, on) if isinstance(on, date) else (None, None)

    # The checked sheet waits in the session between the dry run and the confirmation.
    def encode(self, sheet: ParsedSheet) -> dict[str, Any]:
        return {
            "params": {key: _json(value) for key, value in sheet.params.items()},
            "rows": [[row.number, {key: _json(value) for key, value in row.values.items()}] for row in sheet.rows],
        }

    def decode(self, data: Mapping[str, Any]) -> ParsedSheet:
        by_key = self.layout.by_key

        def typed(key: str, value: Any) -> Any:
            if value is None or key not in by_key:
                return value
            if by_key[key].kind == "date":
                return date.fromisoformat(value)
            return Decimal(value) if by_key[key].kind == "decimal" else value

        return ParsedSheet(
            params={key: typed(key, value) for key, value in data["params"].items()},
            rows=[
                SheetRow(number=number, values={key: typed(key, value) for key, value in values.items()})
                for number, values in data["rows"]
            ],
        )


class CheckedImporter(Importer):
    """An importer whose save is its dry run followed by one write: `check` builds the plan and what
    the write needs, `save` writes only a plan without errors, inside one transaction, and puts a
    validation error of the write on the plan (a write may also raise ImportRejected itself)."""

    @abstractmethod
    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, Any]: ...

    @abstractmethod
    def write(self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: Any) -> None: ...

    def plan(self, ward: Ward, sheet: ParsedSheet) -> ImportPlan:
        return self.check(ward, sheet)[0]

    @transaction.atomic
    def save(self, ward: Ward, sheet: ParsedSheet) -> ImportPlan:
        plan, checked = self.check(ward, sheet)
        if not plan.valid:
            raise ImportRejected(plan)
        try:
            self.write(ward, sheet, plan, checked)
        except ImportRejected:
            raise
        except ValidationError as error:
            add_errors(plan, self.layout, error)
            raise ImportRejected(plan) from None
        return plan


def sheet_period(sheet: ParsedSheet) -> tuple[DateRange | None, ImportPlan]:
    """The period of a flow's sheet (row-2 "start" and "end") and a plan titled by it; None and a plan
    refusing the sheet when the dates are missing or make no period."""
    try:
        period = DateRange(sheet.params["start"], sheet.params["end"])
    except (PeriodError, TypeError) as error:
        return None, ImportPlan(title="—", errors=[str(error)])
    return period, ImportPlan(title=period.label())


def period_url(viewname: str, ward: Ward, sheet: ParsedSheet) -> str:
    """The ward's page `viewname` at the sheet's period: where a flow's import ends."""
    period = DateRange(sheet.params["start"], sheet.params["end"])
    return f"{reverse(viewname, kwargs={'ward': ward.slug})}?{period.query()}"


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if isinstance(value, date) else value
