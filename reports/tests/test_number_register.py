"""The number register under approvals that happen at the same moment, on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from reports.models import NumberRegister, Report
from reports.tests.factories import make_report
from reports.workflow import report_approve, report_submit
from wards.periods import DateRange
from wards.tests.factories import MembershipFactory


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_leaders_approving_at_once_get_consecutive_numbers(
    ward, staff, leader, catalogue_data, fast_pdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert connection.vendor == "postgresql"
    vice = MembershipFactory(ward=ward, vice=True)
    rounds = 3
    jobs = []
    for week in range(rounds):
        weekly = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 9, 1 + 7 * week), date(2025, 9, 6 + 7 * week)))
        annual = make_report(ward, period=DateRange(date(2025, 7, 1), date(2025, 12, 31 - week)))
        for report in (weekly, annual):
            report_submit(report=report, actor=staff.user)
        jobs.append([(weekly, vice.user), (annual, leader.user)])

    # Both approvals hold their own report's row lock and reach the register at the same moment.
    from reports import workflow

    take_number = workflow._next_number
    barrier = threading.Barrier(2, timeout=30)

    def at_the_same_moment(report: Report, year: int) -> int:
        barrier.wait()
        return take_number(report, year)

    monkeypatch.setattr(workflow, "_next_number", at_the_same_moment)
    errors: list[BaseException] = []

    def approve(report: Report, user) -> None:
        try:
            report_approve(report=report, actor=user)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    for pair in jobs:
        threads = [threading.Thread(target=approve, args=job) for job in pair]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    numbers = sorted(Report.objects.filter(ward=ward).values_list("number", flat=True))
    assert numbers == list(range(1, 2 * rounds + 1)), "no gap and no duplicate"
    assert NumberRegister.objects.get(ward=ward).last_number == 2 * rounds
