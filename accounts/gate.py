"""What a signed-in person must still do before using the portal: confirm the second factor, set their own
password, enrol a second factor. Worked out at sign-in and kept in the session, so that an ordinary page
costs no query; the middleware sends the person to the first step left."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url

from .models import AccountState
from .second_factor import second_factor_enrolled, second_factor_required

SESSION_KEY = "accounts_gate"
VERIFY_STEP = "accounts:otp_verify"
ENROL_STEP = "accounts:otp_enrol"
PASSWORD_STEP = "accounts:password_change"  # noqa: S105 (a URL name)
# The pages a person with a step left may still open.
OPEN_URL_NAMES = frozenset({"login", "logout", "set_language", "healthz", "javascript-catalog"})


def gate_compute(user: AbstractUser) -> dict[str, bool]:
    must_change = AccountState.objects.filter(user=user, must_change_password=True).exists()
    return {"password": must_change, "otp": second_factor_required(user) or second_factor_enrolled(user)}


def gate_refresh(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = gate_compute(request.user)


@receiver(user_logged_in)
def _gate_at_sign_in(sender: Any, request: HttpRequest | None, user: AbstractUser, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = gate_compute(user)


def pending_step(request: HttpRequest) -> str | None:
    """The URL name of the first step left, or None."""
    gate = request.session.get(SESSION_KEY)
    if gate is None:
        # A session from before this rule: work it out once.
        gate_refresh(request)
        gate = request.session[SESSION_KEY]
    # Only these people cost a query (django-otp reads the device named in the session).
    unverified = gate.get("otp") and not verified(request)
    # Whoever has a device proves it first: a password reset alone must not let anyone in.
    if unverified and second_factor_enrolled(request.user):
        return VERIFY_STEP
    if gate.get("password"):
        return PASSWORD_STEP
    if unverified:
        return ENROL_STEP
    return None


def verified(request: HttpRequest) -> bool:
    # request.user is django-otp's until a login() in this request replaces it.
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def gate_step(step: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Mark the view of a step: open while it is the step left (or none is), so that nobody skips ahead."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        view.accounts_gate_step = step  # type: ignore[attr-defined]
        return view

    return decorator


class AccountGateMiddleware:
    """After authentication (and django-otp's middleware): a step left sends every other page to it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        step = pending_step(request)
        if step is None or step == getattr(view, "accounts_gate_step", None):
            return None
        next_path = request.GET.get("next", "") if hasattr(view, "accounts_gate_step") else request.get_full_path()
        return redirect_to_login(next_path or "/", resolve_url(step))
