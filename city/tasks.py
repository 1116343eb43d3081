from __future__ import annotations

from celery import shared_task

from . import notify


@shared_task(name="city.send_reminder", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_reminder(reminder_id: int) -> int:
    return notify.reminder_mail(reminder_id)


# acks_late with reject_on_worker_lost, as the PDF's: a worker that dies mid-way leaves the message
# unacknowledged, the broker delivers it again, and period_archive_build makes the ZIP anew (or gives it
# up when it has gone stale meanwhile).
@shared_task(name="city.build_period_archive", acks_late=True, reject_on_worker_lost=True)
def build_period_archive(archive_id: int) -> str | None:
    from .archive import period_archive_build

    archive = period_archive_build(archive_id)
    return archive.status if archive is not None else None
