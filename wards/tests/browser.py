"""Helpers shared by the browser journeys of every app."""

from __future__ import annotations

from typing import Any

from wards.demo import DEMO_PASSWORD


def sign_in(page: Any, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
