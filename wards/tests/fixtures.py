from __future__ import annotations

from pathlib import Path

import pytest

from wards.models import Membership, Ward
from wards.tests.factories import MembershipFactory, WardFactory


@pytest.fixture
def ward(db: None) -> Ward:
    return WardFactory(name="Kim Trà")


@pytest.fixture
def other_ward(db: None) -> Ward:
    return WardFactory(name="Hương Trà")


@pytest.fixture
def staff(ward: Ward) -> Membership:
    return MembershipFactory(ward=ward)


@pytest.fixture
def leader(ward: Ward) -> Membership:
    return MembershipFactory(ward=ward, leader=True)


@pytest.fixture
def home_affairs(ward: Ward) -> Membership:
    return MembershipFactory(home_affairs=True, city=ward.city)


@pytest.fixture
def other_staff(other_ward: Ward) -> Membership:
    return MembershipFactory(ward=other_ward)


@pytest.fixture
def catalogue_data() -> None:
    """The indicators and templates the data migrations make, again: a transactional test runs after
    others have flushed the tables, and the demo's seed reports are built on the templates."""
    import importlib

    from django.apps import apps

    importlib.import_module("indicators.migrations.0002_catalogue").seed(apps, None)
    importlib.import_module("reports.migrations.0003_report_templates").seed(apps, None)
    importlib.import_module("reports.migrations.0005_template_wording_for_real_figures").forwards(apps, None)
    importlib.import_module("reports.migrations.0008_template_wording_from_data").forwards(apps, None)


@pytest.fixture
def demo_data(settings, catalogue_data) -> None:
    """The whole demo of `load_demo` (about 8 s): for journeys that need the seed figures."""
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo")
    settings.DEBUG = False


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test's stored files (imported Excel files, kept PDFs) go to a folder of its own, never to
    the repository's media/."""
    root = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = root
    return root
