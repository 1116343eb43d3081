"""Project-wide test set-up: the services marker, the no-skip rule of CI, shared fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest_plugins = ["wards.tests.fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="Fail the run if any test is skipped (CI: tests that need services must really run).",
    )


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def services_missing() -> str | None:
    """Why service-marked tests cannot run here, or None when PostgreSQL and Redis are configured."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return "DATABASE_URL does not name a PostgreSQL database"
    if not os.environ.get("REDIS_URL"):
        return "REDIS_URL is not set"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = services_missing()
    has_chromium = Path(CHROMIUM).exists()
    for item in items:
        if reason is not None and "services" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"needs services: {reason}"))
        if not has_chromium and "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"needs Chromium at {CHROMIUM}"))


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--fail-on-skip") and _skipped:
        sys.stderr.write(f"\n--fail-on-skip: {len(_skipped)} test(s) skipped: {', '.join(_skipped)}\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@dataclass
class WorkerProcess:
    queue: str
    process: subprocess.Popen[bytes]
    start: Callable[[], subprocess.Popen[bytes]]

    def restart(self) -> subprocess.Popen[bytes]:
        """A new worker on the same queue, after the test killed this one (the failure paths)."""
        if self.process.poll() is None:
            raise RuntimeError("the worker is still running")
        self.process = self.start()
        return self.process


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
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
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
        started.append(process)
        for _attempt in range(60):
            if process.poll() is not None:
                raise RuntimeError(f"celery worker exited with {process.returncode}")
            if app.control.ping(destination=[node], timeout=0.5):
                return process
        raise RuntimeError("celery worker did not answer within 30 s")

    try:
        yield WorkerProcess(queue=queue, process=start(), start=start)
    finally:
        for process in started:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser build). One per module: Playwright's
    sync API keeps an event loop running while it is open, and later tests that call asyncio.run() (pyHanko's
    signature checks) must not find one."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser page on the live server. Console errors (CSP violations among them),
    script errors and failed sub-resources (a missing static file) fail the test at teardown;
    a page answered 403 or 404 on purpose does not."""
    # The browser asks for English on purpose: the portal must still answer in Vietnamese.
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    new_page = context.new_page()
    errors: list[str] = []

    def on_console(message: Any) -> None:
        # Chromium also logs every 4xx document as "Failed to load resource"; those are
        # judged by on_response below, which knows the resource type.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            errors.append(f"{response.status} {response.url}")

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.on("response", on_response)
    new_page.console_errors = errors
    yield new_page
    context.close()
    assert not errors, f"browser console errors: {errors}"
