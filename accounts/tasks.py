from __future__ import annotations

from celery import shared_task

from .services import idle_accounts_disable


@shared_task(name="accounts.disable_idle")
def disable_idle_accounts() -> int:
    """Daily (CELERY_BEAT_SCHEDULE); the same service as `manage.py disable_idle_accounts`."""
    return idle_accounts_disable()
