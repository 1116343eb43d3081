from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from city.archive import archive_reports, archive_write
from city.models import Regime
from wards.models import City


class Command(BaseCommand):
    help = "Write the ZIP of one period's reports of every ward (signed PDF, else the approved one)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regime", required=True, help="Regime code: bao-cao-tuan.")
        parser.add_argument("--date", required=True, help="A day inside the period, YYYY-MM-DD.")
        parser.add_argument("--city", default="", help="City slug; the only city when omitted.")
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        regime = Regime.objects.filter(code=options["regime"]).first()
        cities = City.objects.filter(slug=options["city"]) if options["city"] else City.objects.all()
        if regime is None or cities.count() != 1:
            raise CommandError(_("Name an existing regime and city."))
        try:
            day = date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(_("--date is not a date (expected YYYY-MM-DD).")) from error
        period = regime.shape.period_of(day)
        if period is None:
            raise CommandError(_("No period of this regime holds %(day)s.") % {"day": day.isoformat()})
        with options["output"].open("wb") as output:
            count = archive_write(archive_reports(regime, cities.get(), period), output)
        self.stdout.write(
            _("%(count)s reports of %(period)s written to %(path)s.")
            % {"count": count, "period": period.label(), "path": options["output"]}
        )
