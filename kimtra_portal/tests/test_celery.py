from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kimtra_portal.celery import app, ping

BASE_DIR = Path(__file__).resolve().parents[2]


def test_without_redis_tasks_run_in_the_calling_process() -> None:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from kimtra_portal.celery import ping; r = ping.delay('abc'); print(type(r).__name__, r.get())",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "EagerResult pong:abc"


@pytest.mark.services
def test_round_trip_through_redis_and_a_worker_process(celery_worker_process) -> None:
    assert app.conf.task_always_eager is False
    assert app.conf.broker_url.startswith("redis://")
    result = ping.apply_async(args=["xyz"], queue=celery_worker_process.queue)
    assert result.get(timeout=30) == "pong:xyz"
    assert celery_worker_process.process.poll() is None


def test_the_idle_rule_runs_daily_from_celery_beat() -> None:
    # What a worker and beat do at start: import every app's tasks module (the test run may not have yet).
    app.loader.import_default_modules()
    entry = app.conf.beat_schedule["accounts-disable-idle"]
    assert entry["task"] == "accounts.disable_idle" and entry["task"] in app.tasks
    # Once a day, at night (Vietnam time).
    assert entry["schedule"].hour == {1} and entry["schedule"].minute == {30}
    assert entry["schedule"].day_of_week == set(range(7))
    assert app.conf.timezone == "Asia/Ho_Chi_Minh"
