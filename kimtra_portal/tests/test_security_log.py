"""Where the security log goes and how long it is kept, the HTTP access log of gunicorn, and
`Cache-Control: no-store` for signed-in users (DESIGN §12)."""

from __future__ import annotations

import logging
import re
import runpy
import time
from pathlib import Path

import pytest
from django.test import Client
from gunicorn.config import KNOWN_SETTINGS

from kimtra_portal.logfiles import SharedTimedRotatingFileHandler
from kimtra_portal.settings.env import logging_config
from wards.models import Membership, Ward

BASE_DIR = Path(__file__).resolve().parents[2]


def test_the_security_log_is_a_file_rotated_at_midnight_kept_over_a_year(tmp_path: Path) -> None:
    config = logging_config({"SECURITY_LOG_DIR": str(tmp_path / "security")}, BASE_DIR)
    handler = config["handlers"]["security_file"]
    assert handler["class"] == "kimtra_portal.logfiles.SharedTimedRotatingFileHandler"
    assert handler["when"] == "midnight"
    assert handler["backupCount"] >= 400
    assert handler["filename"] == str(tmp_path / "security" / "security.log")
    assert config["loggers"]["kimtra.security"]["handlers"] == ["security_file"]
    assert config["loggers"]["kimtra.security"].get("propagate", True)  # the console (and caplog) see it too


def test_by_default_the_file_is_in_logs_beside_the_code() -> None:
    handler = logging_config({}, BASE_DIR)["handlers"]["security_file"]
    assert handler["filename"] == str(BASE_DIR / "logs" / "security.log")
    assert "/logs/" in (BASE_DIR / ".gitignore").read_text().splitlines()


def test_tests_write_no_security_file(settings) -> None:
    assert "security_file" not in settings.LOGGING["handlers"]


def record(message: str) -> logging.LogRecord:
    return logging.LogRecord("kimtra.security", logging.INFO, __file__, 1, message, None, None)


def test_two_processes_rotating_the_same_file_lose_nothing(tmp_path: Path) -> None:
    """Two gunicorn workers: each rolls over at midnight; the second must find the file already rotated
    (the standard handler would delete the first day's file and put the second day's lines in it)."""
    path = tmp_path / "new-folder" / "security.log"
    first, second = (SharedTimedRotatingFileHandler(path, when="midnight", backupCount=400) for _ in range(2))
    try:
        first.emit(record("day one, first worker"))
        second.emit(record("day one, second worker"))
        midnight = int(time.time())  # as if midnight had just passed
        first.rolloverAt = second.rolloverAt = midnight
        first.emit(record("day two, first worker"))
        second.emit(record("day two, second worker"))
        assert second.rolloverAt > midnight
    finally:
        first.close()
        second.close()
    [rotated] = [p for p in path.parent.iterdir() if p.name.startswith("security.log.") and not p.name.endswith("lock")]
    assert rotated.read_text().splitlines() == ["day one, first worker", "day one, second worker"]
    assert path.read_text().splitlines() == ["day two, first worker", "day two, second worker"]


def test_gunicorn_settings_serve_an_access_log() -> None:
    conf = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    names = {setting.name for setting in KNOWN_SETTINGS}
    ours = {key for key in conf if not key.startswith("__") and key not in {"multiprocessing", "os"}}
    assert ours <= names, f"not gunicorn settings: {ours - names}"
    assert conf["accesslog"] == "-"
    log_format = conf["access_log_format"]
    for atom in ("%({x-forwarded-for}i)s", "%(a)s", "%(s)s", "%(M)s", "%(t)s", '"%(r)s"'):
        assert atom in log_format
    assert "gunicorn -c gunicorn.conf.py kimtra_portal.wsgi" in (BASE_DIR / "README.md").read_text()


def test_signed_in_pages_are_not_stored(ward: Ward, staff: Membership) -> None:
    client = Client()
    client.force_login(staff.user)
    response = client.get(f"/w/{ward.slug}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_static_files_and_healthz_keep_their_headers(settings, staff: Membership) -> None:
    """As in production, WhiteNoise serves the static files; signed in or not, they may be cached."""
    settings.MIDDLEWARE = [*settings.MIDDLEWARE]
    settings.MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    anonymous = Client()
    login_page = anonymous.get("/accounts/login/")
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', login_page.content.decode())
    assert len(assets) >= 3
    signed_in = Client()
    signed_in.force_login(staff.user)
    for asset in assets:
        for client in (anonymous, signed_in):
            response = client.get(asset)
            assert response.status_code == 200, asset
            assert "no-store" not in response.get("Cache-Control", ""), asset
    health = signed_in.get("/healthz")
    assert health["Cache-Control"] != "no-store"  # never_cache's own header, untouched
    assert "max-age=0" in health["Cache-Control"]


def test_static_paths_that_reach_django_are_not_marked(staff: Membership) -> None:
    client = Client()
    client.force_login(staff.user)
    response = client.get("/static/css/portal.css")  # in tests nothing serves it: a 404 through Django
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.fixture(autouse=True)
def _db(db: None) -> None:
    """Every test here may touch the database (sign-in)."""
