from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import request_membership


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the navigation bar shows depends on the user's role and ward."""
    return {"nav_membership": request_membership(request)}
