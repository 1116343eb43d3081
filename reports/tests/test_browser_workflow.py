"""The submission loop in real Chromium: staff submits, the leader approves and downloads the approved
PDF, signs it (pyHanko standing in for the USB token) and uploads it, the city accepts; and a second
round where the city returns it with a reason, the figures open again and the report goes round once more."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Value
from django.db.models.functions import Concat

from kimtra_portal.celery import ping
from procedures.models import CaseVolume
from procedures.services import field_upsert
from reports.demo_token import make_signer, sign
from reports.models import Report, ReportState, ReportTemplate
from reports.services import report_create
from wards import demo as wards_demo
from wards.tests.browser import sign_in

from .factories import WEEKLY_RANGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def weekly_draft(catalogue_data, seeds) -> Report:
    """The demo's wards and users (not the whole demo: the figures come from the seed providers) and a
    weekly draft of the seed week."""
    wards = wards_demo.load()
    field_upsert(name="Hộ tịch", position=1)
    template = ReportTemplate.objects.get(code="bao-cao-tuan")
    return report_create(ward=wards["kim-tra"], template=template, period=WEEKLY_RANGE, created_by=None)


@pytest.fixture
def weekly(weekly_draft, eager_tasks) -> Report:
    return weekly_draft


def as_user(page: Any, username: str, report: Report) -> None:
    page.context.clear_cookies()
    # The approval renders the PDF in the request: on a busy shared machine that takes a while.
    page.set_default_timeout(90_000)
    sign_in(page, username)
    page.wait_for_url("**/w/kim-tra/" if username != "sonoivu" else "**/city/**")
    # The home page's own requests first: the live server shares one SQLite connection between threads.
    page.wait_for_load_state("networkidle")
    open_report(page, report)


def open_report(page: Any, report: Report) -> None:
    page.goto(f"/w/kim-tra/reports/{report.pk}/")
    settle(page)


def settle(page: Any) -> None:
    """Wait until the page's own requests (the report's htmx preview) are answered: one left running
    would meet the next sign-in, or the test's own queries, on the live server's one SQLite connection."""
    page.wait_for_load_state("networkidle")


def act(page: Any, action: str, reason: str = "") -> None:
    if reason:
        page.locator(f"#id_{action}_reason").fill(reason)
    with page.expect_navigation():
        page.locator(f"#action-{action}").click()
    settle(page)


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


# The notices a journey sent, as e-mail messages: read once every task queued so far has run.
SentMail = Callable[[], list[Message]]


@pytest.fixture
def tasks(
    request: pytest.FixtureRequest, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SentMail]:
    """Where the journey's tasks (the e-mail notices) run: "eager" in the web process, or "worker" in a
    real `celery worker` process through Redis, which writes its mail to files the test then reads."""
    # Every demo user gets an address, so that each transition mails someone.
    get_user_model().objects.update(email=Concat("username", Value("@example.vn")))
    if request.param == "eager":
        request.getfixturevalue("eager_tasks")
        yield lambda: [message.message() for message in mail.outbox]
        return
    outbox = tmp_path / "outbox"
    # Before the worker starts: it reads its mail settings from the environment it is given.
    monkeypatch.setenv("EMAIL_URL", f"file:///{outbox}")
    worker = request.getfixturevalue("celery_worker_process")
    settings.REPORTS_MAIL_QUEUE = worker.queue

    def sent() -> list[Message]:
        # One solo worker takes its queue in order: when the ping is answered, every notice before it ran.
        assert ping.apply_async(args=["flush"], queue=worker.queue).get(timeout=60) == "pong:flush"
        assert worker.process.poll() is None
        return [message_from_bytes(part) for file in sorted(outbox.iterdir()) for part in split_log(file.read_bytes())]

    yield sent


def split_log(content: bytes) -> list[bytes]:
    """Django's file backend writes the messages of a connection one after another, each followed by
    a line of 79 dashes."""
    return [part.strip(b"\n") for part in content.split(b"-" * 79 + b"\n") if part.strip()]


WEEK_FORM = f"/w/kim-tra/procedures/week/?{WEEKLY_RANGE.query()}"
REASON = "Số hồ sơ hộ tịch tuần này chưa khớp sổ theo dõi; đề nghị phường rà soát lại."


def send_back_and_round_again(page: Any, report: Report, tmp_path: Path) -> None:
    """Submitted, approved, signed; the city sends it back with a reason; the staff reads the reason and
    corrects the week's figures, which the approval had locked; submitted and approved once more."""
    as_user(page, "kimtra.canbo", report)
    act(page, "submit")
    approve_download_sign_upload(page, report, tmp_path)
    page.goto(WEEK_FORM)
    settle(page)
    assert "Số liệu đã khóa theo Báo cáo số 1/BC-UBND" in page.locator("#figure-lock").inner_text()
    assert page.locator("form fieldset[disabled]").count() == 1

    as_user(page, "sonoivu", report)
    act(page, "send_back", REASON)
    page.get_by_text("Đã trả báo cáo lại phường.").wait_for()
    assert Report.objects.get(pk=report.pk).state == ReportState.DRAFT

    as_user(page, "kimtra.canbo", report)
    assert page.locator("#nav-waiting .badge").inner_text() == "1"
    assert REASON in page.locator("#return-reason").inner_text()
    assert "đã ký số → dự thảo" in page.locator("#timeline").inner_text()
    page.goto(WEEK_FORM)
    settle(page)
    assert page.locator("#figure-lock").count() == 0
    row = page.locator("[data-row]").first
    for name, value in {"received": "9", "in_progress_on_time": "4", "returned": "5", "resolved_on_time": "5"}.items():
        row.locator(f"[data-count={name}]").fill(value)
    page.get_by_role("button", name="Lưu số liệu tuần").click()
    page.get_by_text("đã được lưu").first.wait_for()
    settle(page)
    volume = CaseVolume.objects.get(ward=report.ward, start=WEEKLY_RANGE.start, end=WEEKLY_RANGE.end)
    assert (volume.received, volume.resolved_on_time) == (9, 5)

    open_report(page, report)
    act(page, "submit")
    page.get_by_text("Đã trình báo cáo lên lãnh đạo.").wait_for()
    as_user(page, "kimtra.phochutich", report)
    act(page, "approve")
    # The return kept the number: the second approval issues the same one, with no gap in the register.
    page.get_by_text("Đã phê duyệt báo cáo số 1/BC-UBND").wait_for()
    report.refresh_from_db()
    assert (report.state, report.document_number) == (ReportState.APPROVED, "1/BC-UBND")
    assert report.approved_pdf is not None and report.signed_pdf is None
    page.goto(WEEK_FORM)
    settle(page)
    assert page.locator("#figure-lock").count() == 1


@pytest.mark.parametrize("tasks", ["eager", pytest.param("worker", marks=pytest.mark.services)], indirect=True)
def test_city_sends_it_back_and_it_goes_round_again(page, weekly_draft, fast_pdf, tasks: SentMail, tmp_path) -> None:
    send_back_and_round_again(page, weekly_draft, tmp_path)
    notices = tasks()
    # Two submissions to the two leaders, the signed file to the city, the return to staff and leaders;
    # an approval hands the report to no one.
    leaders = ["kimtra.chutich@example.vn", "kimtra.phochutich@example.vn"]
    assert sorted(m["To"] for m in notices) == sorted([*leaders * 3, "sonoivu@example.vn", "kimtra.canbo@example.vn"])
    returned = [m for m in notices if m["To"] == "kimtra.canbo@example.vn"]
    assert len(returned) == 1
    assert REASON in returned[0].get_payload(decode=True).decode()
