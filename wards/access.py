"""The one access check of every ward-scoped and city view.

Anonymous users go to the login page; a user of another ward gets 404, so that the
existence of a ward's pages is not revealed; a user of the right ward with the wrong
role gets 403. Home Affairs users of the ward's city may read every ward.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from .models import Membership, Role, Ward


@dataclass(frozen=True)
class WardAccess:
    ward: Ward
    membership: Membership

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def can_write(self) -> bool:
        return self.membership.role in (Role.STAFF, Role.LEADER)


def request_membership(request: HttpRequest) -> Membership | None:
    """The membership of the signed-in user, read once per request (views and navigation share it)."""
    if not hasattr(request, "_membership"):
        membership = None
        if request.user.is_authenticated:
            membership = Membership.objects.select_related("ward", "city").filter(user=request.user).first()
        request._membership = membership  # type: ignore[attr-defined]
    return request._membership  # type: ignore[attr-defined]


def ward_access(request: HttpRequest, ward_slug: str, roles: Iterable[str]) -> WardAccess:
    """Raise Http404 or PermissionDenied unless the user may use `ward_slug` in one of `roles`."""
    ward = get_object_or_404(Ward.objects.select_related("city"), slug=ward_slug)
    membership = request_membership(request)
    if membership is None:
        raise Http404
    in_scope = ward.city_id == membership.city_id if membership.role == Role.CITY else ward.pk == membership.ward_id
    if not in_scope:
        raise Http404
    if membership.role not in set(roles):
        raise PermissionDenied
    return WardAccess(ward=ward, membership=membership)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def ward_view(
    *, read: Iterable[str], write: Iterable[str] = ()
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view under /w/<ward>/; the view receives the WardAccess instead of the slug.

    `read` roles may GET the page; only `write` roles may send anything else (POST), so a read-only
    role is refused here and no view has to check it again."""
    readers, writers = frozenset(read) | frozenset(write), frozenset(write)
    if not readers:
        raise ValueError("ward_view needs at least one role")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, ward: str, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            roles = readers if request.method in SAFE_METHODS else writers
            return view(request, ward_access(request, ward, roles), *args, **kwargs)

        return wrapped

    return decorator


def city_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a Home Affairs view; the view receives the user's Membership."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = request_membership(request)
        if membership is None or membership.role != Role.CITY:
            raise PermissionDenied
        return view(request, membership, *args, **kwargs)

    return wrapped
