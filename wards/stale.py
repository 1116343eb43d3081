"""No lost update (DESIGN §12): every edit form carries the version of the rows it was read at, and a
save from a stale page is refused with what changed in between.

The version is the stored rows themselves, signed: `version_of` reads the editable fields of the rows a
page shows (one record, or a multi-row table such as a TTHC week or the indicator values of a period)
and signs them with the time of reading. `assert_fresh`, called inside the save's transaction, locks the
rows, reads them again and raises StaleEdit when they differ, naming each row and field that changed
(old → new) and, from the change history where the model keeps one, who changed it and when. Carrying
the rows rather than a counter needs no column on any model, covers rows added or deleted by someone
else, and is what lets the message say what the other person changed.

A page shows `{% include "wards/_version.html" %}` inside its form; the view passes the posted value
(`posted_version`) to the service and, on StaleEdit, re-renders the bound form (what the user typed)
with the error and `error.current`, so that a second save, made after reading the message, goes through.
The Excel import and commands pass no version: they are not a page read earlier."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .formatting import person_name, vi_date, vi_decimal, vi_number

FIELD = "version"
_SALT = "wards.stale"

Rows = dict[str, dict[str, Any]]  # pk → attname → value as JSON reads it back


@dataclass(frozen=True)
class Watched:
    """Rows of one model a form edits, their edited fields, and how a changed row is named."""

    rows: QuerySet[Any]
    fields: Sequence[str]
    label: Callable[[Any], str] = str

    @property
    def key(self) -> str:
        return self.rows.model._meta.label_lower


def _parts(
    rows: QuerySet[Any] | Sequence[Watched], fields: Sequence[str], label: Callable[[Any], str]
) -> list[Watched]:
    return [Watched(rows, fields, label)] if isinstance(rows, QuerySet) else list(rows)


def _read(part: Watched) -> Rows:
    attnames = [part.rows.model._meta.get_field(name).attname for name in part.fields]
    # Through JSON and back, so that a value read now compares equal to the same value signed earlier
    # (dates and decimals become strings either way).
    stored = {str(row.pop("pk")): row for row in part.rows.order_by().values("pk", *attnames)}
    return json.loads(json.dumps(stored, cls=DjangoJSONEncoder))


def _sign(read: dict[str, Rows]) -> str:
    return signing.dumps({"t": timezone.now().isoformat(), "rows": read}, salt=_SALT, compress=True)


def version_of(
    rows: QuerySet[Any] | Sequence[Watched], *, fields: Sequence[str] = (), label: Callable[[Any], str] = str
) -> str:
    """The version of `rows` (their `fields`) as they are stored now, to carry in the form; `rows` may
    be several Watched parts for a form over more than one model (a snapshot and its lines)."""
    return _sign({part.key: _read(part) for part in _parts(rows, fields, label)})


def versions_of(rows: QuerySet[Any], *, fields: Sequence[str]) -> dict[int, str]:
    """pk → the version of that row alone, read in one query: a page of forms, one per row (the
    sections of a report), each saved on its own."""
    key = rows.model._meta.label_lower
    return {int(pk): _sign({key: {pk: values}}) for pk, values in _read(Watched(rows, fields)).items()}


def posted_version(request: HttpRequest) -> str | None:
    """The version the form carried; None when it carried none (a client that is not our page)."""
    return request.POST.get(FIELD) or None


class StaleEdit(ValidationError):
    """A save refused because the rows changed after the page was read. A form-wide error, as the
    figure lock's, so that every form shows it; `current` is the version of the rows as they are now."""

    def __init__(self, lines: list[str], current: str) -> None:
        summary = _(
            "Someone else saved this page after you opened it, so nothing was saved. "
            "What changed in between is listed below; your entries are kept: check them and save again."
        )
        errors = [ValidationError(summary, code="stale")] + [ValidationError(line, code="stale") for line in lines]
        super().__init__({NON_FIELD_ERRORS: errors})
        self.lines = lines
        self.current = current


