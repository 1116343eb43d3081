"""The city's writes: accept several signed reports at once, return one, remind the late wards.

Accepting and returning call the workflow's own services (one transaction and row lock per report),
so a conflicting click elsewhere gets the same answer as on the report's page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reports import workflow
from reports.models import Report
from wards.models import City, Ward

from .matrix import Matrix
from .models import Reminder


@dataclass(frozen=True)
class AcceptResult:
    ward: Ward
    report: Report
    accepted: bool
    message: str


def reports_accept(*, city: City, report_ids: Iterable[int], actor: AbstractBaseUser) -> list[AcceptResult]:
    """Accept each report on its own, so that one in a wrong state does not hold back the others."""
    reports = Report.objects.filter(pk__in=list(report_ids), ward__city=city).select_related("ward", "template")
    results = []
    for report in reports.order_by("ward__name", "end"):
        try:
            outcome = workflow.report_accept(report=report, actor=actor)
        except workflow.TransitionRefused as refusal:
            results.append(AcceptResult(report.ward, report, False, str(refusal)))
            continue
        message = _("already accepted") if outcome.repeated else _("accepted")
        results.append(AcceptResult(report.ward, report, True, message))
    return results


def report_return_to_ward(*, city: City, report_id: int, actor: AbstractBaseUser, reason: str) -> Report:
    """Send a signed report back to its ward with the reason; raises ValidationError or TransitionRefused."""
    report = Report.objects.filter(pk=report_id, ward__city=city).first()
    if report is None:
        raise ValidationError(_("There is no such report of this city."))
    return workflow.report_send_back(report=report, actor=actor, reason=reason).report


def late_wards_remind(*, matrix: Matrix, actor: AbstractBaseUser) -> list[Reminder]:
    """Record and send one reminder per late ward and period; one already sent is never sent again,
    even when two officers click at once (the unique constraint decides)."""
    sent = []
    for ward, cell in matrix.late_cells():
        if cell.reminded:
            continue
        try:
            with transaction.atomic():
                reminder = Reminder(
                    regime=matrix.regime,
                    ward=ward,
                    period_start=cell.cell.period.start,
                    period_end=cell.cell.period.end,
                    sent_by=actor,
                )
                reminder.full_clean(validate_constraints=False)
                reminder.save()
        except IntegrityError:
            continue
        sent.append(reminder)
        transaction.on_commit(lambda pk=reminder.pk: _queue_mail(pk))
    return sent


def _queue_mail(reminder_id: int) -> None:
    from django.conf import settings

    from . import tasks

    tasks.send_reminder.apply_async(args=[reminder_id], queue=settings.REPORTS_MAIL_QUEUE)
