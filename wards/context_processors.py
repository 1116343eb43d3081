from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import request_membership
from .models import Role


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the navigation bar shows: the user's own ward, or for Home Affairs the ward being read."""
    membership = request_membership(request)
    ward_slug = None
    if membership is not None:
        if membership.role == Role.CITY:
            match = request.resolver_match
            ward_slug = match.kwargs.get("ward") if match else None
        else:
            ward_slug = membership.ward.slug
    return {"nav_membership": membership, "nav_ward_slug": ward_slug}
