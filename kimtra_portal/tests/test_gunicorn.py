"""gunicorn runs no Django system check: its `on_starting` hook (gunicorn.conf.py) does, and refuses to start."""

from __future__ import annotations

import importlib.util
import logging
import textwrap
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from kimtra_portal.tests.test_settings import PRODUCTION_ENV, manage
from wards.tests.factories import UserFactory

BASE_DIR = Path(__file__).resolve().parents[2]


def gunicorn_conf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gunicorn_conf", BASE_DIR / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_server() -> SimpleNamespace:
    return SimpleNamespace(log=logging.getLogger("gunicorn.error"))


# transaction=True: the hook closes every connection before the workers fork, which a test transaction
# would not survive.
@pytest.mark.django_db(transaction=True)
def test_the_master_refuses_to_start_with_the_demo_accounts(settings, caplog) -> None:
    settings.DEBUG = False
    hook = gunicorn_conf().on_starting
    hook(fake_server())  # no demo account: it starts
    demo = UserFactory(username="kimtra.chutich")
    with caplog.at_level(logging.ERROR, logger="gunicorn.error"), pytest.raises(RuntimeError, match=r"accounts\.E001"):
        hook(fake_server())
    assert "system check: ?: (accounts.E001)" in caplog.text
    demo.is_active = False
    demo.save()
    hook(fake_server())


def test_the_hook_under_the_production_settings(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import importlib.util, logging, django
        from types import SimpleNamespace
        django.setup()
        from django.core.management import call_command
        from django.contrib.auth import get_user_model
        call_command("migrate", verbosity=0)
        spec = importlib.util.spec_from_file_location("gunicorn_conf", "gunicorn.conf.py")
        conf = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(conf)
        server = SimpleNamespace(log=logging.getLogger("gunicorn.error"))
        conf.on_starting(server)
        print("started without demo accounts")
        get_user_model().objects.create_user("sonoivu", password="demo-Kimtra-2025")
        try:
            conf.on_starting(server)
        except RuntimeError as error:
            print("refused:", error)
        """
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "started without demo accounts",
        "refused: system checks failed: accounts.E001",
    ]
