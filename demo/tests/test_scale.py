"""load_demo --scale: generated wards that pass their models' validation, deterministic, marked as demo."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from city.archive import archive_reports, archive_write
from city.models import Regime
from demo import scale
from procedures.models import CaseVolume
from reports.models import PdfKind, PdfStatus, Report, ReportState
from reports.tests.conftest import media_root  # noqa: F401 (shared fixture: PDFs go to the test's folder)
from wards.models import Ward
from wards.periods import DateRange

pytestmark = pytest.mark.django_db


@pytest.fixture
def short_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale, "WEEKS", 6)


def test_scale_makes_valid_deterministic_demo_wards(short_scale, ward: Ward) -> None:
    scale.load(ward.city, 3, date(2026, 5, 9))
    generated = Ward.objects.filter(slug__startswith="thu-nghiem")
    assert Ward.objects.count() == 3 and generated.count() == 2 and all(ward.is_demo for ward in generated)
    rows = list(CaseVolume.objects.filter(ward__in=generated))
    assert len(rows) == 2 * 6 * 9 and all(row.is_demo for row in rows)
    for row in rows:
        row.full_clean()  # figures that add up and no overlapping period
    reports = Report.objects.filter(ward__in=generated)
    assert len({report.state for report in reports}) >= 2
    for report in reports:
        report.full_clean()
    # The same ward and week give the same figures on every run.
    ward = generated.first()
    monday = min(row.start for row in rows)
    again = scale._week_rows(ward, [row.field for row in rows[:9]], monday)
    stored = CaseVolume.objects.filter(ward=ward, start=monday).order_by("field__position")
    assert [row.received for row in again] == [row.received for row in stored]
    assert scale.load(ward.city, 3, date(2026, 5, 9)).created == 0
    assert Ward.objects.count() == 3 and CaseVolume.objects.filter(ward__in=generated).count() == len(rows)


def test_approved_scale_reports_have_their_own_stored_pdf(short_scale, ward: Ward) -> None:
    until = date(2026, 5, 9)
    scale.load(ward.city, 3, until)
    reports = list(Report.objects.filter(ward__slug__startswith="thu-nghiem").select_related("approved_pdf", "ward"))
    approved = [report for report in reports if report.issued_on]
    assert approved and len(approved) < len(reports)  # the newest weeks are drafts or submitted, or missing
    for report in reports:
        if report.state in (ReportState.DRAFT, ReportState.SUBMITTED):
            assert report.approved_pdf is None
            continue
        pdf = report.approved_pdf
        assert pdf.kind == PdfKind.APPROVED and pdf.status == PdfStatus.DONE and pdf.report_id == report.pk
        content = pdf.file.open("rb").read()
        assert pdf.sha256 == hashlib.sha256(content).hexdigest() and pdf.size == len(content)
        text = PdfReader(BytesIO(content), strict=True).pages[0].extract_text()
        assert report.ward.slug in text and f"{report.start:%d/%m/%Y}" in text and f"So {report.number}/" in text
    assert len({report.approved_pdf.sha256 for report in approved}) == len(approved)
    # The city's ZIP of an approved week has every generated ward in it.
    week = max(report.start for report in approved)
    period = DateRange(week, week + timedelta(days=5))
    in_zip = archive_reports(Regime.objects.get(code="bao-cao-tuan"), ward.city, period)
    assert {report.ward.slug for report in in_zip} == {report.ward.slug for report in approved if report.start == week}
    output = BytesIO()
    assert archive_write(in_zip, output) == len(in_zip)
    with zipfile.ZipFile(output) as archive:
        assert all(archive.read(name).startswith(b"%PDF-") for name in archive.namelist())


def test_demo_pdf_is_a_valid_pdf_of_its_lines() -> None:
    content = scale.demo_pdf(["Dong mot (a)", "Phường"])
    text = PdfReader(BytesIO(content), strict=True).pages[0].extract_text()
    assert "Dong mot [a]" in text and "Ph??ng" in text


def test_last_saturday() -> None:
    assert scale.last_saturday(date(2025, 8, 23)) == date(2025, 8, 23)
    assert scale.last_saturday(date(2025, 8, 27)) == date(2025, 8, 23)
