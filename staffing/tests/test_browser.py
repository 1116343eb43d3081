"""The staffing journey in real Chromium: read the one-year figures, enter a snapshot with live
totals, get refused a line that does not add up; the city reads but cannot write."""

from __future__ import annotations

import pytest

from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_reads_the_figures_and_enters_a_snapshot(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/staffing/?date=2026-05-01")
    assert page.locator("#civil-servants-now").inner_text() == "43"
    assert "46" in page.locator("#civil-servants-now + div").inner_text()
    assert page.locator("#positions-short").inner_text() == "8"
    office = page.locator("#unit-table tr", has_text="Văn phòng HĐND và UBND")
    assert office.locator("td").nth(1).inner_text() == "11"

    page.goto("/w/kim-tra/staffing/snapshots/new/")
    civil_total = page.locator('[data-total-of="civil_servants"]')
    assert civil_total.inner_text() == "43"
    page.locator("#id_on").fill("2026-06-01")
    page.locator("#id_lines-1-specialists").fill("8")
    page.locator("#id_lines-1-civil_servants").fill("10")
    assert civil_total.inner_text() == "42"
    page.get_by_role("button", name="Lưu số liệu").click()
    assert page.locator(".invalid-feedback", has_text="10").first.is_visible()
    page.locator("#id_lines-1-total").fill("10")
    page.get_by_role("button", name="Lưu số liệu").click()
    page.wait_for_url("**/staffing/?date=2026-06-01")
    assert page.locator("#civil-servants-now").inner_text() == "42"


def test_home_affairs_reads_but_cannot_write(page, demo_data) -> None:
    sign_in(page, "sonoivu")
    page.wait_for_url("**/city/")
    page.goto("/w/kim-tra/staffing/positions/")
    assert page.locator("#positions-by-unit").is_visible()
    assert page.get_by_role("link", name="Thêm số liệu").count() == 0
    response = page.goto("/w/kim-tra/staffing/snapshots/new/")
    assert response.status == 403
