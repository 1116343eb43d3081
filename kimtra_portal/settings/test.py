"""Tests: the base settings with a fast password hasher; services come from the environment as in CI."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import BASE_DIR, ENV
from .env import logging_config

SECRET_KEY = "test-only-key-kimtra-portal-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The demo's reports render four PDFs on every load_demo; the tests of the demo figures do without them
# (reports/tests/test_demo.py loads them, with a stand-in renderer).
DEMO_REPORTS = False
# No security log file in the repository: records still reach the console and pytest's caplog.
LOGGING = logging_config(ENV, BASE_DIR, security_file=False)
# Tests sign in with the password (or force_login); accounts/tests/test_second_factor.py turns the rule on.
ACCOUNTS_SECOND_FACTOR_REQUIRED = False
