"""The security log of DESIGN §12: who did what, from which address, and when.

Everything goes to the logger `kimtra.security` (settings give it a file kept at least 400 days). Any
code may log an account action there directly, `logging.getLogger("kimtra.security").info(...)`: the
filter below adds the user and the address of the request being served, so every line carries them.
`security_log()` is the helper for events with details; values are quoted so that a user name or a
path sent by a client cannot forge a line.

This module imports no models: the logging configuration loads it before the apps are ready.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("kimtra.security")

NOBODY = "-"
_current_request: ContextVar[HttpRequest | None] = ContextVar("kimtra_security_request", default=None)


def client_ip(request: HttpRequest | None) -> str:
    """The client's address: REMOTE_ADDR, or, behind SECURITY_TRUSTED_PROXIES proxies, the address the
    outermost of them saw.

    Counted from the right of X-Forwarded-For: each proxy appends the address it received from, so the
    entries on the left are whatever the client chose to send and cannot be trusted."""
    if request is None:
        return NOBODY
    remote = request.META.get("REMOTE_ADDR") or NOBODY
    proxies = int(getattr(settings, "SECURITY_TRUSTED_PROXIES", 0))
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def user_label(user: Any) -> str:
    """The user name of a signed-in user, '-' for anybody else."""
    if user is None or not getattr(user, "is_authenticated", False):
        return NOBODY
    return user.get_username()


def _quote(value: Any) -> str:
    text = str(value)
    if text and all(c.isalnum() or c in "-_.:/@" for c in text):
        return text
    # JSON quoting escapes newlines and quotes, and keeps Vietnamese readable.
    return json.dumps(text, ensure_ascii=False)


def security_log(
    event: str,
    *,
    request: HttpRequest | None = None,
    user: Any = None,
    level: int = logging.INFO,
    **details: Any,
) -> None:
    """One line: `event key=value ...`, with the user (a user object or a name) and the address.

    Without `request`, the request being served (if any) gives the address, and its user the user."""
    request = request or _current_request.get()
    if user is None and request is not None:
        user = getattr(request, "user", None)
    name = user if isinstance(user, str) else user_label(user)
    message = " ".join([event, *(f"{key}={_quote(value)}" for key, value in details.items())])
    logger.log(level, "%s", message, extra={"user": _quote(name or NOBODY), "ip": client_ip(request)})


def security_log_on_commit(event: str, *, user: Any = None, **details: Any) -> Callable[[], None]:
    """security_log() to pass to transaction.on_commit: the request is taken now, while it is at hand."""
    request = _current_request.get()
    return lambda: security_log(event, request=request, user=user, **details)


class SecurityContextFilter(logging.Filter):
    """Give every record of the security log the user and address of the request being served."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = _current_request.get()
        if not hasattr(record, "ip"):
            record.ip = client_ip(request)
        if not hasattr(record, "user"):
            record.user = _quote(user_label(getattr(request, "user", None)))
        return True


DENIED_STATUSES = frozenset({403, 404})
WATCHED_PREFIXES = ("/w/", "/city/")


class SecurityLogMiddleware:
    """Keeps the request at hand for the log while it is served, and logs the refusals (403 and 404)
    under the ward and city pages: a 404 there is what another ward's user gets (wards.access)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
            if response.status_code in DENIED_STATUSES and request.path.startswith(WATCHED_PREFIXES):
                security_log(
                    "request.denied",
                    request=request,
                    level=logging.WARNING,
                    status=response.status_code,
                    method=request.method,
                    path=request.path,
                )
            return response
        finally:
            _current_request.reset(token)


def on_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    security_log("sign_in.ok", request=request, user=user)


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django has already masked the password in `credentials`; the user name is what an auditor needs.
    tried = credentials.get("username", "")
    security_log("sign_in.failed", request=request, user=NOBODY, level=logging.WARNING, username=tried)


def on_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    security_log("sign_out", request=request, user=user)


def on_locked_out(sender: Any, request: HttpRequest | None, username: str, **kwargs: Any) -> None:
    security_log("sign_in.locked_out", request=request, user=NOBODY, level=logging.WARNING, username=username)


def connect_receivers() -> None:
    """Called from WardsConfig.ready()."""
    from axes.signals import user_locked_out
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

    user_logged_in.connect(on_logged_in, dispatch_uid="kimtra_security_logged_in")
    user_login_failed.connect(on_login_failed, dispatch_uid="kimtra_security_login_failed")
    user_logged_out.connect(on_logged_out, dispatch_uid="kimtra_security_logged_out")
    user_locked_out.connect(on_locked_out, dispatch_uid="kimtra_security_locked_out")
