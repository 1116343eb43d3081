"""Project-wide test set-up: the services marker, the no-skip rule of CI, shared fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest

pytest_plugins = ["wards.tests.fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="Fail the run if any test is skipped (CI: tests that need services must really run).",
    )


def services_missing() -> str | None:
    """Why service-marked tests cannot run here, or None when PostgreSQL and Redis are configured."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return "DATABASE_URL does not name a PostgreSQL database"
    if not os.environ.get("REDIS_URL"):
        return "REDIS_URL is not set"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = services_missing()
    if reason is None:
        return
    for item in items:
        if "services" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"needs services: {reason}"))


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--fail-on-skip") and _skipped:
        sys.stderr.write(f"\n--fail-on-skip: {len(_skipped)} test(s) skipped: {', '.join(_skipped)}\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@dataclass(frozen=True)
class WorkerProcess:
    queue: str
    process: subprocess.Popen[bytes]


@pytest.fixture
def celery_worker_process(transactional_db: None) -> Iterator[WorkerProcess]:
    """A real `celery worker` process on the test database, consuming a queue of its own."""
    from django.db import connection

    from kimtra_portal.celery import app

    db = connection.settings_dict
    database_url = (
        f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{db['HOST'] or 'localhost'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )
    queue = f"test-{uuid.uuid4().hex[:12]}"
    node = f"{queue}@localhost"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "kimtra_portal.settings.test"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kimtra_portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-Q",
            queue,
            "-n",
            node,
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
    )
    try:
        for _attempt in range(60):
            if process.poll() is not None:
                raise RuntimeError(f"celery worker exited with {process.returncode}")
            if app.control.ping(destination=[node], timeout=0.5):
                break
        else:
            raise RuntimeError("celery worker did not answer within 30 s")
        yield WorkerProcess(queue=queue, process=process)
    finally:
        process.terminate()
        process.wait(timeout=30)
