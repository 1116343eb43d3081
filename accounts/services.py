"""Writes to accounts: the lifecycle (first password, idle disabling, deactivation). Each function validates
fully, runs in one transaction and writes the security log."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from wards.models import City, Role, Ward
from wards.services import membership_assign

from .models import AccountState, DisabledReason
from .security import log_account_event

IDLE_LIMIT = timedelta(days=45)


def account_state(user: AbstractUser) -> AccountState:
    state, _created = AccountState.objects.get_or_create(user=user)
    return state


@transaction.atomic
def password_change_require(
    *, user: AbstractUser, actor: AbstractUser | None = None, address: str | None = None
) -> AccountState:
    state = account_state(user)
    state.must_change_password = True
    state.full_clean()
    state.save()
    log_account_event("password_change_required", actor=actor, target=user, address=address)
    return state


@transaction.atomic
def password_changed(*, user: AbstractUser, address: str | None = None) -> None:
    """The user set their own password (the form has saved it)."""
    AccountState.objects.filter(user=user).update(must_change_password=False)
    log_account_event("password_changed", actor=user, target=user, address=address)


@transaction.atomic
def account_deactivate(
    *, user: AbstractUser, actor: AbstractUser | None, address: str | None, reason: str = DisabledReason.MANAGER
) -> None:
    state = account_state(user)
    state.disabled_reason = reason
    state.full_clean()
    state.save()
    user.is_active = False
    user.save(update_fields=["is_active"])
    log_account_event(f"deactivated ({reason})", actor=actor, target=user, address=address)


@transaction.atomic
def account_reactivate(*, user: AbstractUser, actor: AbstractUser | None, address: str | None, via: str = "") -> None:
    """Open a disabled account again; its 45-day clock starts now. `via` names where it was done from when no
    signed-in person did it (`manage.py reactivate_account`)."""
    state = account_state(user)
    state.disabled_reason = ""
    state.active_since = timezone.now()
    state.full_clean()
    state.save()
    user.is_active = True
    user.save(update_fields=["is_active"])
    log_account_event(f"reactivated ({via})" if via else "reactivated", actor=actor, target=user, address=address)


def sessions_end(*, user: AbstractUser) -> int:
    """Sign the person out everywhere; returns how many sessions ended. A password reset does it through
    Django's session hash; a second-factor reset keeps the password, so the sessions are deleted here (else a
    session already past the second factor would be sent to enrol a new device of its holder's choosing).
    Sessions live in the database (the default engine, or cached_db); the few open ones are read."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            # Through the engine, so that cached_db forgets its copy too.
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


def idle_accounts(*, now: datetime):
    """Active accounts whose last use (sign-in, creation or reactivation) is older than the limit."""
    joined = F("date_joined")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(last_used=Greatest(Coalesce("last_login", joined), Coalesce("account_state__active_since", joined)))
        .filter(last_used__lt=now - IDLE_LIMIT)
    )


@transaction.atomic
def idle_accounts_disable(*, now: datetime | None = None) -> int:
    """Disable the accounts nobody used for 45 days (TCVN 14423 level 2); returns how many."""
    users = list(idle_accounts(now=now or timezone.now()).select_for_update(of=("self",)))
    for user in users:
        account_deactivate(user=user, actor=None, address=None, reason=DisabledReason.IDLE)
    return len(users)


def temporary_password() -> str:
    """Given by the manager by hand; its owner replaces it at first sign-in."""
    return f"Tam-{secrets.token_urlsafe(9)}"


@transaction.atomic
def account_create(
    *,
    actor: AbstractUser,
    address: str | None,
    username: str,
    first_name: str,
    last_name: str,
    role: Role,
    ward: Ward | None = None,
    city: City | None = None,
    signing_title: str = "",
) -> tuple[AbstractUser, str]:
    """A new person with a membership and a temporary password; returns the password to hand over once."""
    user_model = get_user_model()
    user = user_model(username=username, first_name=first_name, last_name=last_name, is_active=True)
    user.full_clean(exclude=["password"])
    password = temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.save()
    membership_assign(user=user, role=role, ward=ward, city=city, signing_title=signing_title)
    AccountState.objects.create(user=user, must_change_password=True, active_since=timezone.now())
    log_account_event(f"created ({role})", actor=actor, target=user, address=address)
    return user, password


@transaction.atomic
def password_reset(*, user: AbstractUser, actor: AbstractUser, address: str | None) -> str:
    """A forgotten password: a new temporary one, to be replaced at the next sign-in. Signs out every session
    of the account (Django ties sessions to the password)."""
    password = temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    state = account_state(user)
    state.must_change_password = True
    state.save(update_fields=["must_change_password"])
    log_account_event("password_reset", actor=actor, target=user, address=address)
    return password
