"""load_demo --scale: generated wards that pass their models' validation, deterministic, marked as demo."""

from __future__ import annotations

from datetime import date

import pytest

from demo import scale
from procedures.models import CaseVolume
from reports.models import Report
from wards.models import Ward

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


def test_last_saturday() -> None:
    assert scale.last_saturday(date(2025, 8, 23)) == date(2025, 8, 23)
    assert scale.last_saturday(date(2025, 8, 27)) == date(2025, 8, 23)
