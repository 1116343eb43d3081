"""The Home Affairs officer's journey in real Chromium: open the matrix, filter the late wards, remind
them, accept two signed reports at once, export the matrix and open the file."""

from __future__ import annotations

import importlib
from io import BytesIO
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from city import demo as city_demo
from city import tasks as city_tasks
from city.models import Regime, Reminder
from reports import tasks as report_tasks
from reports.models import Report, ReportState
from wards import demo as wards_demo
from wards.tests.browser import sign_in

from .conftest import report_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def city_data(catalogue_data, monkeypatch: pytest.MonkeyPatch) -> dict[str, Report]:
    """Two wards owing the weekly report; late for the two older of the last three weeks, signed
    for the latest. Mail tasks are held: the broker is not part of this journey."""
    importlib.import_module("city.migrations.0002_seed_regimes").seed(apps, None)
    for task in (city_tasks.send_reminder, report_tasks.send_transition_notice):
        monkeypatch.setattr(task, "apply_async", lambda *args, **kwargs: None)
    wards = wards_demo.load()
    city_demo.load(wards.values())
    weeks = Regime.objects.get(code="bao-cao-tuan").shape.periods(timezone.localdate(), 3)
    return {slug: report_in(ward, weeks[-1], ReportState.SIGNED, weeks[-1].end) for slug, ward in wards.items()}


def test_officer_reminds_late_wards_accepts_two_reports_and_exports(page, city_data) -> None:
    sign_in(page, "sonoivu")
    page.wait_for_url("**/city/")
    page.goto("/city/?periods=3")
    expect(page.locator("#on-time-rule")).to_be_visible()

    page.get_by_label("Lọc phường, xã có").select_option(label="trễ hạn")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**show=late**")
    assert page.locator("tbody tr").count() == 2

    page.locator("#remind-late").click()
    expect(page.get_by_text("Đã gửi 4 nhắc nhở")).to_be_visible()
    assert Reminder.objects.count() == 4  # two wards, two late weeks each

    page.goto("/city/?periods=3")
    for checkbox in page.locator("input[name=report]").all():
        checkbox.check()
    page.locator("#accept-selected").click()
    expect(page.locator(".alert-success")).to_have_count(2)
    assert set(Report.objects.values_list("state", flat=True)) == {ReportState.ACCEPTED}

    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất bảng theo dõi và số liệu tổng hợp (Excel)").click()
    book = load_workbook(BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book["Tình hình gửi báo cáo"]
    assert [row[0] for row in sheet.iter_rows(min_row=3, max_row=4, values_only=True)] == [
        "phường Hương Trà",
        "phường Kim Trà",
    ]
    assert "đã tiếp nhận" in [cell for cell in next(sheet.iter_rows(min_row=3, values_only=True))]
