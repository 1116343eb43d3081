from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
import time_machine
from pypdf import PdfReader

from reports import demo
from reports.demo_token import blank_pdf
from reports.models import Report, ReportState
from reports.pdf import report_pdf
from wards import demo as wards_demo

pytestmark = pytest.mark.django_db

# The demo is loaded long after the figures it reports on.
LOADED_ON = date(2026, 12, 3)


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> dict[str, Report]:
    """The demo loaded on LOADED_ON; the seed week's approval renders its real PDF, the others a blank page
    (WeasyPrint takes seconds a report)."""

    def pdf(report: Report, final: bool) -> bytes:
        if (report.start, report.end) == (demo.WEEKLY.start, demo.WEEKLY.end):
            return report_pdf(report, final=final)
        return blank_pdf(report.signature_field_name)

    monkeypatch.setattr("reports.workflow.report_pdf", pdf)
    with time_machine.travel(LOADED_ON, tick=False):
        wards = wards_demo.load()
        demo.load(wards)
        demo.load(wards)  # idempotent
    reports = Report.objects.filter(ward=wards["kim-tra"])
    return {
        "weekly": reports.get(start=demo.WEEKLY.start, end=demo.WEEKLY.end),
        "annual": reports.get(start=demo.ANNUAL.start, end=demo.ANNUAL.end),
    }


def test_the_seed_reports_are_approved_and_every_state_has_a_report(loaded: dict[str, Report]) -> None:
    weekly, annual = loaded["weekly"], loaded["annual"]
    reports = Report.objects.filter(ward=weekly.ward)
    assert set(reports.values_list("state", flat=True)) == set(ReportState.values)
    assert (weekly.state, weekly.signer.username) == (ReportState.APPROVED, "kimtra.phochutich")
    assert (annual.state, annual.signer.username) == (ReportState.APPROVED, "kimtra.chutich")
    assert weekly.approved_pdf.sha256 and annual.approved_pdf.sha256
    assert reports.get(state=ReportState.DRAFT, return_reason__gt="").events.last().action == "return"
    assert reports.count() == 7


def test_each_step_happens_on_a_plausible_day_before_the_deadline(loaded: dict[str, Report]) -> None:
    weekly, annual = loaded["weekly"], loaded["annual"]
    # Week 18-23/8/2025: submitted on its Saturday, approved on Monday 25/8 (the deadline day).
    assert [(e.action, e.at.date()) for e in weekly.events.order_by("pk")] == [
        ("submit", date(2025, 8, 23)),
        ("approve", date(2025, 8, 25)),
    ]
    assert weekly.issued_on == date(2025, 8, 25) and weekly.approved_pdf.finished_at.date() == date(2025, 8, 25)
    # The one-year review answers the city's plan of 07/5/2026: issued on 08/5, within its 10 days.
    assert annual.issued_on == date(2026, 5, 8)
    accepted = Report.objects.get(ward=weekly.ward, state=ReportState.ACCEPTED)
    assert [(e.action, e.at.date()) for e in accepted.events.order_by("pk")] == [
        ("submit", date(2025, 7, 19)),
        ("approve", date(2025, 7, 21)),
        ("sign", date(2025, 7, 21)),
        ("accept", date(2025, 7, 22)),
    ]
    assert accepted.signed_pdf.signature.signed_at.date() == date(2025, 7, 21)
    assert not Report.objects.filter(events__at__date=LOADED_ON).exists()


def test_numbers_are_gapless_per_year_in_date_order(loaded: dict[str, Report]) -> None:
    numbered = Report.objects.filter(ward=loaded["weekly"].ward).exclude(number=None).order_by("issued_on")
    assert [(r.number_year, r.number, r.issued_on) for r in numbered] == [
        (2025, 1, date(2025, 7, 21)),
        (2025, 2, date(2025, 7, 28)),
        (2025, 3, date(2025, 8, 25)),
        (2026, 1, date(2026, 5, 8)),
    ]


def test_the_seed_weeks_approved_pdf_shows_its_issue_date_and_number(loaded: dict[str, Report]) -> None:
    weekly = loaded["weekly"]
    with weekly.approved_pdf.file.open("rb") as stored:
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(stored.read())).pages)
    heading = text.split("BÁO CÁO")[0]
    assert f"Số: 3/BC-{weekly.ward.document_code}" in heading
    assert "Kim Trà, ngày 25 tháng 8 năm 2025" in heading
