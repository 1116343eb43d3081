from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.services import account_reactivate


class Command(BaseCommand):
    help = (
        "Open a disabled account again (e.g. an administrator disabled after 45 days unused, whom nobody in the "
        "portal manages); its 45-day clock starts now. Logged on kimtra.security."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account {username!r}.")
        if user.is_active:
            self.stdout.write(f"{username} is already active.")
            return
        account_reactivate(user=user, actor=None, address=None, via="manage.py")
        self.stdout.write(f"{username} can sign in again.")
