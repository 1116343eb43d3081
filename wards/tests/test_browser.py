"""The foundation's journeys in real Chromium: sign in, land at home, stay inside one's ward."""

from __future__ import annotations

import pytest

from wards import demo as wards_demo
from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> None:
    # The tenancy part of the demo only: these journeys need wards and users, not figures.
    wards_demo.load()


def test_staff_reaches_own_ward_and_not_another(page, demo) -> None:
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    assert page.get_by_role("heading", name="Ủy ban nhân dân phường Kim Trà").is_visible()
    assert "36.296" in page.content()
    response = page.goto("/w/huong-tra/")
    assert response.status == 404
    assert page.get_by_text("Không tìm thấy trang").first.is_visible()
    response = page.goto("/city/")
    assert response.status == 403
    page.get_by_role("button", name="Nguyễn Thị Hoa").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/accounts/login/")


def test_home_affairs_sees_every_ward(page, demo) -> None:
    sign_in(page, "sonoivu")
    page.wait_for_url("**/city/")
    # Which wards the city's matrix lists depends on the reporting regimes (the city's own journey);
    # here, only that every ward of the city opens for the officer.
    assert page.goto("/w/huong-tra/").status == 200
    assert page.get_by_text("dữ liệu minh họa", exact=False).first.is_visible()


def test_lockout_message_after_five_wrong_passwords(page, demo) -> None:
    for _attempt in range(5):
        sign_in(page, "kimtra.canbo", "wrong-password")
    assert page.get_by_role("heading", name="Tài khoản tạm khóa").is_visible()


def test_switch_to_english(page, demo) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("button", name="Đổi").click()
    assert page.get_by_role("heading", name="Sign in").is_visible()


def test_the_leaders_menu_fits_a_1280_pixel_screen(page, demo) -> None:
    """The leader's menu is the longest (it has the accounts); nothing of it may be cut off."""
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, "kimtra.chutich")
    page.wait_for_url("**/w/kim-tra/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    user_menu = page.get_by_role("button", name="Hồ Lê Hoàng Thịnh").bounding_box()
    assert user_menu is not None and user_menu["x"] + user_menu["width"] <= 1280


def test_the_city_officers_menu_on_a_ward_page_fits_a_1280_pixel_screen(page, demo) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, "sonoivu")
    page.wait_for_url("**/city/")
    page.goto("/w/kim-tra/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
