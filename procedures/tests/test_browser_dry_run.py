"""The dry run of a new week in Chromium at 1366 px (issue 15): form II.06a fills every field anew, each
change reads "Tiếp nhận: — → 10" on one line, never split between its label and its figures, and the
page says what "—" and the counts left out mean."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.apps import apps

from procedures.tests.samples import form_06a, seed_week_lines
from wards.tests.browser import sign_in
from wards.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_change_of_a_new_week_reads_on_one_line(page, ward, staff, catalogue_data, tmp_path: Path) -> None:
    # A transactional test may follow others that flushed the fields the migrations made.
    importlib.import_module("procedures.migrations.0002_seed_fields").seed(apps, None)
    page.set_viewport_size({"width": 1366, "height": 900})
    form = tmp_path / "Biểu 06a tuần 34.xlsx"
    form.write_bytes(form_06a(seed_week_lines()))
    sign_in(page, staff.user.username, PASSWORD)
    page.wait_for_url(f"**/w/{ward.slug}/")
    page.goto(f"/w/{ward.slug}/procedures/import-06a/")
    page.get_by_label("Biểu II.06a xuất từ hệ thống một cửa (.xlsx)").set_input_files(form)
    page.get_by_role("button", name="Kiểm tra bảng tính").click()
    plan = page.get_by_test_id("upload-plan")
    page.screenshot(path=tmp_path / "dry-run-new-week.png", full_page=True)

    changes = plan.get_by_test_id("upload-change")
    assert changes.count() >= 9 * 3
    assert changes.first.inner_text() == "Tiếp nhận: — → 10"
    heights = changes.evaluate_all("boxes => boxes.map(box => box.getBoundingClientRect().height)")
    assert max(heights) < 1.5 * min(heights), "a change wrapped between its label and its figures"
    box = plan.bounding_box()
    assert box["x"] + box["width"] <= 1366
    legend = page.get_by_test_id("upload-legend")
    assert "Dòng thêm mới chỉ liệt kê các số liệu được điền" in legend.inner_text()
