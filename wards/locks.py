"""The figure lock: what an approved report froze. Every domain service calls `assert_unlocked` before
it changes an entry dated inside a range, so `reports` never has to reach into the domains (nor they
into it)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from .models import FigureLock, Ward
from .periods import DateRange


class FiguresLocked(ValidationError):
    """A change refused because its date lies in a locked range; the message carries the reason."""

    def __init__(self, lock: FigureLock) -> None:
        # A form-wide error, so that every form shows it whatever fields it has.
        super().__init__({NON_FIELD_ERRORS: [ValidationError(lock_message(lock), code="locked")]})
        self.lock = lock


def lock_message(lock: FigureLock) -> str:
    return _("The figures are locked by %(label)s (%(start)s - %(end)s); nothing dated in that range can change.") % {
        "label": lock.label,
        "start": f"{lock.start:%d/%m/%Y}",
        "end": f"{lock.end:%d/%m/%Y}",
    }


def _range(when: date | DateRange) -> DateRange:
    return when if isinstance(when, DateRange) else DateRange(when, when)


def lock_covering(ward: Ward | int, when: date | DateRange) -> FigureLock | None:
    """The first lock of the ward that overlaps `when` (a date or a range), or None."""
    period = _range(when)
    ward_id = ward if isinstance(ward, int) else ward.pk
    return FigureLock.objects.filter(ward_id=ward_id, start__lte=period.end, end__gte=period.start).first()


def assert_unlocked(ward: Ward | int, *dates: date | DateRange | None) -> None:
    """Raise FiguresLocked when any of `dates` (dates or ranges; None is skipped) is locked. Takes the
    ward's row lock first, as figure_lock_set does, so that a lock set by an approval running at the
    same moment cannot miss a change that is about to be written."""
    ward_id = ward if isinstance(ward, int) else ward.pk
    Ward.objects.select_for_update().filter(pk=ward_id).first()
    for when in dates:
        if when is None:
            continue
        lock = lock_covering(ward_id, when)
        if lock is not None:
            raise FiguresLocked(lock)
