"""The leader's journey in real Chromium: a weekly report from its template, a section edited with its
live preview, the PDF asked for, its progress watched and the kept version downloaded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reports import tasks
from reports.models import PdfStatus, ReportPdf
from reports.services import report_pdf_render
from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(seeds, demo_data) -> None:
    """The demo after the report catalogue and the stand-in seed providers are in place."""


@pytest.fixture
def held_tasks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The broker's side: tasks are held until the test plays the worker, so the page is seen waiting."""
    held: list[int] = []
    monkeypatch.setattr(tasks.render_report_pdf, "apply_async", lambda args, **options: held.append(args[0]))
    return held


def test_leader_writes_a_weekly_report_and_downloads_its_pdf(page, demo, held_tasks, tmp_path: Path) -> None:
    sign_in(page, "kimtra.phochutich")
    page.wait_for_url("**/w/kim-tra/")

    page.goto("/w/kim-tra/reports/")
    page.get_by_role("link", name="Tạo báo cáo").click()
    # The period picker opens on the week of the latest entries; the leader picks the seed's week.
    page.get_by_label("Từ ngày").fill("2025-08-20")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**kind=week&start=2025-08-18&end=2025-08-23")
    page.get_by_label("Mẫu báo cáo").select_option(label="Báo cáo tuần về tiếp tục hoàn thiện tổ chức bộ máy")
    page.get_by_role("button", name="Tạo", exact=True).click()
    page.wait_for_url("**/w/kim-tra/reports/*/")
    assert "18/08/2025 - 23/08/2025" in page.locator("h1").inner_text()

    section = page.locator("[id^=section-]").filter(has=page.locator(".ProseMirror")).first
    editor = section.locator(".ProseMirror")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Tổ một cửa có [[tthc.received]] hồ sơ trong tuần.")
    preview = section.locator("[id^=section-preview-]")
    preview.get_by_text("Tổ một cửa có 315 hồ sơ trong tuần.", exact=False).wait_for()
    section.get_by_role("button", name="Lưu mục").click()
    page.get_by_text("Đã lưu", exact=True).wait_for()

    page.get_by_role("button", name="Tạo tệp PDF").click()
    page.locator("#pdf-panel .progress-bar.w-25").wait_for()
    assert page.get_by_text("Đang chờ xử lý…").is_visible()
    assert len(held_tasks) == 1
    report_pdf_render(pdf_id=held_tasks[0])

    link = page.locator("#pdf-download")
    link.wait_for()
    assert page.locator("#pdf-panel .progress-bar.w-100").is_visible()
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "report.pdf"
    download_info.value.save_as(target)
    pdf = ReportPdf.objects.get(pk=held_tasks[0])
    assert pdf.status == PdfStatus.DONE and pdf.requested_by.username == "kimtra.phochutich"
    content = target.read_bytes()
    assert content.startswith(b"%PDF") and hashlib.sha256(content).hexdigest() == pdf.sha256
