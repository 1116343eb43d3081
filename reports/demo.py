"""The demo's reports: the two seed reports approved and signed by the seeds' signers, and a few weeks
in every other state, so that every screen has something to show. Idempotent: a ward whose demo
reports exist is left as it is."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from wards.models import Ward
from wards.periods import DateRange

from .demo_token import make_signer, sign
from .models import Report, ReportKind, ReportTemplate
from .services import report_create
from .workflow import report_accept, report_approve, report_return, report_sign, report_submit

WEEKLY = DateRange(date(2025, 8, 18), date(2025, 8, 23))
ANNUAL = DateRange(date(2025, 7, 1), date(2026, 5, 5))
# The one-year review answers the city's plan of 07/5/2026: issued the day after it.
ANNUAL_ISSUED_ON = date(2026, 5, 8)
# The five working weeks before the seed week, Monday to Saturday.
EARLIER_WEEKS = [DateRange(WEEKLY.start - timedelta(weeks=n), WEEKLY.end - timedelta(weeks=n)) for n in range(5, 0, -1)]


def _user(username: str) -> AbstractBaseUser:
    return get_user_model().objects.get(username=username)


def _report(ward: Ward, code: str, period: DateRange, staff: AbstractBaseUser) -> Report:
    template = ReportTemplate.objects.get(code=code)
    existing = Report.objects.filter(ward=ward, template=template, start=period.start, end=period.end).first()
    return existing or report_create(ward=ward, template=template, period=period, created_by=staff)


def _issued_on(report: Report) -> date:
    """A week's report is issued on the Monday after its Saturday, as the ward does, not on the day the
    demo is loaded (a weekly of August 2025 dated today would read wrong)."""
    return report.end + timedelta(days=2) if report.template.kind == ReportKind.WEEKLY else ANNUAL_ISSUED_ON


def _approve(report: Report, staff: AbstractBaseUser, leader: AbstractBaseUser) -> Report:
    report = report_submit(report=report, actor=staff).report
    return report_approve(report=report, actor=leader, issued_on=_issued_on(report)).report


def _approve_and_sign(report: Report, staff: AbstractBaseUser, leader: AbstractBaseUser) -> Report:
    report = _approve(report, staff, leader)
    with report.approved_pdf.file.open("rb") as stored:
        approved = stored.read()
    signer = make_signer(f"{leader.last_name} {leader.first_name}".strip())
    return report_sign(report=report, actor=leader, content=sign(approved, report.signature_field_name, signer)).report


def load(wards: dict[str, Ward]) -> None:
    ward = wards["kim-tra"]
    # The templates come with the migrations; a test database flushed after them has none, and then
    # there is no report to show.
    if ReportTemplate.objects.filter(code__in=["bao-cao-tuan", "so-ket-01-nam"]).count() != 2:
        return
    if Report.objects.filter(ward=ward).exclude(state="draft").exists():
        return
    staff, chairman, vice = _user("kimtra.canbo"), _user("kimtra.chutich"), _user("kimtra.phochutich")
    city = _user("sonoivu")
    # Earlier weeks first, so that their numbers come before the seed week's.
    weeks = [_report(ward, "bao-cao-tuan", period, staff) for period in EARLIER_WEEKS]
    accepted = _approve_and_sign(weeks[0], staff, vice)
    report_accept(report=accepted, actor=city)
    _approve_and_sign(weeks[1], staff, vice)  # signed: waits for the city
    report_submit(report=weeks[2], actor=staff)  # submitted: waits for the leader
    report_submit(report=weeks[3], actor=staff)
    report_return(report=weeks[3], actor=vice, reason="Bổ sung số hồ sơ hộ tịch trả kết quả trong tuần.")
    # weeks[4] stays a draft.
    seed_week = _report(ward, "bao-cao-tuan", WEEKLY, staff)
    _approve(seed_week, staff, vice)
    annual = _report(ward, "so-ket-01-nam", ANNUAL, staff)
    _approve(annual, staff, chairman)
