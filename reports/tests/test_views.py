from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db


def test_report_pages_matrix(ward, seeds, staff, leader, home_affairs, other_staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    kwargs = {"ward": ward.slug, "pk": report.pk}
    for name in ("reports:detail", "reports:preview"):
        assert_permission_matrix(
            reverse(name, kwargs=kwargs), allowed=[staff, leader, home_affairs], outsider=other_staff
        )
    assert_permission_matrix(
        reverse("reports:list", kwargs={"ward": ward.slug}), allowed=[staff, leader, home_affairs], outsider=other_staff
    )
    assert_permission_matrix(
        reverse("reports:new", kwargs={"ward": ward.slug}),
        allowed=[staff, leader],
        forbidden=[home_affairs],
        outsider=other_staff,
    )
    section = report.sections.first()
    url = reverse("reports:section_save", kwargs=kwargs | {"section_pk": section.pk})
    data = {f"s{section.pk}-heading": "", f"s{section.pk}-body": "<p>[[ward.name]]</p>", f"s{section.pk}-footnotes": ""}
    assert_permission_matrix(
        url, allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff, method="post", data=data
    )
    assert_permission_matrix(
        reverse("reports:detail", kwargs=kwargs),
        allowed=[],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        data={},
    )


def test_section_save_shows_unknown_keys(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    section = report.sections.get(order=10)
    response = client_for(staff).post(
        reverse("reports:section_save", kwargs={"ward": ward.slug, "pk": report.pk, "section_pk": section.pk}),
        {f"s{section.pk}-heading": "", f"s{section.pk}-body": "<p>[[khong.co]]</p>", f"s{section.pk}-footnotes": ""},
    )
    assert "khong.co" in response.content.decode()
    section.refresh_from_db()
    assert "khong.co" not in section.body


def test_create_report_and_live_preview(ward, staff) -> None:
    client = client_for(staff)
    new = reverse("reports:new", kwargs={"ward": ward.slug})
    response = client.post(f"{new}?start=2025-07-01&end=2026-05-05", {"template": 1})
    assert response.status_code == 302
    report = ward.reports.get()
    assert (report.start, report.end) == (date(2025, 7, 1), date(2026, 5, 5))
    section = report.sections.get(order=10)
    preview = client.post(
        reverse("reports:section_preview", kwargs={"ward": ward.slug, "pk": report.pk, "section_pk": section.pk}),
        {f"s{section.pk}-body": "<p onclick='x()'>Dân số [[ward.population]]</p>"},
    ).content.decode()
    assert "Dân số 36.296" in preview and "onclick" not in preview
    figures = client.get(
        reverse("reports:preview", kwargs={"ward": ward.slug, "pk": report.pk}), headers={"HX-Request": "true"}
    ).content.decode()
    assert "[[ward.population]]" in figures and "36.296" in figures
