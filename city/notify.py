"""Reminders to late wards: the e-mail, and the list a ward sees on its dashboard."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wards.models import Role, Ward

from .models import Reminder


def reminders_for(ward: Ward) -> QuerySet[Reminder]:
    return Reminder.objects.filter(ward=ward).select_related("regime").order_by("-sent_at")


def reminder_mail(reminder_id: int) -> int:
    """Mail the ward's staff and leaders; returns how many messages were sent."""
    reminder = Reminder.objects.select_related("ward", "regime").filter(pk=reminder_id).first()
    if reminder is None:
        return 0
    users = get_user_model().objects.filter(
        membership__ward=reminder.ward, membership__role__in=[Role.STAFF, Role.LEADER], is_active=True
    )
    recipients = sorted(users.exclude(email="").values_list("email", flat=True))
    if not recipients:
        return 0
    # In Vietnamese, as the ward reads it, whatever language the officer's page was in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[%(ward)s] Late report: %(regime)s, %(period)s") % {
            "ward": reminder.ward,
            "regime": reminder.regime,
            "period": reminder.period.label(),
        }
        body = _(
            "The Department of Home Affairs reminds %(ward)s that the report “%(regime)s” for %(period)s is past "
            "its deadline and not yet approved.\nOpen the reports: %(url)s"
        ) % {
            "ward": reminder.ward,
            "regime": reminder.regime,
            "period": reminder.period.label(),
            "url": settings.PORTAL_BASE_URL.rstrip("/") + reverse("reports:list", kwargs={"ward": reminder.ward.slug}),
        }
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients])
