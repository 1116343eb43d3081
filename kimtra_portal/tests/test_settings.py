from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kimtra_portal.settings.env import celery_config, database_config, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kimtra_portal.settings.production",
    "SECRET_KEY": "x7Qp2-production-like-secret-key-with-more-than-fifty-chars-9d8f7",
    "ALLOWED_HOSTS": "baocao.kimtra.example.vn",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    hidden = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in hidden}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        # Production settings write the security log: into a temporary folder, not the repository.
        env={**clean, "SECURITY_LOG_DIR": str(Path(tempfile.gettempdir()) / "kimtra-test-security-log"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sqlite_by_default(tmp_path: Path) -> None:
    config = database_config({}, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


def test_postgresql_from_database_url(tmp_path: Path) -> None:
    config = database_config({"DATABASE_URL": "postgres://kimtra:pw@db.local:5433/portal"}, tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["HOST"], config["PORT"]) == ("portal", "kimtra", "db.local", 5433)
    assert config["OPTIONS"]["connect_timeout"] == 5


def test_celery_runs_in_process_without_redis() -> None:
    assert celery_config({})["CELERY_TASK_ALWAYS_EAGER"] is True
    config = celery_config({"REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert config["CELERY_TASK_ALWAYS_EAGER"] is False
    assert config["CELERY_BROKER_URL"] == "redis://127.0.0.1:6379/3"


def test_env_helpers() -> None:
    assert env_list({"ALLOWED_HOSTS": " a.vn, b.vn ,"}, "ALLOWED_HOSTS") == ["a.vn", "b.vn"]
    assert env_bool({"X": "off"}, "X", True) is False
    assert env_bool({}, "X", True) is True
    with pytest.raises(ValueError):
        env_bool({"X": "maybe"}, "X", True)


def test_production_check_deploy_passes_with_documented_env() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing: str) -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_headers() -> None:
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, s.DEBUG)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.splitlines()[-1].split() == ["True", "True", "31536000", "True", "same-origin", "False"]
