from __future__ import annotations

from datetime import date

import pytest

from wards.locks import FiguresLocked, assert_unlocked, lock_covering
from wards.periods import DateRange
from wards.services import figure_lock_lift, figure_lock_set
from wards.tests.locks import LABEL, lock


def test_a_date_or_range_inside_a_lock_is_refused_with_the_reason(ward, other_ward) -> None:
    lock(ward, date(2025, 8, 18), date(2025, 8, 23))
    with pytest.raises(FiguresLocked) as raised:
        assert_unlocked(ward, date(2025, 8, 20))
    assert LABEL in raised.value.messages[0]
    with pytest.raises(FiguresLocked):
        assert_unlocked(ward, DateRange(date(2025, 8, 1), date(2025, 8, 18)))
    assert_unlocked(ward, date(2025, 8, 24), None, DateRange(date(2025, 8, 1), date(2025, 8, 17)))
    assert_unlocked(other_ward, date(2025, 8, 20))


def test_lifting_the_lock_frees_the_range_and_setting_again_refreshes_it(ward) -> None:
    period = DateRange(date(2025, 8, 18), date(2025, 8, 23))
    figure_lock_set(ward=ward, period=period, key="report:1", label="A")
    figure_lock_set(ward=ward, period=period, key="report:1", label="B")
    assert lock_covering(ward, period).label == "B"
    assert figure_lock_lift(key="report:1") == 1
    assert lock_covering(ward, period) is None
    assert figure_lock_lift(key="report:1") == 0
