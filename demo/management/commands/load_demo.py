from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assets import demo as assets_demo
from city import demo as city_demo
from demo import scale
from indicators import demo as indicators_demo
from procedures import demo as procedures_demo
from reports import demo as reports_demo
from reports import seed_reports
from staffing import demo as staffing_demo
from wards import demo as wards_demo


class Command(BaseCommand):
    help = "Load the demo city, wards, users and figures (idempotent; refuses when DEBUG is off)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also make generated demo wards up to this many wards in all, with two years of figures "
            "and weekly reports each (benchmarks: --scale 40).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(_("load_demo creates accounts with a published password; it runs only with DEBUG on."))
        with transaction.atomic():
            wards = wards_demo.load()
            with wards_demo.figure_locks_set_aside(wards):
                procedures_demo.load(wards)
                # Equipment hangs on the staffing units, so staffing comes before assets.
                staffing_demo.load(wards)
                assets_demo.load(wards)
                indicators_demo.load(wards)
            if settings.DEMO_REPORTS:
                # The seed reports get their own text while drafts; the reports demo then approves them.
                seed_reports.load(wards)
                reports_demo.load(wards)
            city_demo.load(wards.values())
        if options["scale"]:
            started = time.monotonic()
            result = scale.load(wards["kim-tra"].city, options["scale"], timezone.localdate())
            self.stdout.write(
                _("Scale: %(created)s wards made, %(wards)s in all, in %(seconds).0f s: %(rows)s.")
                % {
                    "created": result.created,
                    "wards": result.wards,
                    "seconds": time.monotonic() - started,
                    "rows": ", ".join(f"{name} {count}" for name, count in sorted(result.rows.items())),
                }
            )
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
