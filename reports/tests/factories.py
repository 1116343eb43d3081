from __future__ import annotations

from datetime import date

from reports.models import Report, ReportTemplate
from reports.services import report_create
from wards.models import Ward
from wards.periods import DateRange

ANNUAL_RANGE = DateRange(date(2025, 7, 1), date(2026, 5, 5))
WEEKLY_RANGE = DateRange(date(2025, 8, 18), date(2025, 8, 23))


def make_report(ward: Ward, code: str = "so-ket-01-nam", period: DateRange = ANNUAL_RANGE) -> Report:
    return report_create(ward=ward, template=ReportTemplate.objects.get(code=code), period=period, created_by=None)
