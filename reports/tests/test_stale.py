"""No lost update on a report: two people saving the same section (htmx) or header from one draft."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reports.models import Report
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.factories import MembershipFactory
from wards.tests.stale import two_sessions

pytestmark = pytest.mark.django_db


def test_a_stale_section_is_refused_with_what_changed(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    sections = list(report.sections.all())
    section = report.sections.get(order=10)
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    prefix = f"s{section.pk}-"
    data = {prefix + "heading": section.heading, prefix + "footnotes": ""}
    content = two_sessions(
        colleague,
        staff,
        reverse("reports:section_save", kwargs={"ward": ward.slug, "pk": report.pk, "section_pk": section.pk}),
        form_url=reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk}),
        nth=1 + sections.index(section),  # the header's form comes first
        answer_nth=0,
        first_data={**data, prefix + "body": "<p>Tuần này tiếp nhận 12 hồ sơ.</p>"},
        second_data={**data, prefix + "body": "<p>Tuần này tiếp nhận 15 hồ sơ.</p>"},
        headers={"HX-Request": "true"},
    )
    section.refresh_from_db()
    assert "12 hồ sơ" in section.body, "the first save stays"
    assert "→ Tuần này tiếp nhận 12 hồ sơ." in content
    assert "Trần Thị Lan" in content
    assert "Tuần này tiếp nhận 15 hồ sơ." in content and 'data-dirty="1"' in content, "the typed text is kept"


def test_a_stale_header_is_refused_with_what_changed(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    data = {"addressees": report.addressees, "recipients": report.recipients, "drafter_initials": ""}
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk}),
        first_data={**data, "summary": "Tình hình tuần 34"},
        second_data={**data, "summary": "Tình hình tuần 34 (bản của tôi)"},
    )
    assert Report.objects.get(pk=report.pk).summary == "Tình hình tuần 34"
    assert "→ Tình hình tuần 34" in content
    assert "Tình hình tuần 34 (bản của tôi)" in content
