from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from accounts.services import idle_accounts_disable


class Command(BaseCommand):
    help = "Disable the accounts not used for 45 days (what the daily Celery task does)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = idle_accounts_disable()
        self.stdout.write(f"{count} account(s) disabled.")
