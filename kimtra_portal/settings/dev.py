"""Development and `make run`: debug on, an SQLite file, tasks in-process unless REDIS_URL is set."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import ENV
from .env import email_config

DEBUG = True
# Without EMAIL_URL or EMAIL_HOST the notices are printed where `make run` serves.
globals().update(email_config(ENV, debug=True))
SECRET_KEY = ENV.get("SECRET_KEY") or "dev-only-key-not-for-production-kimtra-portal-0123456789"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# The demo accounts of load_demo sign in without a second factor (system check accounts.E002 refuses it without DEBUG).
ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR = True
