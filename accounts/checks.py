"""System checks: an installation without DEBUG must not hold the accounts with the published password."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from .demo_accounts import DEMO_USERNAMES, demo_accounts_present


@register(Tags.database, Tags.security)
def demo_accounts_refused(app_configs: Any = None, databases: Iterable[str] | None = None, **kwargs: Any) -> list:
    """Run by `migrate` and `check --database default` (a database check needs the tables)."""
    if settings.DEBUG or not databases:
        return []
    try:
        present = demo_accounts_present()
    except DatabaseError:
        # Before the first migrate there are no accounts at all.
        return []
    if not present:
        return []
    return [
        Error(
            "The demo accounts (published password) exist in a database used without DEBUG.",
            hint=f"Deactivate the accounts {', '.join(sorted(DEMO_USERNAMES))} before going live.",
            id="accounts.E001",
        )
    ]


@register(Tags.security)
def demo_without_second_factor_needs_debug(app_configs: Any = None, **kwargs: Any) -> list:
    if getattr(settings, "ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR", False) and not settings.DEBUG:
        return [
            Error(
                "ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR is on without DEBUG.",
                hint="Only a development machine lets the demo accounts in without a second factor.",
                id="accounts.E002",
            )
        ]
    return []
