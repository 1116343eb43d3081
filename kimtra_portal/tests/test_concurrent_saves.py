"""Overlapping entries saved at the same moment on PostgreSQL: exactly one of each pair is kept
(DESIGN §12: non-overlap guaranteed by a row lock, not only by a check before the insert)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from assets import services as assets_services
from assets.models import Spending, SpendingKind
from indicators import services as indicators_services
from indicators.models import IndicatorValue
from procedures import services as procedures_services
from procedures.models import CaseVolume, ProcedureCatalogue, ProcedureField
from wards.periods import DateRange
from wards.stale import StaleEdit, version_of
from wards.tests.concurrency import at_once

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _one_kept(outcomes: list[BaseException | None]) -> None:
    assert connection.vendor == "postgresql"
    assert sum(outcome is None for outcome in outcomes) == 1, outcomes
    refused = [outcome for outcome in outcomes if outcome is not None]
    assert all(isinstance(outcome, ValidationError) for outcome in refused), refused


def test_two_overlapping_spending_entries_at_once(ward, monkeypatch) -> None:
    def save(start: date, end: date) -> None:
        data = assets_services.SpendingInput(kind=SpendingKind.RECURRENT, start=start, end=end, amount=1_000_000)
        assets_services.spending_create(ward=ward, data=data)

    outcomes = at_once(
        monkeypatch,
        assets_services,
        lambda: save(date(2025, 7, 1), date(2025, 7, 31)),
        lambda: save(date(2025, 7, 15), date(2025, 8, 14)),
    )
    _one_kept(outcomes)
    assert Spending.objects.filter(ward=ward).count() == 1


def test_two_overlapping_tthc_weeks_at_once(ward, monkeypatch) -> None:
    field = ProcedureField.objects.create(name="Lĩnh vực thử đồng thời", position=999)
    counts = {"received": 3, "received_online": 3, "in_progress_on_time": 3}

    def save(period: DateRange) -> None:
        procedures_services.week_save(ward=ward, period=period, rows={field: counts})

    outcomes = at_once(
        monkeypatch,
        procedures_services,
        lambda: save(DateRange(date(2025, 8, 18), date(2025, 8, 23))),
        lambda: save(DateRange(date(2025, 8, 20), date(2025, 8, 26))),
    )
    _one_kept(outcomes)
    assert CaseVolume.objects.filter(ward=ward, field=field).count() == 1


def test_two_overlapping_indicator_values_at_once(ward, catalogue_data, monkeypatch) -> None:
    def save(period: DateRange) -> None:
        indicators_services.indicator_values_save(ward=ward, period=period, values={"docs.plans": Decimal(5)})

    outcomes = at_once(
        monkeypatch,
        indicators_services,
        lambda: save(DateRange(date(2025, 7, 1), date(2025, 12, 31))),
        lambda: save(DateRange(date(2025, 10, 1), date(2026, 3, 31))),
    )
    _one_kept(outcomes)
    assert IndicatorValue.objects.filter(ward=ward, indicator__code="docs.plans").count() == 1


def _catalogue_at(ward, fully_online: int, version: str | None) -> None:
    procedures_services.catalogue_save(
        ward=ward,
        as_of=date(2025, 8, 1),
        procedures=120,
        fully_online=fully_online,
        partly_online=10,
        boundary_free_cases=0,
        version=version,
    )


def test_two_catalogues_of_the_same_date_from_the_page_at_once(ward, monkeypatch) -> None:
    """Both pages read the table without the date: one save inserts, the other is refused as stale
    (it would replace figures its person has not seen), not a second row nor a silent replacement."""
    read = version_of(procedures_services.catalogue_rows(ward), fields=procedures_services.CATALOGUE_FIELDS)
    outcomes = at_once(
        monkeypatch,
        procedures_services,
        lambda: _catalogue_at(ward, 90, read),
        lambda: _catalogue_at(ward, 100, read),
    )
    _one_kept(outcomes)
    assert any(isinstance(outcome, StaleEdit) for outcome in outcomes)
    assert ProcedureCatalogue.objects.filter(ward=ward, as_of=date(2025, 8, 1)).count() == 1


def test_two_catalogues_of_the_same_date_without_a_page_at_once(ward, monkeypatch) -> None:
    """The commands and the demo carry no version: the ward's lock orders the two upserts, so the date
    keeps one row (the later save's) and neither fails on the unique date."""
    outcomes = at_once(
        monkeypatch,
        procedures_services,
        lambda: _catalogue_at(ward, 90, None),
        lambda: _catalogue_at(ward, 100, None),
    )
    assert outcomes == [None, None]
    assert ProcedureCatalogue.objects.filter(ward=ward, as_of=date(2025, 8, 1)).count() == 1
