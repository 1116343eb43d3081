"""The demo accounts of `load_demo`: who they are, and whether this installation still has them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from wards.demo import DEMO_PASSWORD, DEMO_USERS

DEMO_USERNAMES = frozenset(user.username for user in DEMO_USERS)


def demo_accounts_present() -> bool:
    return get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True).exists()


def demo_password_shown() -> str | None:
    """The published demo password, for the sign-in page of a development machine holding the demo only."""
    if settings.DEBUG and demo_accounts_present():
        return DEMO_PASSWORD
    return None
