from __future__ import annotations

from celery import shared_task

from .excel.services import unconfirmed_uploads_delete


@shared_task(name="wards.delete_unconfirmed_uploads")
def delete_unconfirmed_uploads() -> int:
    """Daily (CELERY_BEAT_SCHEDULE); the same service as `manage.py delete_unconfirmed_uploads`."""
    return unconfirmed_uploads_delete()
