"""The long lists in real Chromium on the demo data: sort by a header, page on, filter, with the
period kept in the query string, and the pygal chart shown, all without a CSP violation."""

from __future__ import annotations

import pytest

from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lists_sort_page_and_filter_under_the_csp(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")

    page.goto("/w/kim-tra/procedures/entries/?start=2025-07-01&end=2026-05-05")
    page.get_by_role("link", name="Tiếp nhận").click()
    page.wait_for_url("**sort=received**")
    assert "start=2025-07-01" in page.url
    page.get_by_role("link", name="Trang sau").click()
    page.wait_for_url("**page=2**")
    assert "sort=received" in page.url and "end=2026-05-05" in page.url
    assert page.locator("#entries-table th.asc").count() == 1

    page.goto("/w/kim-tra/staffing/positions/")
    page.get_by_label("Còn thiếu người").select_option("Có")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**short=true**")
    shortages = page.locator("#vacancy-table tbody tr td:last-child").all_inner_texts()
    assert shortages and all(int(n) > 0 for n in shortages)

    page.goto("/w/kim-tra/procedures/?start=2025-07-01&end=2026-05-05")
    chart = page.get_by_role("img", name="Tiếp nhận và giải quyết theo tuần, tỷ lệ đúng hạn")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")

    for url in (
        "/w/kim-tra/assets/?date=2026-05-05&sort=-land_m2",
        "/w/kim-tra/assets/spending/",
        "/w/kim-tra/reports/",
    ):
        page.goto(url)
        assert page.locator("table.table").first.is_visible()
