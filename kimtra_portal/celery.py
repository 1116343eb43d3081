"""The Celery app. Without REDIS_URL the settings make every task run eagerly in the caller."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kimtra_portal.settings.dev")

app = Celery("kimtra_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="kimtra_portal.ping")
def ping(token: str) -> str:
    """Echo a token: proves that a task crossed the broker and a worker answered."""
    return f"pong:{token}"