def _display(model: type[Model], attname: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    field = next(f for f in model._meta.concrete_fields if f.attname == attname)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    internal = field.get_internal_type()
    if internal == "DateField":
        return vi_date(date.fromisoformat(value))
    if internal == "DecimalField":
        number = Decimal(value)
        return vi_number(number) if number == number.to_integral_value() else vi_decimal(number, field.decimal_places)
    if internal in {"IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "BigIntegerField"}:
        return vi_number(value)
    if internal == "BooleanField":
        return _("yes") if value else _("no")
    # Prose (a report section's body) is stored as HTML: the message shows its words.
    text = strip_tags(str(value)).strip()
    return text if len(text) <= 80 else text[:77] + "…"


def _label(model: type[Model], field_attname: str) -> str:
    field = next(f for f in model._meta.concrete_fields if f.attname == field_attname)
    return str(field.verbose_name)


def _authors(model: type[Model], pks: Iterable[str], since: datetime) -> dict[str, tuple[Any, datetime]]:
    """pk → (user, time) of the latest change after `since`, from simple-history when the model has it."""
    history = getattr(model, "history", None)
    if history is None or not hasattr(history, "filter"):
        return {}
    records = (
        history.filter(id__in=list(pks), history_date__gt=since)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return {str(record.id): (record.history_user, record.history_date) for record in records}


def _deleted_labels(model: type[Model], pks: Iterable[str]) -> dict[str, str]:
    history = getattr(model, "history", None)
    if history is None or not hasattr(history, "filter"):
        return {}
    labels = {}
    for record in history.filter(id__in=list(pks)).order_by("history_date", "history_id"):
        labels[str(record.id)] = str(record.instance)
    return labels


def _by(author: tuple[Any, datetime] | None) -> str:
    if author is None:
        return ""
    user, when = author
    when_text = timezone.localtime(when).strftime("%H:%M %d/%m/%Y")
    if user is None:
        return " " + _("(at %(when)s)") % {"when": when_text}
    return " " + _("(by %(user)s at %(when)s)") % {"user": person_name(user), "when": when_text}


def changes(
    model: type[Model], then: Rows, now: Rows, *, since: datetime, label: Callable[[Any], str] = str
) -> list[str]:
    """One line per row that differs between `then` and `now`: its fields old → new, or added / deleted."""
    touched = [pk for pk in {*then, *now} if then.get(pk) != now.get(pk)]
    if not touched:
        return []
    authors = _authors(model, touched, since)
    current = {str(obj.pk): obj for obj in model._default_manager.filter(pk__in=[pk for pk in touched if pk in now])}
    gone = _deleted_labels(model, [pk for pk in touched if pk not in now])
    lines = []
    for pk in sorted(touched, key=lambda key: (len(key), key)):
        by = _by(authors.get(pk))
        if pk not in now:
            name = gone.get(pk) or f"{model._meta.verbose_name} #{pk}"
            lines.append(_("%(row)s: deleted%(by)s") % {"row": name, "by": by})
        elif pk not in then:
            lines.append(_("%(row)s: added%(by)s") % {"row": label(current[pk]), "by": by})
        else:
            fields = "; ".join(
                _("%(field)s: %(old)s → %(new)s")
                % {
                    "field": _label(model, attname),
                    "old": _display(model, attname, then[pk].get(attname)),
                    "new": _display(model, attname, value),
                }
                for attname, value in now[pk].items()
                if then[pk].get(attname) != value
            )
            lines.append(_("%(row)s: %(fields)s%(by)s") % {"row": label(current[pk]), "fields": fields, "by": by})
    return lines


def stale_error(
    version: str | None,
    rows: QuerySet[Any] | Sequence[Watched],
    *,
    fields: Sequence[str] = (),
    label: Callable[[Any], str] = str,
) -> StaleEdit | None:
    """The StaleEdit a save from `version` would raise, or None; reads only. For a form refused before
    it reaches its service (a row deleted in between makes its row form invalid), to say why."""
    if version is None:
        return None
    parts = _parts(rows, fields, label)
    now = {part.key: _read(part) for part in parts}
    try:
        read = signing.loads(version, salt=_SALT)
        then, since = read["rows"], datetime.fromisoformat(read["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return StaleEdit([], _sign(now))
    if then == now:
        return None
    lines = []
    for part in parts:
        lines += changes(part.rows.model, then.get(part.key, {}), now[part.key], since=since, label=part.label)
    return StaleEdit(lines, _sign(now))


def assert_fresh(
    version: str | None,
    rows: QuerySet[Any] | Sequence[Watched],
    *,
    fields: Sequence[str] = (),
    label: Callable[[Any], str] = str,
) -> None:
    """Raise StaleEdit when `rows` differ from what `version` was read from. Call it inside the save's
    transaction, after the ward's row lock (wards.locks.assert_unlocked takes it): the rows are locked
    here, and a row another save is inserting waits on the ward's lock, so nothing can change between
    this check and the write. A version that is missing is not checked; one that does not verify (cut
    or forged) counts as stale, with nothing to list."""
    if version is None:
        return
    for part in _parts(rows, fields, label):
        # Only the rows' own table: a filter through a join (the indicator's kind) must not lock the catalogue.
        list(part.rows.order_by().select_for_update(of=("self",)).values_list("pk", flat=True))
    error = stale_error(version, rows, fields=fields, label=label)
    if error is not None:
        raise error
