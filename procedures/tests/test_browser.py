"""The main journey in Chromium: the seed week's figures, then typing in the week table."""

from __future__ import annotations

import pytest

from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_reads_the_seed_week_and_types_a_week(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/procedures/?start=2025-08-18&end=2025-08-23")
    assert page.get_by_test_id("received").inner_text() == "315"
    assert page.get_by_test_id("on-time").inner_text() == "277/277 = 100%"
    assert "239" in page.locator("#by-field").inner_text()
    page.goto("/w/kim-tra/procedures/?start=2025-07-01&end=2026-05-05")
    assert page.get_by_test_id("received").inner_text() == "8.557"
    assert page.get_by_test_id("on-time").inner_text() == "8.258/8.260 = 99,97%"
    assert page.locator("svg rect").count() > 80

    page.goto("/w/kim-tra/procedures/week/?start=2026-05-11&end=2026-05-16")
    first = page.locator("[data-row]").first
    first.locator("[data-count=received]").fill("12")
    first.locator("[data-count=in_progress_on_time]").fill("2")
    assert "mismatch" in (first.locator("[data-row-total]").get_attribute("class") or "")
    first.locator("[data-count=returned]").fill("10")
    assert first.locator("[data-row-total]").inner_text() == "12"
    assert "mismatch" not in (first.locator("[data-row-total]").get_attribute("class") or "")
    assert page.locator("[data-column-total]").first.inner_text() == "12"
    first.locator("[data-count=resolved_on_time]").fill("10")
    page.get_by_role("button", name="Lưu số liệu tuần").click()
    assert page.get_by_text("đã được lưu").first.is_visible()


def test_range_picker_snaps_to_the_month(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/procedures/?start=2025-08-18&end=2025-08-23")
    page.get_by_label("Kỳ", exact=True).select_option("month")
    assert page.locator("[name=start]").input_value() == "2025-08-01"
    assert page.locator("[name=end]").input_value() == "2025-08-31"
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**start=2025-08-01&end=2025-08-31")
