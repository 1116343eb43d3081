"""What waits for whom (staff: returned reports; leaders: submitted ones; the city: signed ones), as
a count for the navigation, a list, and an e-mail sent after each transition."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wards.models import Membership, Role

from .models import Report, ReportEvent, ReportState

logger = logging.getLogger(__name__)


def waiting_reports(membership: Membership | None) -> QuerySet[Report]:
    """The reports that wait for this user's next step."""
    if membership is None:
        return Report.objects.none()
    if membership.role == Role.CITY:
        return Report.objects.filter(ward__city_id=membership.city_id, state=ReportState.SIGNED)
    if membership.role == Role.LEADER:
        return Report.objects.filter(ward_id=membership.ward_id, state=ReportState.SUBMITTED)
    return Report.objects.filter(ward_id=membership.ward_id, state=ReportState.DRAFT).exclude(return_reason="")


def _recipients(report: Report, to_state: str, action: str) -> list[str]:
    """The e-mail addresses of the people the report now waits for."""
    if to_state == ReportState.SUBMITTED:
        scope = Q(membership__ward=report.ward, membership__role=Role.LEADER)
    elif to_state == ReportState.SIGNED:
        scope = Q(membership__city_id=report.ward.city_id, membership__role=Role.CITY)
    elif to_state == ReportState.DRAFT:
        roles = [Role.STAFF, Role.LEADER] if action == "send_back" else [Role.STAFF]
        scope = Q(membership__ward=report.ward, membership__role__in=roles)
    else:
        return []
    users = get_user_model().objects.filter(scope, is_active=True).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def transition_notice(event_id: int) -> int:
    """Mail the people a transition hands the report to; returns how many messages were sent."""
    event = ReportEvent.objects.select_related("report__ward", "report__template", "actor").filter(pk=event_id).first()
    if event is None:
        return 0
    report = event.report
    recipients = _recipients(report, event.to_state, event.action)
    if not recipients:
        return 0
    # The notices are in Vietnamese, as the ward and the city read them, whoever's request sent them.
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("reports:detail", kwargs={"ward": report.ward.slug, "pk": report.pk})
        subject = _("[%(ward)s] %(report)s: %(state)s") % {
            "ward": report.ward,
            "report": report,
            "state": ReportState(event.to_state).label,
        }
        body = _("%(who)s moved the report “%(report)s” from %(from)s to %(to)s.\n%(reason)s\nOpen it: %(path)s") % {
            "who": event.actor.get_full_name() or event.actor.get_username() if event.actor else "—",
            "report": report,
            "from": ReportState(event.from_state).label,
            "to": ReportState(event.to_state).label,
            "reason": _("Reason: %(reason)s") % {"reason": event.reason} if event.reason else "",
            "path": settings.PORTAL_BASE_URL.rstrip("/") + path,
        }
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    return send_mass_mail(messages, fail_silently=False)


def transition_made(event_id: int) -> None:
    """Queue the notice (called on commit, so the worker sees the transition)."""
    from . import tasks

    tasks.send_transition_notice.apply_async(args=[event_id], queue=settings.REPORTS_MAIL_QUEUE)
