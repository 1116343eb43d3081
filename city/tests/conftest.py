from __future__ import annotations

import importlib
from datetime import date

import pytest
import time_machine

from city.models import ExpectedWard, Regime
from reports.models import Report, ReportState
from reports.tests.conftest import eager_tasks  # noqa: F401 (shared fixture; catalogue_data is project-wide)
from reports.tests.factories import make_report
from wards.models import Ward
from wards.periods import DateRange

TODAY = date(2025, 8, 27)
WEEKS = (
    DateRange(date(2025, 8, 4), date(2025, 8, 9)),
    DateRange(date(2025, 8, 11), date(2025, 8, 16)),
    DateRange(date(2025, 8, 18), date(2025, 8, 23)),
)


@pytest.fixture
def today():
    with time_machine.travel(date(2025, 8, 27), tick=False) as traveller:
        yield traveller


@pytest.fixture
def weekly(db: None, catalogue_data: None) -> Regime:
    # A transactional test finds the tables flushed by earlier ones: the seeded regimes are made again.
    from django.apps import apps

    importlib.import_module("city.migrations.0002_seed_regimes").seed(apps, None)
    return Regime.objects.get(code="bao-cao-tuan")


def expect(regime: Regime, ward: Ward, start: date) -> ExpectedWard:
    return ExpectedWard.objects.create(regime=regime, ward=ward, start=start)


def report_in(ward: Ward, period: DateRange, state: str, approved_on: date | None = None) -> Report:
    """A weekly report put straight into a state: the workflow's own tests cover how it gets there."""
    report = make_report(ward, "bao-cao-tuan", period)
    Report.objects.filter(pk=report.pk).update(state=state, issued_on=approved_on)
    report.refresh_from_db()
    return report


@pytest.fixture
def situation(weekly: Regime, ward: Ward, other_ward: Ward) -> dict[str, Report]:
    """Kim Trà since 01/7: late without a report for 4-9/8, approved late for 11-16/8, signed on the
    deadline day for 18-23/8. Hương Trà formed on 20/8: owes only 18-23/8, and its draft is late."""
    expect(weekly, ward, date(2025, 7, 1))
    expect(weekly, other_ward, date(2025, 8, 20))
    return {
        "approved_late": report_in(ward, WEEKS[1], ReportState.APPROVED, date(2025, 8, 20)),
        "signed": report_in(ward, WEEKS[2], ReportState.SIGNED, date(2025, 8, 25)),
        "draft": report_in(other_ward, WEEKS[2], ReportState.DRAFT),
    }
