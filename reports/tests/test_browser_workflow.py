"""The submission loop in real Chromium: staff submits, the leader approves and downloads the approved
PDF, signs it (pyHanko standing in for the USB token) and uploads it, the city accepts; and a second
round where the city returns it with a reason, the figures open again and the report goes round once more."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from procedures.services import field_upsert
from reports.demo_token import make_signer, sign
from reports.models import Report, ReportState, ReportTemplate
from reports.services import report_create
from wards import demo as wards_demo
from wards.tests.browser import sign_in

from .factories import WEEKLY_RANGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def weekly(catalogue_data, seeds, eager_tasks) -> Report:
    """The demo's wards and users (not the whole demo: the figures come from the seed providers) and a
    weekly draft of the seed week."""
    wards = wards_demo.load()
    field_upsert(name="Hộ tịch", position=1)
    template = ReportTemplate.objects.get(code="bao-cao-tuan")
    return report_create(ward=wards["kim-tra"], template=template, period=WEEKLY_RANGE, created_by=None)


def as_user(page: Any, username: str, report: Report) -> None:
    page.context.clear_cookies()
    # The approval renders the PDF in the request: on a busy shared machine that takes a while.
    page.set_default_timeout(90_000)
    sign_in(page, username)
    page.wait_for_url("**/w/kim-tra/" if username != "sonoivu" else "**/city/**")
    # The home page's own requests first: the live server shares one SQLite connection between threads.
    page.wait_for_load_state("networkidle")
    page.goto(f"/w/kim-tra/reports/{report.pk}/")


def act(page: Any, action: str, reason: str = "") -> None:
    if reason:
        page.locator(f"#id_{action}_reason").fill(reason)
    with page.expect_navigation():
        page.locator(f"#action-{action}").click()


def approve_download_sign_upload(page: Any, report: Report, tmp_path: Path) -> bytes:
    as_user(page, "kimtra.phochutich", report)
    act(page, "approve")
    page.get_by_text("Đã phê duyệt báo cáo số 1/BC-UBND").wait_for()
    with page.expect_download() as download_info:
        page.locator("#download-approved").click()
    target = tmp_path / "approved.pdf"
    download_info.value.save_as(target)
    report.refresh_from_db()
    # pyHanko runs its own event loop; Playwright's is running in this thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        signed = pool.submit(
            sign, target.read_bytes(), report.signature_field_name, make_signer("Mai Văn Xuân")
        ).result()
    signed_file = tmp_path / "signed.pdf"
    signed_file.write_bytes(signed)
    page.locator("#id_sign_file").set_input_files(str(signed_file))
    act(page, "sign")
    page.get_by_text("Đã nhận và lưu bản PDF đã ký số.").wait_for()
    assert "chưa xác minh chuỗi tin cậy" in page.locator("#trust-note").inner_text()
    return signed


def test_submit_approve_sign_and_accept(page, weekly, tmp_path: Path) -> None:
    as_user(page, "kimtra.canbo", weekly)
    act(page, "submit")
    page.get_by_text("Đã trình báo cáo lên lãnh đạo.").wait_for()

    signed = approve_download_sign_upload(page, weekly, tmp_path)

    as_user(page, "sonoivu", weekly)
    assert page.locator("#nav-waiting .badge").inner_text() == "1"
    with page.expect_download() as download_info:
        page.locator("#download-signed").click()
    assert Path(download_info.value.path()).read_bytes() == signed
    act(page, "accept")
    page.get_by_text("Đã tiếp nhận báo cáo.").wait_for()
    assert "đã tiếp nhận" in page.locator("#workflow").inner_text()
    timeline = page.locator("#timeline").inner_text()
    for step in ("dự thảo → đã trình", "đã trình → đã phê duyệt", "đã phê duyệt → đã ký số", "đã ký số → đã tiếp nhận"):
        assert step in timeline
    assert Report.objects.get(pk=weekly.pk).state == ReportState.ACCEPTED
