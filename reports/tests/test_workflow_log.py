"""Every workflow transition goes to the security log: who, which report, from, to, why, from where."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import Report, ReportState
from reports.tests.factories import make_report
from reports.workflow import TransitionRefused, report_return, report_submit
from wards.tests.security_log import line_with, security_lines

pytestmark = pytest.mark.usefixtures("fast_pdf")
ADDRESS = "198.51.100.20"


@pytest.fixture
def report(ward) -> Report:
    return make_report(ward)


@pytest.fixture(autouse=True)
def security_records(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kimtra.security")


def test_a_transition_made_on_the_page_is_logged(report, staff, caplog, django_capture_on_commit_callbacks) -> None:
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(staff.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:submit", args=[report.ward.slug, report.pk]))
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    line = line_with(caplog, "report.transition")
    assert (
        f"ip={ADDRESS} user={staff.user.username} report.transition report={report.pk} ward={report.ward.slug} "
        'action=submit from_state=draft to_state=submitted reason=""' in line
    )


def test_the_reason_is_logged(report, staff, leader, caplog, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, actor=staff.user)
        report_return(report=report, actor=leader.user, reason="Thiếu số liệu\nmục 2")
    submitted, returned = (line for line in security_lines(caplog) if " report.transition " in line)
    assert f"user={staff.user.username} " in submitted
    assert f"user={leader.user.username} " in returned
    assert 'action=return from_state=submitted to_state=draft reason="Thiếu số liệu\\nmục 2"' in returned


def test_a_refused_transition_is_not_logged(report, leader, caplog, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionRefused):
        report_return(report=report, actor=leader.user, reason="x")
    assert security_lines(caplog) == []
