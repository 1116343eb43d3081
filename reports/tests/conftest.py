from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from reports.demo import load
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
def catalogue_data() -> None:
    """The indicators and templates the data migrations make, again: a transactional test runs after
    others have flushed the tables."""
    from django.apps import apps

    for name in ("0002_indicator_catalogue", "0003_report_templates"):
        importlib.import_module(f"reports.migrations.{name}").seed(apps, None)
    importlib.import_module("reports.migrations.0005_template_wording_for_real_figures").forwards(apps, None)


@pytest.fixture
def seeds() -> Iterator[None]:
    with seed_providers():
        yield


@pytest.fixture
def demo_indicators(ward: Ward, other_ward: Ward) -> None:
    load({"kim-tra": ward, "huong-tra": other_ward})
