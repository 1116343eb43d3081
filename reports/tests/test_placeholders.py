from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from reports.models import Report, ReportState
from reports.placeholders import Kind, PlaceholderError, fill, format_value, resolve, unknown_keys
from reports.services import report_section_update
from reports.tests.factories import ANNUAL_RANGE, make_report
from wards.periods import DateRange

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        (Kind.NUMBER, 8557, "8.557"),
        (Kind.NUMBER, 8, "08"),
        (Kind.NUMBER, Decimal("42.80"), "42,80"),
        (Kind.PERCENT, Decimal(8258) * 100 / 8260, "99,97%"),
        (Kind.MONEY, 18749464101, "18.749.464.101 đồng"),
        (Kind.AREA, 178254, "178.254 m²"),
        # Body dates as the seeds write them (DESIGN §4): no leading zero for months 3-12.
        (Kind.DATE, date(2025, 7, 1), "01/7/2025"),
        (Kind.DATE, date(2026, 1, 1), "01/01/2026"),
        (Kind.TEXT, "a & b", "a & b"),
        (Kind.NUMBER, None, "…"),
    ],
)
def test_format_value(kind: Kind, value: object, text: str) -> None:
    assert format_value(kind, value) == text


def test_ward_and_indicator_values(ward, demo_indicators) -> None:
    values = resolve(ward, ANNUAL_RANGE)
    assert values["ward.population"] == "36.296"
    assert values["ward.area_km2"] == "42,80"
    assert values["ward.former_units"] == "phường Hương Xuân, phường Hương Chữ và xã Hương Toàn"
    assert values["docs.total.until_dec31"] == "2.818"
    assert values["docs.total.from_jan1"] == "2.393"
    assert values["docs.decisions.until_dec31"] == "898"
    assert values["docs.schemes.until_dec31"] == "04"
    assert values["conf.total"] == "08"
    assert values["digital.signed_docs"] == "95%"
    assert values["digital.smartphone_users"] == "80%"
    assert values["report.start"] == "01/7/2025"


def test_fill_escapes_and_refuses_unknown_keys(ward) -> None:
    assert fill("<p>[[a]] [[^1]]</p>", {"a": "<b>"}) == "<p>&lt;b&gt; [[^1]]</p>"
    with pytest.raises(PlaceholderError) as raised:
        fill("<p>[[nope.key]]</p>", {})
    assert raised.value.keys == ["nope.key"]


def test_unknown_key_is_an_error_when_a_section_is_saved(ward) -> None:
    section = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 8, 18), date(2025, 8, 23))).sections.first()
    with pytest.raises(ValidationError) as raised:
        report_section_update(section=section, heading="", body="<p>[[ward.name]] [[tthc.nonsense]]</p>", footnotes="")
    assert "tthc.nonsense" in str(raised.value)
    assert unknown_keys("[[ward.name]]") == []


def test_weekly_report_starts_from_the_latest_approved_text(ward) -> None:
    first = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 8, 18), date(2025, 8, 23)))
    section = first.sections.get(order=10)
    report_section_update(section=section, heading="", body="<p>Văn bản riêng [[report.start]]</p>", footnotes="")
    draft_only = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 8, 25), date(2025, 8, 30)))
    assert draft_only.sections.get(order=10).body != "<p>Văn bản riêng [[report.start]]</p>"
    draft_only.delete()
    Report.objects.filter(pk=first.pk).update(state=ReportState.APPROVED)
    second = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 8, 25), date(2025, 8, 30)))
    assert second.sections.get(order=10).body == "<p>Văn bản riêng [[report.start]]</p>"
    assert resolve(ward, DateRange(second.start, second.end))["report.start"] == "25/8/2025"
