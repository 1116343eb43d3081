"""Figures over a range: flows summed, stocks from the latest entry, coverage, cut entries, rates, the
seed figures of the demo data, and a number of queries that does not grow with the range."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command

from procedures.figures import figures_for, nested_figures, rate
from procedures.models import ProcedureField
from wards.formatting import vi_percent
from wards.models import Ward
from wards.periods import DateRange

from .factories import CaseVolumeFactory, ProcedureCatalogueFactory

MONDAY = date(2025, 8, 18)


@pytest.fixture
def field(db: None) -> ProcedureField:
    return ProcedureField.objects.get(name="Chứng thực")


def week(n: int) -> tuple[date, date]:
    start = MONDAY + timedelta(weeks=n)
    return start, start + timedelta(days=5)


def test_flows_are_summed_and_stocks_taken_from_the_latest_entry(ward, field) -> None:
    for n, (received, resolved) in enumerate([(10, 8), (20, 15), (30, 29)]):
        start, end = week(n)
        CaseVolumeFactory(ward=ward, field=field, start=start, end=end, received=received, resolved=resolved)
    figures = figures_for(ward, MONDAY, week(2)[1])
    assert figures.received == 60
    assert figures.on_time == figures.resolved == 52
    assert figures.in_progress_on_time == 1  # the last week's, not 2 + 5 + 1
    assert figures.returned == 29
    assert figures.coverage.label == "3/3 tuần"
    assert figures.coverage.complete


def test_entry_cut_by_the_range_is_flagged_and_left_out(ward, field) -> None:
    CaseVolumeFactory(ward=ward, field=field, start=week(0)[0], end=week(0)[1])
    cut = CaseVolumeFactory(ward=ward, field=field, start=week(1)[0], end=week(1)[1], received=50, resolved=50)
    figures = figures_for(ward, MONDAY, week(1)[0] + timedelta(days=2))
    assert figures.received == 10
    assert figures.coverage.cut_entries == (cut,)
    assert not figures.coverage.complete
    assert figures.coverage.label == "1/2 tuần"


def test_uncovered_weeks_are_counted(ward, field) -> None:
    CaseVolumeFactory(ward=ward, field=field, start=week(2)[0], end=week(2)[1])
    figures = figures_for(ward, DateRange(MONDAY, week(3)[1]))
    assert (figures.coverage.weeks_covered, figures.coverage.weeks_total) == (1, 4)
    assert not figures.coverage.complete


def test_other_wards_are_not_counted(ward, other_ward, field) -> None:
    CaseVolumeFactory(ward=other_ward, field=field)
    assert figures_for(ward, *week(0)).received == 0


def test_by_field_lists_every_field_in_use(ward, field) -> None:
    CaseVolumeFactory(ward=ward, field=field, received=239, resolved=227)
    rows = {row.name: row.counts for row in figures_for(ward, *week(0)).by_field}
    assert len(rows) == 9
    assert rows["Chứng thực"].received == 239
    assert rows["Đất đai"].received == 0


def test_rates_are_cut_and_late_is_the_complement() -> None:
    assert rate(8258, 8260) == Decimal("99.97")
    assert rate(1, 0) is None
    from procedures.figures import Counts

    counts = Counts(on_time=8258, late=2, paid_online=4889, fee_bearing=5000)
    assert vi_percent(counts.on_time_rate) == "99,97%"
    assert vi_percent(counts.late_rate) == "0,03%"
    assert vi_percent(counts.online_payment_rate) == "97,78%"
    assert Counts().late_rate is None


def test_catalogue_at_the_end_of_the_range(ward) -> None:
    ProcedureCatalogueFactory(ward=ward, as_of=date(2025, 7, 1), fully_online=100, partly_online=300)
    ProcedureCatalogueFactory(ward=ward, as_of=date(2026, 5, 5))
    assert figures_for(ward, *week(0)).catalogue.fully_online == 100
    assert figures_for(ward, date(2025, 7, 1), date(2026, 5, 5)).catalogue.fully_online == 144
    assert figures_for(ward, date(2025, 1, 1), date(2025, 1, 31)).catalogue is None


def test_queries_do_not_grow_with_the_range(ward, field, django_assert_max_num_queries) -> None:
    for n in range(20):
        CaseVolumeFactory(ward=ward, field=field, start=week(n)[0], end=week(n)[1])
    with django_assert_max_num_queries(3):
        short = figures_for(ward, *week(0))
    with django_assert_max_num_queries(3):
        long = figures_for(ward, MONDAY, week(19)[1] + timedelta(days=3))
        assert [w.received for w in long.weeks] == [10] * 20
    assert short.received == 10


def test_nested_ranges_equal_their_own_figures_in_the_queries_of_one(ward, field, django_assert_num_queries) -> None:
    retired = ProcedureField.objects.create(name="Đã bỏ", position=99, active=False)
    CaseVolumeFactory(ward=ward, field=retired, start=week(0)[0], end=week(0)[1], received=7, resolved=7)
    for n in range(1, 4):
        CaseVolumeFactory(ward=ward, field=field, start=week(n)[0], end=week(n)[1], received=10 * n, resolved=n)
    # A month entry ending inside the last week: inside the outer range, cut by the last week.
    CaseVolumeFactory(
        ward=ward,
        field=ProcedureField.objects.get(name="Hộ tịch"),
        start=week(1)[0],
        end=week(3)[0] + timedelta(days=2),
        received=5,
        resolved=5,
    )
    ProcedureCatalogueFactory(ward=ward, as_of=week(2)[0])
    outer, last = DateRange(MONDAY, week(3)[1]), DateRange(*week(3))
    with django_assert_num_queries(3):
        both = nested_figures(ward, outer, last)
    assert both == (figures_for(ward, outer), figures_for(ward, last))
    assert "Đã bỏ" in {row.name for row in both[0].by_field} and "Đã bỏ" not in {row.name for row in both[1].by_field}
    assert both[1].received == 30 and len(both[1].coverage.cut_entries) == 1
    with pytest.raises(ValueError):
        nested_figures(ward, last, outer)


@pytest.fixture
def demo(db: None, settings) -> dict[str, Ward]:
    settings.DEBUG = True
    call_command("load_demo")
    return {ward.slug: ward for ward in Ward.objects.all()}


def test_demo_reproduces_the_weekly_seed(demo) -> None:
    figures = figures_for(demo["kim-tra"], date(2025, 8, 18), date(2025, 8, 23))
    assert figures.received == 315
    assert [row.counts.received for row in figures.by_field] == [10, 239, 16, 2, 37, 4, 3, 1, 3]
    statuses = (
        figures.in_progress_on_time,
        figures.returned_for_supplement,
        figures.awaiting_return,
        figures.returned,
        figures.awaiting_issuance,
    )
    assert statuses == (37, 1, 2, 257, 18)
    assert (figures.on_time, figures.resolved, figures.on_time_rate) == (277, 277, Decimal(100))
    assert (figures.received_online, vi_percent(figures.online_rate), vi_percent(figures.digitisation_rate)) == (
        315,
        "100%",
        "100%",
    )


def test_demo_reproduces_the_one_year_seed_and_is_idempotent(demo, settings) -> None:
    call_command("load_demo")
    figures = figures_for(demo["kim-tra"], date(2025, 7, 1), date(2026, 5, 5))
    assert (figures.received, figures.resolved, figures.on_time, figures.late) == (8557, 8260, 8258, 2)
    assert (vi_percent(figures.on_time_rate), vi_percent(figures.late_rate)) == ("99,97%", "0,03%")
    assert vi_percent(figures.online_payment_rate) == "97,78%"
    assert (figures.catalogue.procedures, figures.catalogue.fully_online, figures.catalogue.partly_online) == (
        424,
        144,
        280,
    )
    assert figures.catalogue.boundary_free_cases == 0
    assert figures.coverage.complete
    assert figures_for(demo["huong-tra"], date(2025, 7, 1), date(2026, 5, 5)).received > 0


def test_full_online_service_rate_is_over_the_eligible_procedures(ward) -> None:
    ProcedureCatalogueFactory(
        ward=ward, as_of=date(2026, 5, 5), fully_online=144, partly_online=280, eligible_fully_online=144
    )
    catalogue = figures_for(ward, DateRange(date(2026, 5, 1), date(2026, 5, 5))).catalogue
    assert vi_percent(catalogue.full_online_service_rate) == "100%"


def test_unknown_eligibility_gives_no_rate(ward) -> None:
    ProcedureCatalogueFactory(ward=ward, as_of=date(2026, 5, 5), procedures=424, fully_online=144, partly_online=280)
    catalogue = figures_for(ward, DateRange(date(2026, 5, 1), date(2026, 5, 5))).catalogue
    assert catalogue.full_online_service_rate is None
