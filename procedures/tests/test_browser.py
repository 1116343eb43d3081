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
    chart = page.locator("figure.procedures-chart img")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")  # the pygal SVG, 45 weeks

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


def test_period_picker_snaps_to_the_month_and_steps_by_it(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/procedures/?start=2025-08-18&end=2025-08-23")
    page.get_by_label("Kỳ", exact=True).select_option("month")
    assert page.locator("[name=start]").input_value() == "2025-08-01"
    assert page.locator("[name=end]").input_value() == "2025-08-31"
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**start=2025-08-01&end=2025-08-31")
    # Previous steps by the kind chosen, and the picker keeps it.
    page.get_by_test_id("period-previous").click()
    page.wait_for_url("**kind=month&start=2025-07-01&end=2025-07-31")
    assert page.get_by_label("Kỳ", exact=True).input_value() == "month"


def test_week_form_fits_1366_pixels_and_takes_keyboard_entry(page, demo_data, tmp_path) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/procedures/week/?start=2026-05-11&end=2026-05-16")
    wrap = page.locator(".week-table-wrap")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth"), "no column is off-screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    last_header = page.locator(".week-table thead th").last.bounding_box()
    assert last_header["x"] + last_header["width"] <= 1366

    first = page.locator("[data-row]").nth(0)
    second = page.locator("[data-row]").nth(1)
    first.locator("[data-count=received]").click()
    page.keyboard.type("12")
    page.keyboard.press("Enter")
    page.keyboard.type("5")
    assert second.locator("[data-count=received]").input_value() == "5"
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("11")
    assert first.locator("[data-count=received_online]").input_value() == "11"
    page.keyboard.press("ArrowDown")
    page.keyboard.type("4")
    assert second.locator("[data-count=received_online]").input_value() == "4"
    page.keyboard.press("Home")
    page.keyboard.press("ArrowLeft")
    page.keyboard.type("0")
    assert second.locator("[data-count=received]").input_value() == "0", "a cell reached is typed over"

    first.locator("[data-count=in_progress_on_time]").fill("123456789")
    page.get_by_role("button", name="Lưu số liệu tuần").click()
    invalid = page.locator("[data-row]").nth(0).locator("[data-count=in_progress_on_time]")
    invalid.wait_for()
    assert "is-invalid" in (invalid.get_attribute("class") or "")
    assert invalid.input_value() == "123456789", "the typed value is kept"
    assert invalid.evaluate("element => getComputedStyle(element).backgroundImage") == "none", "no icon over the value"
    page.screenshot(path=tmp_path / "week-1366.png", full_page=True)
