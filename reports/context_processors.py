from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from wards.access import request_membership

from .notify import waiting_reports


def waiting(request: HttpRequest) -> dict[str, Any]:
    """The count of reports waiting for the user, counted only when a page shows it."""
    return {"nav_waiting": SimpleLazyObject(lambda: waiting_reports(request_membership(request)).count())}
