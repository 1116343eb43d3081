"""Reading configuration from the environment, kept free of Django so it can be tested alone."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
import dj_email_url


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_list(env: Mapping[str, str], name: str) -> list[str]:
    return [item.strip() for item in env.get(name, "").split(",") if item.strip()]


def database_config(env: Mapping[str, str], base_dir: Path) -> dict[str, Any]:
    """SQLite beside the code unless DATABASE_URL names another database."""
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(base_dir / "db.sqlite3"),
        }
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Reports lock figures in transactions; a short connect timeout keeps a dead
        # database from hanging every request.
        config.setdefault("OPTIONS", {})["connect_timeout"] = 5
    return config


def celery_config(env: Mapping[str, str]) -> dict[str, Any]:
    """A real broker when REDIS_URL is set; otherwise tasks run in the calling process."""
    redis_url = env.get("REDIS_URL", "").strip()
    if redis_url:
        return {
            "CELERY_BROKER_URL": redis_url,
            "CELERY_RESULT_BACKEND": redis_url,
            "CELERY_TASK_ALWAYS_EAGER": False,
        }
    return {
        "CELERY_BROKER_URL": "memory://",
        "CELERY_RESULT_BACKEND": None,
        "CELERY_TASK_ALWAYS_EAGER": True,
    }


def email_config(env: Mapping[str, str], *, debug: bool) -> dict[str, Any]:
    """EMAIL_URL (smtp://user:password@host:587/?tls=True) when set; otherwise Django's own EMAIL_HOST,
    EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS; with neither, the console in
    development and SMTP on localhost in production."""
    sender = {"DEFAULT_FROM_EMAIL": env.get("DEFAULT_FROM_EMAIL", "cong-bao-cao@localhost")}
    url = env.get("EMAIL_URL", "").strip()
    if url:
        return dj_email_url.parse(url) | sender
    host = env.get("EMAIL_HOST", "").strip()
    if not host:
        backend = "console" if debug else "smtp"
        return {"EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"} | sender
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": int(env.get("EMAIL_PORT", "25")),
        "EMAIL_HOST_USER": env.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": env.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool(env, "EMAIL_USE_TLS", False),
        "EMAIL_USE_SSL": env_bool(env, "EMAIL_USE_SSL", False),
    } | sender


# TCVN 14423 asks for at least a month of security records; DESIGN §12 keeps twelve months and more.
SECURITY_LOG_BACKUPS = 400
SECURITY_LOG_FORMAT = "%(asctime)s %(levelname)s ip=%(ip)s user=%(user)s %(message)s"
SECURITY_LOG_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"


def logging_config(env: Mapping[str, str], base_dir: Path, *, security_file: bool = True) -> dict[str, Any]:
    """The console for everything; the security log also to a file rotated at local midnight, one file a
    day kept SECURITY_LOG_BACKUPS days, in SECURITY_LOG_DIR (default `logs/` beside the code)."""
    security_handlers = []
    handlers: dict[str, Any] = {"console": {"class": "logging.StreamHandler"}}
    if security_file:
        folder = Path(env.get("SECURITY_LOG_DIR", "").strip() or base_dir / "logs")
        handlers["security_file"] = {
            "class": "kimtra_portal.logfiles.SharedTimedRotatingFileHandler",
            "filename": str(folder / "security.log"),
            "when": "midnight",
            "backupCount": SECURITY_LOG_BACKUPS,
            "encoding": "utf-8",
            "formatter": "security",
        }
        security_handlers.append("security_file")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"security": {"format": SECURITY_LOG_FORMAT, "datefmt": SECURITY_LOG_DATEFMT}},
        "filters": {"security_context": {"()": "wards.security.SecurityContextFilter"}},
        "handlers": handlers,
        "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
        "loggers": {
            # Propagates to the console as well: the file is the record, the console what operators watch.
            "kimtra.security": {"handlers": security_handlers, "level": "INFO", "filters": ["security_context"]},
            # WeasyPrint logs each rendering step and fontTools each subset at INFO: noise in worker logs.
            "axes": {"level": "WARNING"},
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
