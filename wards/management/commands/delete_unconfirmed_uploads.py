from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wards.excel.services import unconfirmed_uploads_delete


class Command(BaseCommand):
    help = "Delete the Excel files of dry runs never confirmed, a day old (what the daily Celery task does)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = unconfirmed_uploads_delete()
        self.stdout.write(f"{count} unconfirmed upload(s) deleted.")
