"""What every domain app's writes share: saving a record (find-or-create, then update), and the one
non-overlap rule of dated entries (DESIGN §4: entries of the same ward and item must not overlap)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .periods import DateRange

M = TypeVar("M", bound=models.Model)


def _stored_form(model: type[models.Model], values: Mapping[str, object]) -> dict[str, object]:
    """`values` as `.values()` reads them back: a related object by its key."""
    stored: dict[str, object] = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if field.is_relation:
            stored[field.attname] = value.pk if isinstance(value, models.Model) else value
        else:
            stored[name] = value
    return stored


def record_save(instance: M, values: Mapping[str, object]) -> M:
    """Set `values` on `instance`, validate it fully and save it. A stored record whose values are
    unchanged is not saved again, so that its change history gets no empty line."""
    if instance.pk is not None:
        wanted = _stored_form(type(instance), values)
        stored = type(instance)._default_manager.filter(pk=instance.pk).values(*wanted).first()
        if stored == wanted:
            return instance
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


def record_upsert(model: type[M], *, lookup: Mapping[str, object], values: Mapping[str, object]) -> M:
    """The record matching `lookup` (a new one when none does), with `values` saved by record_save."""
    instance = model._default_manager.filter(**lookup).first() or model(**lookup)
    return record_save(instance, values)


def refuse_overlap(entry: models.Model, *, same: Sequence[str]) -> None:
    """Raise a ValidationError on `start` when another entry with the same values of `same` (the ward and
    the item: field, kind, indicator) has a period that shares a day with `entry`'s [start, end]. The
    message shows next to the entry's own item, so it names only the other period. Nothing is checked
    while the period or the item is missing or impossible: full_clean reports those on their own."""
    start, end = getattr(entry, "start", None), getattr(entry, "end", None)
    model = type(entry)
    keys = {model._meta.get_field(name).attname: getattr(entry, model._meta.get_field(name).attname) for name in same}
    if not start or not end or end < start or any(value in (None, "") for value in keys.values()):
        return
    others = model._default_manager.filter(**keys, start__lte=end, end__gte=start).exclude(pk=entry.pk)
    clash = others.order_by("start").values_list("start", "end").first()
    if clash is not None:
        raise ValidationError(
            {"start": _("This period overlaps the entry of %(period)s.") % {"period": DateRange(*clash).label()}}
        )
