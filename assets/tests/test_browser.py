"""The assets journey in real Chromium: the register with the seed's totals, adding a facility, the spending
of the one-year range, and the city's read-only view."""

from __future__ import annotations

import pytest

from assets.models import Facility
from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_reads_the_register_and_adds_a_facility(page, demo_data) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/assets/?date=2026-05-05")
    assert page.locator("#facility-count").inner_text() == "41"
    assert page.locator("#total-area").inner_text() == "178.254 m²"
    assert page.locator("#surplus-count").inner_text() == "1"
    assert page.get_by_text("Cơ sở Phòng khám đa khoa Km9").first.is_visible()

    page.get_by_label("Mục đích sử dụng").select_option("school")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**use=school**")
    assert page.locator("#register-table tbody tr").count() == 25  # a page of 25, the footer counts all 31
    assert page.get_by_text("Tổng 31 cơ sở trong danh sách").is_visible()

    page.get_by_role("link", name="Thêm cơ sở nhà đất").click()
    page.get_by_label("Tên").fill("Nhà văn hóa tổ dân phố 5")
    page.get_by_label("Mục đích sử dụng").select_option("other")
    page.get_by_label("Diện tích đất (m²)").fill("1.250,5")
    page.get_by_label("Diện tích sàn nhà (m²)").fill("300")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("không có phần thập phân").first.is_visible()
    page.get_by_label("Diện tích đất (m²)").fill("1.250")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/w/kim-tra/assets/")
    assert page.get_by_text("Đã lưu: Nhà văn hóa tổ dân phố 5.").is_visible()
    assert Facility.objects.get(name="Nhà văn hóa tổ dân phố 5").land_m2 == 1250


def test_spending_of_the_one_year_range(page, demo_data) -> None:
    sign_in(page, "kimtra.chutich")
    page.wait_for_url("**/w/kim-tra/")
    page.goto("/w/kim-tra/assets/spending/?start=2025-07-01&end=2026-05-05")
    totals = page.locator("#spending-totals").inner_text()
    assert "18.749.464.101 đồng" in totals
    assert "181.436.650.545 đồng" in totals
    assert "839.790.000 đồng" in totals


def test_home_affairs_reads_but_cannot_add(page, demo_data) -> None:
    sign_in(page, "sonoivu")
    page.wait_for_url("**/city/")
    page.goto("/w/kim-tra/assets/equipment/")
    assert page.get_by_text("chỉ xem, không sửa").is_visible()
    assert page.get_by_text("Máy scan khổ A3").first.is_visible()
    assert page.get_by_role("link", name="Thêm trang thiết bị").count() == 0
    response = page.goto("/w/kim-tra/assets/facilities/add/")
    assert response.status == 403
