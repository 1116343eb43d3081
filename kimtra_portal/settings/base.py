"""Settings shared by every environment; each value that differs between machines comes from the environment."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import celery_config, database_config, email_config, env_bool, env_list, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
ENV = os.environ

SECRET_KEY = ENV.get("SECRET_KEY", "")
DEBUG = env_bool(ENV, "DEBUG", False)
ALLOWED_HOSTS = env_list(ENV, "ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list(ENV, "CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_htmx",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_prose_editor",
    "django_filters",
    "django_tables2",
    "wards",
    "accounts",
    "staffing",
    "assets",
    "procedures",
    "indicators",
    "reports",
    "city",
    "dashboard",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kimtra_portal.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wards.security.SecurityLogMiddleware",
    "kimtra_portal.middleware.NoStoreForSignedInMiddleware",
    # First-sign-in steps (own password, second factor) before any other page.
    "accounts.gate.AccountGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kimtra_portal.urls"
WSGI_APPLICATION = "kimtra_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wards.context_processors.navigation",
                "reports.context_processors.waiting",
            ],
        },
    },
]

DATABASES = {"default": database_config(ENV, BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# A shared office computer left signed in is the likeliest leak: end idle sessions after
# 15 minutes, counted from the last request.
SESSION_COOKIE_AGE = 15 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Lock by user name, not by address: a ward office shares one public address, and one
# clerk's typos must not lock out the whole office.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Not on the password alone: the count goes on through the second factor and is reset by the sign-in view
# once both are right (accounts.views), so that a known password cannot buy endless code guesses.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# axes.W006 asks for the address among the lockout parameters; that is the office-wide
# lockout described above, which we refuse on purpose.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Two-factor sign-in (accounts.second_factor): required for ward leaders, Home Affairs users and
# administrators. The test settings turn it off except in the tests of it; production forces it on.
ACCOUNTS_SECOND_FACTOR_REQUIRED = True
# `make run` only: the demo accounts sign in with the published password alone (accounts.E002 without DEBUG).
ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR = False
OTP_TOTP_ISSUER = "Cổng báo cáo phường Huế"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["kimtra_portal.formats"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# No inline script anywhere: every script is a file of ours or of a registry package.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REDIS_URL = ENV.get("REDIS_URL", "").strip()
# Run by `celery -A kimtra_portal beat` beside the workers (the same service as `manage.py disable_idle_accounts`).
CELERY_BEAT_SCHEDULE = {
    "accounts-disable-idle": {"task": "accounts.disable_idle", "schedule": crontab(hour=1, minute=30)},
    "wards-unconfirmed-uploads": {"task": "wards.delete_unconfirmed_uploads", "schedule": crontab(hour=2, minute=0)},
}
globals().update(celery_config(ENV))
globals().update(email_config(ENV, debug=DEBUG))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# A PDF still "being made" this long after a worker took it is taken for lost (its worker died
# without the broker handing the task on yet): the page then reports the failure and offers a retry.
REPORTS_PDF_STALE_AFTER = timedelta(minutes=int(ENV.get("REPORTS_PDF_STALE_MINUTES", "10")))
# None: Celery's default queue. Tests point it at the queue of their own worker process.
REPORTS_PDF_QUEUE: str | None = ENV.get("REPORTS_PDF_QUEUE") or None
# A folder of PEM (or DER) certificates that signed uploads must chain to; without it a valid signature
# is accepted and shown as "chain of trust not verified".
REPORTS_TRUST_ROOTS_DIR: str | None = ENV.get("REPORTS_TRUST_ROOTS_DIR") or None
REPORTS_SIGNED_MAX_BYTES = int(ENV.get("REPORTS_SIGNED_MAX_MB", "20")) * 2**20
# Queue of the workflow's e-mail notices (None: the default queue) and the address their links start with.
REPORTS_MAIL_QUEUE: str | None = ENV.get("REPORTS_MAIL_QUEUE") or None
PORTAL_BASE_URL = ENV.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# load_demo approves and signs the demo reports, which renders their PDFs (tests of the figures skip it).
DEMO_REPORTS = True

# Behind this many reverse proxies the client's address is read from X-Forwarded-For (wards.security).
SECURITY_TRUSTED_PROXIES = int(ENV.get("SECURITY_TRUSTED_PROXIES", "0"))
LOGGING = logging_config(ENV, BASE_DIR)
