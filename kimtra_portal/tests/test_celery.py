from __future__ import annotations

import pytest

from kimtra_portal.celery import app, ping


def test_without_redis_tasks_run_in_process(settings) -> None:
    assert app.conf.task_always_eager is True
    assert ping.delay("abc").get(timeout=1) == "pong:abc"


@pytest.mark.services
def test_round_trip_through_redis_and_a_worker_process(celery_worker_process) -> None:
    assert app.conf.task_always_eager is False
    assert app.conf.broker_url.startswith("redis://")
    result = ping.apply_async(args=["xyz"], queue=celery_worker_process.queue)
    assert result.get(timeout=30) == "pong:xyz"
    assert celery_worker_process.process.poll() is None
