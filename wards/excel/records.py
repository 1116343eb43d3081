"""Importing a register sheet: one row per record of the ward, named by its id in the first column
(blank for a new record). Rows are matched by id, never by position, so that a sheet whose rows were
sorted or filtered still updates the right records; records missing from the sheet are left alone."""

from __future__ import annotations

import copy
from abc import abstractmethod
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from wards.locks import lock_covering, lock_message
from wards.models import Ward

from .io import ParsedSheet
from .layout import SheetLayout
from .plan import CheckedImporter, ImportPlan, ImportRejected, PlanRow, add_errors, plan_row

ID_KEY = "id"

RecordT = TypeVar("RecordT", bound=models.Model)
# The typed row of one sheet: the dataclass its app's service takes (FacilityInput), built from the cells.
RowT = TypeVar("RowT")


class RecordImporter(CheckedImporter, Generic[RecordT, RowT]):
    """Subclasses give the records of a ward, the type of a row, and the service calls that create and
    update one from a row."""

    layout: SheetLayout
    model: type[RecordT]
    # Called with the sheet's values as keywords (a dataclass): its fields are the layout's keys.
    row_type: type[RowT]
    title: Any
    # Foreign keys written in the sheet as the related record's name and found again by that name among
    # the ward's records (a unit of the ward); a blank cell is no related record.
    named_keys: tuple[str, ...] = ()

    @abstractmethod
    def records(self, ward: Ward) -> models.QuerySet[RecordT]: ...

    @abstractmethod
    def create(self, ward: Ward, row: RowT) -> RecordT: ...

    @abstractmethod
    def update(self, record: RecordT, row: RowT) -> RecordT: ...

    def lock_dates(self, record: Any | None, candidate: Any) -> list[Any]:
        """The dates (or ranges) of a row that a figure lock covers: the record as stored and as the row
        would make it. None for an undated register, which no lock freezes."""
        return []

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.layout.columns if column.key != ID_KEY]

    def values_of(self, record: RecordT) -> dict[str, Any]:
        values = {ID_KEY: record.pk, **{key: getattr(record, key) for key in self.keys}}
        return values | {key: getattr(values[key], "name", "") for key in self.named_keys}

    def _values(self, row_values: dict[str, Any]) -> dict[str, Any]:
        # Text and choice cells left blank are empty text in the model; numbers and dates stay None.
        return {
            key: ("" if row_values.get(key) is None and self.layout.by_key[key].kind in ("text", "choice") else value)
            for key, value in ((key, row_values.get(key)) for key in self.keys)
        }

    def to_model(self, ward: Ward, values: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """The sheet's values as model values (a unit named by its name becomes the unit), and errors."""
        errors = []
        for key in self.named_keys:
            name = values.get(key) or ""
            related = self.model._meta.get_field(key).related_model
            found = related.objects.filter(ward=ward, name=name).first() if name else None
            if name and found is None:
                errors.append(
                    _("%(label)s: “%(name)s” is unknown; use the names of the downloaded sheet.")
                    % {"label": self.layout.label(key), "name": name}
                )
            values = {**values, key: found}
        return values, errors

    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, list[tuple[PlanRow, Any, dict[str, Any]]]]:
        plan = ImportPlan(title=str(self.title))
        existing = {record.pk: record for record in self.records(ward)}
        rows, seen = [], set()
        for row in sheet.rows:
            values = self._values(row.values)
            record_id = row.values.get(ID_KEY)
            record = existing.get(record_id) if isinstance(record_id, int) else None
            planned = plan_row(self.layout, row, self.values_of(record) if record else None, values)
            values, problems = self.to_model(ward, values)
            planned.errors.extend(problems)
            if record_id is not None and record is None:
                planned.errors.append(
                    _("%(label)s %(id)s is not a record of this ward; leave it blank for a new one.")
                    % {"label": self.layout.label(ID_KEY), "id": record_id}
                )
            elif record is not None and record.pk in seen:
                planned.errors.append(_("the record appears twice."))
            seen.add(record_id)
            if not planned.errors:
                candidate = copy.copy(record) if record else self.model(ward=ward)
                for key, value in values.items():
                    setattr(candidate, key, value)
                try:
                    candidate.full_clean()
                except ValidationError as error:
                    add_errors(planned, self.layout, error)
                # The dry run names a locked row as the save would refuse it; an unchanged row is not saved.
                if planned.action != "keep":
                    planned.errors.extend(self._lock_errors(ward, record, candidate))
            plan.rows.append(planned)
            rows.append((planned, record, values))
        return plan, rows

    def _lock_errors(self, ward: Ward, record: Any | None, candidate: Any) -> list[str]:
        for when in self.lock_dates(record, candidate):
            lock = lock_covering(ward, when) if when else None
            if lock is not None:
                return [lock_message(lock)]
        return []

    def write(
        self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: list[tuple[PlanRow, Any, dict[str, Any]]]
    ) -> None:
        for planned, record, values in checked:
            if planned.action == "keep":
                continue
            try:
                row = self.row_type(**values)
                if record is None:
                    self.create(ward, row)
                else:
                    self.update(record, row)
            except ValidationError as error:
                # Rows checked one by one can still clash with each other (two overlapping periods).
                add_errors(planned, self.layout, error)
                raise ImportRejected(plan) from None
