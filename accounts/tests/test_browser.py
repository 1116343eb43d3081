"""In Chromium: a leader creates a clerk's account; the clerk signs in, sets a password, reaches the dashboard."""

from __future__ import annotations

import pytest

from wards import demo as wards_demo
from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_leader_creates_a_clerk_who_sets_a_password_and_reaches_the_dashboard(page) -> None:
    wards_demo.load()
    sign_in(page, "kimtra.chutich")
    page.wait_for_url("**/w/kim-tra/")
    page.get_by_role("button", name="Hồ Lê Hoàng Thịnh").click()
    page.get_by_role("link", name="Tài khoản").click()
    page.wait_for_url("**/w/kim-tra/accounts/")
    page.get_by_label("Tên đăng nhập").fill("kimtra.tranvanb")
    page.get_by_label("Họ và tên đệm").fill("Trần Văn")
    page.locator("#id_first_name").fill("Bình")
    page.get_by_role("button", name="Tạo tài khoản").click()
    password = page.locator("#temporary-password").inner_text().strip()
    assert password
    page.get_by_role("button", name="Hồ Lê Hoàng Thịnh").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/accounts/login/")

    sign_in(page, "kimtra.tranvanb", password)
    page.wait_for_url("**/accounts/password/**")
    page.locator("#id_old_password").fill(password)
    page.locator("#id_new_password1").fill("binh-Rieng-2026")
    page.locator("#id_new_password2").fill("binh-Rieng-2026")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    page.wait_for_url("**/w/kim-tra/")
    assert page.get_by_role("heading", name="Ủy ban nhân dân phường Kim Trà").is_visible()
