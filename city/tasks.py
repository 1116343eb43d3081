from __future__ import annotations

from celery import shared_task

from . import notify


@shared_task(name="city.send_reminder", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_reminder(reminder_id: int) -> int:
    return notify.reminder_mail(reminder_id)


@shared_task(name="city.build_period_archive", acks_late=True, reject_on_worker_lost=True)
def build_period_archive(archive_id: int) -> None:
    from .archive import period_archive_build

    period_archive_build(archive_id)
