"""The demo's reports: the two seed reports approved and signed by the seeds' signers, and a few weeks
in every other state, so that every screen has something to show. Idempotent: a ward whose demo
reports exist is left as it is.

Each step happens when a ward would have taken it, not on the day the demo is loaded: a week is
submitted on its Saturday, approved and signed on the next working day (the regime's deadline), accepted
by the city the day after; the one-year review is approved the day after its period. The clock is moved
with time-machine around each step, so the workflow services run unchanged and every date they keep
(issue date, number register year, events, the PDFs' dates, the signature time) agrees with the others."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from wards.models import Ward
from wards.periods import DateRange

from .demo_token import make_signer, sign
from .models import Report, ReportTemplate
from .services import report_create
from .workflow import report_accept, report_approve, report_return, report_sign, report_submit

WEEKLY = DateRange(date(2025, 8, 18), date(2025, 8, 23))
ANNUAL = DateRange(date(2025, 7, 1), date(2026, 5, 5))
# The one-year review answers the city's plan of 07/5/2026: written that day, issued the day after.
ANNUAL_ISSUED_ON = date(2026, 5, 8)
# The five working weeks before the seed week, Monday to Saturday.
EARLIER_WEEKS = [DateRange(WEEKLY.start - timedelta(weeks=n), WEEKLY.end - timedelta(weeks=n)) for n in range(5, 0, -1)]


@contextmanager
def _on(day: date, hour: int) -> Iterator[None]:
    """The clock at `hour` o'clock of `day`, local time, standing still while the step runs."""
    moment = datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))
    with time_machine.travel(moment, tick=False):
        yield


def next_working_day(day: date) -> date:
    """The leaders approve on office days, Monday to Friday."""
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _user(username: str) -> AbstractBaseUser:
    return get_user_model().objects.get(username=username)


def _report(ward: Ward, code: str, period: DateRange, staff: AbstractBaseUser) -> Report:
    template = ReportTemplate.objects.get(code=code)
    existing = Report.objects.filter(ward=ward, template=template, start=period.start, end=period.end).first()
    if existing:
        return existing
    with _on(period.end, 8):  # drafted on the period's last day
        return report_create(ward=ward, template=template, period=period, created_by=staff)


def _submit(report: Report, staff: AbstractBaseUser, on: date | None = None) -> Report:
    with _on(on or report.end, 16):
        return report_submit(report=report, actor=staff).report


def _approve(report: Report, leader: AbstractBaseUser, on: date | None = None) -> Report:
    with _on(on or next_working_day(report.end), 9):
        return report_approve(report=report, actor=leader).report


def _sign(report: Report, leader: AbstractBaseUser) -> Report:
    """The leader signs the approved PDF with the token on the day of the approval."""
    with _on(report.issued_on, 10):
        with report.approved_pdf.file.open("rb") as stored:
            approved = stored.read()
        signer = make_signer(f"{leader.last_name} {leader.first_name}".strip())
        content = sign(approved, report.signature_field_name, signer)
        return report_sign(report=report, actor=leader, content=content).report


def _accept(report: Report, city: AbstractBaseUser) -> Report:
    with _on(next_working_day(report.issued_on), 9):
        return report_accept(report=report, actor=city).report


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
    # In date order, so that the register numbers follow the issue dates.
    weeks = [_report(ward, "bao-cao-tuan", period, staff) for period in EARLIER_WEEKS]
    _accept(_sign(_approve(_submit(weeks[0], staff), vice), vice), city)
    _sign(_approve(_submit(weeks[1], staff), vice), vice)  # signed: waits for the city
    _submit(weeks[2], staff)  # submitted: waits for the leader
    _submit(weeks[3], staff)
    with _on(next_working_day(weeks[3].end), 9):
        report_return(report=weeks[3], actor=vice, reason="Bổ sung số hồ sơ hộ tịch trả kết quả trong tuần.")
    # weeks[4] stays a draft.
    seed_week = _report(ward, "bao-cao-tuan", WEEKLY, staff)
    _approve(_submit(seed_week, staff), vice)
    annual = _report(ward, "so-ket-01-nam", ANNUAL, staff)
    _approve(_submit(annual, staff, on=ANNUAL_ISSUED_ON - timedelta(days=1)), chairman, on=ANNUAL_ISSUED_ON)
