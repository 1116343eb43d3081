from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from assets.models import Spending, SpendingKind
from assets.services import SpendingInput, spending_create, spending_update
from wards.tests.locks import LABEL, lock

from .factories import SpendingFactory


def values(start: date, end: date) -> SpendingInput:
    return SpendingInput(kind=SpendingKind.RECURRENT, start=start, end=end, amount=1_000)


def test_spending_in_a_locked_range_is_refused(ward) -> None:
    lock(ward, date(2025, 7, 1), date(2025, 12, 31))
    with pytest.raises(ValidationError) as raised:
        spending_create(ward=ward, data=values(date(2025, 12, 1), date(2026, 1, 31)))
    assert LABEL in raised.value.messages[0]
    spending_create(ward=ward, data=values(date(2026, 1, 1), date(2026, 1, 31)))
    assert Spending.objects.count() == 1


def test_a_locked_spending_cannot_be_moved_out(ward) -> None:
    spending = SpendingFactory(ward=ward, start=date(2025, 7, 1), end=date(2025, 7, 31))
    lock(ward, date(2025, 7, 1), date(2025, 7, 31))
    with pytest.raises(ValidationError):
        spending_update(spending=spending, data=values(date(2026, 2, 1), date(2026, 2, 28)))
    spending.refresh_from_db()
    assert spending.start == date(2025, 7, 1)
