"""The clerk's journey of issue 15 in Chromium: the week's TTHC figures from the one-stop system's form
II.06a (dry run, then save) and the half-year's document counts from the outgoing-document register,
each on its own page, then the figures read where they live, beside the files they came from."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.apps import apps

from indicators.tests.samples import half_year_register, register
from procedures.tests.samples import form_06a, seed_week_lines
from wards.tests.browser import sign_in
from wards.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_imports_form_06a_and_the_register_then_reads_the_figures(
    page, ward, staff, catalogue_data, tmp_path: Path
) -> None:
    # A transactional test may follow others that flushed the fields the migrations made.
    importlib.import_module("procedures.migrations.0002_seed_fields").seed(apps, None)
    form = tmp_path / "Biểu 06a tuần 34.xlsx"
    form.write_bytes(form_06a(seed_week_lines(), resaved=True))
    book = tmp_path / "So van ban di 6 thang cuoi nam 2025.xlsx"
    book.write_bytes(register(half_year_register()))
    sign_in(page, staff.user.username, PASSWORD)
    page.wait_for_url(f"**/w/{ward.slug}/")

    page.goto(f"/w/{ward.slug}/procedures/")
    page.get_by_role("link", name="Nhập biểu II.06a").first.click()
    page.get_by_label("Biểu II.06a xuất từ hệ thống một cửa (.xlsx)").set_input_files(form)
    page.get_by_role("button", name="Kiểm tra bảng tính").click()
    plan = page.get_by_test_id("upload-plan")
    assert "Chứng thực" in plan.inner_text()
    # What the form lacks is the same for every field: said once, above the rows.
    assert page.get_by_test_id("upload-note").count() == 1
    box = plan.bounding_box()
    assert box["x"] + box["width"] <= page.viewport_size["width"], "the changes wrap inside the page"
    assert page.get_by_test_id("upload-errors").count() == 0
    page.screenshot(path=tmp_path / "dry-run-06a.png", full_page=True)
    page.get_by_role("button", name="Lưu các số liệu này").click()
    page.wait_for_url("**/procedures/week/?start=2025-08-18&end=2025-08-23")
    assert page.get_by_text("đã lưu 9 dòng").first.is_visible()

    page.goto(f"/w/{ward.slug}/procedures/?start=2025-08-18&end=2025-08-23")
    assert page.get_by_test_id("received").inner_text() == "315"
    assert page.get_by_test_id("on-time").inner_text() == "277/277 = 100%"
    assert "Biểu 06a tuần 34.xlsx" in page.get_by_test_id("imports").inner_text()

    page.goto(f"/w/{ward.slug}/indicators/")
    page.get_by_role("link", name="Số văn bản từ sổ văn bản đi").click()
    page.get_by_label("Từ ngày").fill("2025-07-01")
    page.get_by_label("Đến ngày").fill("2025-12-31")
    page.get_by_label("Sổ đăng ký văn bản đi xuất từ hệ thống quản lý văn bản (.xlsx)").set_input_files(book)
    page.get_by_role("button", name="Kiểm tra bảng tính").click()
    assert "898" in page.get_by_test_id("upload-plan").inner_text()
    page.get_by_role("button", name="Lưu các số liệu này").click()
    page.wait_for_url("**/indicators/?start=2025-07-01&end=2025-12-31")
    assert page.locator("[name='docs.decisions']").input_value() == "898"
    assert page.locator("[name='docs.other']").input_value() == "990"
    imports = page.get_by_test_id("imports")
    assert "So van ban di 6 thang cuoi nam 2025.xlsx" in imports.inner_text()
    with page.expect_download() as download:
        imports.get_by_role("link").first.click()
    assert Path(download.value.path()).read_bytes() == book.read_bytes()
