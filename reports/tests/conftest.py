from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.demo import load
from reports.tests.seed_providers import seed_providers
from wards.models import Ward


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kept PDFs go to a directory of the test; the environment passes it on to a worker process."""
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    monkeypatch.setenv("MEDIA_ROOT", str(root))
    return root


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Tasks run in the test process even when REDIS_URL names a broker (the worker process has its own test)."""
    from kimtra_portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = before


@pytest.fixture
def seeds() -> Iterator[None]:
    with seed_providers():
        yield


@pytest.fixture
def demo_indicators(ward: Ward, other_ward: Ward) -> None:
    load({"kim-tra": ward, "huong-tra": other_ward})


@pytest.fixture
def fast_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Approval makes a one-page PDF with the report's signature field instead of running WeasyPrint
    (test_pdf and the journeys render the real one)."""
    from reports.demo_token import blank_pdf

    monkeypatch.setattr("reports.workflow.report_pdf", lambda report, final: blank_pdf(report.signature_field_name))
