"""The submission workflow: every transition and refusal, the number register, the figure lock, the
signed upload, what waits for whom and the e-mail."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from reports.demo_token import make_signer, sign
from reports.models import PdfKind, Report, ReportState
from reports.notify import waiting_reports
from reports.services import report_pdf_request, report_section_update, report_update
from reports.signing import SignatureRefused
from reports.tests.factories import WEEKLY_RANGE, make_report
from reports.workflow import (
    TransitionRefused,
    actions_for,
    report_accept,
    report_approve,
    report_return,
    report_send_back,
    report_sign,
    report_submit,
    report_withdraw,
)
from wards.locks import lock_covering
from wards.models import Role, Ward
from wards.periods import DateRange
from wards.tests.factories import MembershipFactory

APPROVAL_DAY = "2026-05-06 09:00 +07:00"


pytestmark = pytest.mark.usefixtures("fast_pdf")


@pytest.fixture
def report(ward) -> Report:
    return make_report(ward)  # the one-year review: TM., signed by the Chủ tịch


def approved(report: Report, staff, leader) -> Report:
    report_submit(report=report, actor=staff.user)
    with time_machine.travel(APPROVAL_DAY, tick=False):
        return report_approve(report=report, actor=leader.user).report


def test_the_whole_loop_with_its_timeline(report, staff, leader, home_affairs) -> None:
    report = approved(report, staff, leader)
    assert report.state == ReportState.APPROVED
    assert (report.document_number, report.issued_on, report.signer) == ("1/BC-UBND", date(2026, 5, 6), leader.user)
    content = report.approved_pdf.file.open("rb").read()
    assert report.approved_pdf.kind == PdfKind.APPROVED
    assert report.approved_pdf.sha256 == hashlib.sha256(content).hexdigest()
    assert (
        lock_covering(report.ward, DateRange(report.start, report.end)).label == "Báo cáo số 1/BC-UBND ngày 06/05/2026"
    )

    signer = make_signer()
    report = report_sign(
        report=report, actor=leader.user, content=sign(content, report.signature_field_name, signer)
    ).report
    assert report.state == ReportState.SIGNED
    assert report.signed_pdf.kind == PdfKind.SIGNED
    assert "Nguyễn Văn Chủ Tịch" in report.signed_pdf.signature.subject
    assert report.signed_pdf.signature.trusted is False

    report = report_accept(report=report, actor=home_affairs.user).report
    assert report.state == ReportState.ACCEPTED
    steps = [(e.action, e.from_state, e.to_state, e.actor) for e in report.events.all()]
    assert steps == [
        ("submit", "draft", "submitted", staff.user),
        ("approve", "submitted", "approved", leader.user),
        ("sign", "approved", "signed", leader.user),
        ("accept", "signed", "accepted", home_affairs.user),
    ]


def test_a_double_click_is_quiet_and_a_conflicting_one_is_refused(report, staff, leader) -> None:
    report = approved(report, staff, leader)
    again = report_approve(report=report, actor=leader.user)
    assert again.repeated and again.report.number == 1
    assert report.events.count() == 2
    with pytest.raises(TransitionRefused, match="không còn thực hiện được"):
        report_submit(report=report, actor=staff.user)
    with pytest.raises(TransitionRefused):
        report_return(report=report, actor=leader.user, reason="x")


def test_return_needs_a_reason_and_shows_it_to_staff(report, staff, leader) -> None:
    report_submit(report=report, actor=staff.user)
    with pytest.raises(ValidationError):
        report_return(report=report, actor=leader.user, reason="  ")
    report = report_return(report=report, actor=leader.user, reason="Bổ sung số liệu đất đai").report
    assert (report.state, report.return_reason) == (ReportState.DRAFT, "Bổ sung số liệu đất đai")
    assert list(waiting_reports(staff)) == [report]
    assert report.events.last().reason == "Bổ sung số liệu đất đai"
    report = report_submit(report=report, actor=staff.user).report
    assert report.return_reason == ""


def test_withdrawal_and_city_return_lift_the_lock_and_keep_the_number(report, staff, leader, home_affairs) -> None:
    report = approved(report, staff, leader)
    report = report_withdraw(report=report, actor=leader.user, reason="Sửa số liệu").report
    period = DateRange(report.start, report.end)
    assert lock_covering(report.ward, period) is None
    assert report.approved_pdf is None and report.state == ReportState.DRAFT
    report = approved(report, staff, leader)
    assert report.number == 1, "a withdrawn report keeps its number: no gap in the register"
    content = report.approved_pdf.file.open("rb").read()
    report = report_sign(
        report=report, actor=leader.user, content=sign(content, report.signature_field_name, make_signer())
    ).report
    report = report_send_back(report=report, actor=home_affairs.user, reason="Thiếu phụ lục").report
    assert (report.state, report.signed_pdf, report.return_reason) == (ReportState.DRAFT, None, "Thiếu phụ lục")
    assert lock_covering(report.ward, period) is None


def test_numbers_follow_each_other_and_restart_each_year(ward, staff, leader) -> None:
    numbers = []
    for week in range(3):
        period = DateRange(date(2025, 9, 1 + 7 * week), date(2025, 9, 6 + 7 * week))
        numbers.append(approved(make_report(ward, period=period), staff, leader).number)
    assert numbers == [1, 2, 3]
    report_submit(report=make_report(ward, period=WEEKLY_RANGE), actor=staff.user)
    with time_machine.travel("2027-01-04 09:00 +07:00", tick=False):
        report = report_approve(report=Report.objects.get(start=WEEKLY_RANGE.start), actor=leader.user).report
    assert report.document_number == "1/BC-UBND"


def test_only_the_leader_of_the_signing_authority_approves(ward, staff, leader) -> None:
    vice = MembershipFactory(ward=ward, vice=True)
    weekly = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)  # KT.: the Phó Chủ tịch signs
    report_submit(report=weekly, actor=staff.user)
    with pytest.raises(TransitionRefused, match="Phó Chủ tịch"):
        report_approve(report=weekly, actor=leader.user)
    assert report_approve(report=weekly, actor=vice.user).report.signer == vice.user


def test_roles_outside_the_table_are_refused_by_the_service(report, staff, leader, home_affairs) -> None:
    with pytest.raises(TransitionRefused):
        report_submit(report=report, actor=home_affairs.user)
    report_submit(report=report, actor=staff.user)
    with pytest.raises(TransitionRefused):
        report_approve(report=report, actor=staff.user)
    assert [t.action for t in actions_for(Report.objects.get(pk=report.pk), Role.LEADER)] == ["approve", "return"]
    assert actions_for(Report.objects.get(pk=report.pk), Role.STAFF) == []


def test_only_a_draft_can_be_edited_or_printed_as_a_draft(report, staff, leader) -> None:
    report_submit(report=report, actor=staff.user)
    section = report.sections.first()
    with pytest.raises(ValidationError):
        report_section_update(section=section, heading="x", body="<p>x</p>", footnotes="")
    with pytest.raises(ValidationError):
        report_update(report=report, summary="x", addressees="", recipients="- Lưu: VT.")
    report_approve(report=report, actor=leader.user)
    with pytest.raises(ValidationError):
        report_pdf_request(report=Report.objects.get(pk=report.pk), requested_by=leader.user)


def test_a_refused_signature_leaves_the_report_approved(report, staff, leader) -> None:
    report = approved(report, staff, leader)
    content = report.approved_pdf.file.open("rb").read()
    with pytest.raises(SignatureRefused):
        report_sign(report=report, actor=leader.user, content=sign(content, "ChuKy_khac", make_signer()))
    with pytest.raises(SignatureRefused):
        report_sign(report=report, actor=leader.user, content=content)
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED and report.signed_pdf is None


@pytest.mark.usefixtures("eager_tasks")
def test_what_waits_for_whom_and_the_mail(
    report, staff, leader, home_affairs, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    for membership, address in (
        (staff, "canbo@example.vn"),
        (leader, "chutich@example.vn"),
        (home_affairs, "snv@example.vn"),
    ):
        membership.user.email = address
        membership.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, actor=staff.user)
    assert [m.to for m in mailoutbox] == [["chutich@example.vn"]]
    assert "đã trình" in mailoutbox[0].subject
    assert list(waiting_reports(leader)) == [report] and not waiting_reports(staff).exists()
    with django_capture_on_commit_callbacks(execute=True), time_machine.travel(APPROVAL_DAY, tick=False):
        report = report_approve(report=report, actor=leader.user).report
    content = report.approved_pdf.file.open("rb").read()
    with django_capture_on_commit_callbacks(execute=True):
        report_sign(report=report, actor=leader.user, content=sign(content, report.signature_field_name, make_signer()))
    assert mailoutbox[-1].to == ["snv@example.vn"]
    assert list(waiting_reports(home_affairs)) == [report]


def test_a_new_weekly_report_carries_forward_the_text_of_the_latest_approved_one(ward, staff, other_ward) -> None:
    vice = MembershipFactory(ward=ward, vice=True)
    weeks = [DateRange(date(2025, 9, 1 + 7 * week), date(2025, 9, 6 + 7 * week)) for week in range(4)]

    def written(period: DateRange, text: str, target: Ward = ward) -> Report:
        report = make_report(target, "bao-cao-tuan", period)
        section = report.sections.order_by("order").first()
        report_section_update(section=section, heading=section.heading, body=f"<p>{text}</p>", footnotes="")
        report_update(report=report, summary=text, addressees=report.addressees, recipients=report.recipients)
        return report

    issued = written(weeks[0], "Văn bản đã ban hành tuần 1")
    report_submit(report=issued, actor=staff.user)
    report_approve(report=issued, actor=vice.user)
    written(weeks[1], "Bản nháp tuần 2, chưa duyệt")  # a draft's text was never issued
    written(weeks[3], "Văn bản phường khác", target=other_ward)

    carried = make_report(ward, "bao-cao-tuan", weeks[2])
    assert carried.summary == "Văn bản đã ban hành tuần 1"
    assert carried.sections.order_by("order").first().body == "<p>Văn bản đã ban hành tuần 1</p>"
    assert [(s.number, s.heading) for s in carried.sections.order_by("order")] == [
        (s.number, s.heading) for s in issued.sections.order_by("order")
    ]
    # The other ward, with no approved report of its own, starts from the template.
    fresh = make_report(other_ward, "bao-cao-tuan", weeks[2])
    assert "Văn bản" not in fresh.summary
    assert "Văn bản" not in fresh.sections.order_by("order").first().body
