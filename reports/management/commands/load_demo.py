from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from assets import demo as assets_demo
from procedures import demo as procedures_demo
from reports import demo as reports_demo
from staffing import demo as staffing_demo
from wards import demo as wards_demo


class Command(BaseCommand):
    help = "Load the demo city, wards, users and figures (idempotent; refuses when DEBUG is off)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(_("load_demo creates accounts with a published password; it runs only with DEBUG on."))
        with transaction.atomic():
            wards = wards_demo.load()
            procedures_demo.load(wards)
            assets_demo.load(wards)
            reports_demo.load(wards)
            staffing_demo.load(wards)
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo data loaded: %(wards)s; users %(users)s (password %(password)s).")
                % {
                    "wards": ", ".join(str(w) for w in wards.values()),
                    "users": ", ".join(u.username for u in wards_demo.DEMO_USERS),
                    "password": wards_demo.DEMO_PASSWORD,
                }
            )
        )
