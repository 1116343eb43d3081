"""Facts of the report itself: its range and, through overrides, its number and date."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, register

KEYS = [
    PlaceholderKey("report.start", "Ngày bắt đầu kỳ báo cáo", Kind.DATE),
    PlaceholderKey("report.end", "Ngày kết thúc kỳ báo cáo", Kind.DATE),
    PlaceholderKey("report.days", "Số ngày của kỳ báo cáo", Kind.NUMBER),
    PlaceholderKey("report.date", "Ngày ban hành báo cáo", Kind.DATE),
    PlaceholderKey("report.number", "Số, ký hiệu báo cáo (12/BC-UBND)", Kind.TEXT),
    PlaceholderKey("report.until_dec31", "Ngày 31/12 của năm bắt đầu kỳ báo cáo", Kind.DATE),
    PlaceholderKey("report.from_jan1", "Ngày 01/01 của năm tiếp theo", Kind.DATE),
]


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    return {
        "report.start": period.start,
        "report.end": period.end,
        "report.days": period.days,
        "report.date": timezone.localdate(),
        "report.number": f"…/BC-{ward.document_code}",
        "report.until_dec31": date(period.start.year, 12, 31),
        "report.from_jan1": date(period.start.year + 1, 1, 1),
    }


register("report", keys=KEYS, values=values)
