"""Saving a week: all rows or none; an entry of exactly the period is updated; history records who."""

from __future__ import annotations

from datetime import date

import pytest

from procedures.models import CaseVolume, ProcedureField
from procedures.services import WeekRejected, week_plan, week_save
from wards.periods import DateRange

WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))


def counts(received: int, resolved: int) -> dict[str, int]:
    return {
        "received": received,
        "received_online": received,
        "in_progress_on_time": received - resolved,
        "returned": resolved,
        "resolved_on_time": resolved,
    }


@pytest.fixture
def fields(db: None) -> list[ProcedureField]:
    return list(ProcedureField.objects.order_by("position")[:3])


def test_week_saves_every_row(ward, fields) -> None:
    week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7), fields[1]: counts(239, 227)})
    assert CaseVolume.objects.filter(ward=ward, start=WEEK.start, end=WEEK.end).count() == 2


def test_one_bad_row_saves_nothing(ward, fields) -> None:
    bad = counts(16, 7) | {"in_progress_on_time": 0}
    with pytest.raises(WeekRejected) as raised:
        week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7), fields[2]: bad})
    assert list(raised.value.plan.errors) == [fields[2].pk]
    assert not CaseVolume.objects.exists()


def test_saving_again_updates_and_plans_the_changes(ward, fields) -> None:
    week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7)})
    plan = week_plan(ward=ward, period=WEEK, rows={fields[0]: counts(12, 7), fields[1]: counts(1, 1)})
    assert [row.action for row in plan.rows] == ["change", "create"]
    assert plan.rows[0].changes["received"] == (10, 12)
    week_save(ward=ward, period=WEEK, rows={fields[0]: counts(12, 7)})
    entry = CaseVolume.objects.get(ward=ward, field=fields[0])
    assert entry.received == 12
    assert entry.history.count() == 2


def test_unchanged_row_is_not_written_again(ward, fields) -> None:
    week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7)})
    plan = week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7)})
    assert plan.rows[0].action == "keep"
    assert CaseVolume.objects.get().history.count() == 1


def test_overlapping_week_is_refused(ward, fields) -> None:
    week_save(ward=ward, period=WEEK, rows={fields[0]: counts(10, 7)})
    shifted = DateRange(date(2025, 8, 20), date(2025, 8, 26))
    with pytest.raises(WeekRejected) as raised:
        week_save(ward=ward, period=shifted, rows={fields[0]: counts(3, 3)})
    assert "start" in raised.value.plan.errors[fields[0].pk]
