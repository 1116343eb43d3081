"""Account events for the security log: who did what to whom, from which address."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

security_log = logging.getLogger("kimtra.security")


def client_address(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    # The same address axes records, so that the proxy's forwarded address is read the same way.
    return get_client_ip_address(request)


def log_account_event(
    event: str, *, actor: AbstractBaseUser | None, target: AbstractBaseUser, address: str | None
) -> None:
    actor_name = actor.get_username() if actor is not None else "system"
    security_log.info(
        "account %s: actor=%s target=%s address=%s",
        event,
        actor_name,
        target.get_username(),
        address or "-",
        extra={"event": f"account.{event}", "actor": actor_name, "target": target.get_username(), "address": address},
    )
