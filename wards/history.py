"""Who changed what and when, from django-simple-history records, for the "history" pages of every app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryRow:
    when: datetime
    who: Any  # the user, or None for changes made by commands
    action: str
    subject: str
    changes: tuple[FieldChange, ...]


def _display(model: type[Model], field_name: str, value: Any) -> Any:
    field = model._meta.get_field(field_name)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return value


def history_rows(records: QuerySet[Any] | Iterable[Any]) -> list[HistoryRow]:
    """Rows newest first; each change lists the fields that differ from the previous version of
    the same object. Reads the records once and diffs in memory (no query per row)."""
    if isinstance(records, QuerySet):
        records = records.select_related("history_user").order_by("history_date", "history_id")
    ordered = sorted(records, key=lambda r: (r.history_date, r.history_id))
    previous: dict[Any, Any] = {}
    rows: list[HistoryRow] = []
    labels = {
        "+": _("created"),
        "~": _("changed"),
        "-": _("deleted"),
    }
    for record in ordered:
        model = record.instance_type
        before = previous.get(record.id)
        changes: tuple[FieldChange, ...] = ()
        if before is not None and record.history_type == "~":
            delta = record.diff_against(before)
            changes = tuple(
                FieldChange(
                    field=str(model._meta.get_field(change.field).verbose_name),
                    old=_display(model, change.field, change.old),
                    new=_display(model, change.field, change.new),
                )
                for change in delta.changes
            )
        previous[record.id] = record
        rows.append(
            HistoryRow(
                when=record.history_date,
                who=record.history_user,
                action=labels[record.history_type],
                subject=str(record.instance),
                changes=changes,
            )
        )
    rows.reverse()
    return rows
