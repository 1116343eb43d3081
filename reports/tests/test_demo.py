from __future__ import annotations

from datetime import date

import pytest

from reports import demo
from reports.models import Report, ReportState
from wards import demo as wards_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_pdf")]


def test_the_seed_reports_are_approved_and_every_state_has_a_report() -> None:
    wards = wards_demo.load()
    demo.load(wards)
    demo.load(wards)  # idempotent
    reports = Report.objects.filter(ward=wards["kim-tra"])
    assert set(reports.values_list("state", flat=True)) == set(ReportState.values)
    weekly = reports.get(start=demo.WEEKLY.start, end=demo.WEEKLY.end)
    annual = reports.get(start=demo.ANNUAL.start, end=demo.ANNUAL.end)
    assert (weekly.state, weekly.signer.username) == (ReportState.APPROVED, "kimtra.phochutich")
    assert (annual.state, annual.signer.username) == (ReportState.APPROVED, "kimtra.chutich")
    assert weekly.approved_pdf.sha256 and annual.approved_pdf.sha256
    # Issued after their ranges, not on the day of loading: the weeks of 2025 numbered 1-3, the review 1 of 2026.
    numbers = sorted(reports.exclude(number=None).values_list("number_year", "number", "issued_on"))
    assert numbers == [
        (2025, 1, date(2025, 7, 21)),
        (2025, 2, date(2025, 7, 28)),
        (2025, 3, date(2025, 8, 25)),
        (2026, 1, date(2026, 5, 8)),
    ]
    assert reports.get(state=ReportState.DRAFT, return_reason__gt="").events.last().action == "return"
    assert reports.count() == 7
