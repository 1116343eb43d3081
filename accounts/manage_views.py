"""Who manages whom: a ward leader runs the staff accounts of their ward (/w/<ward>/accounts/); the city's
Home Affairs users run the leaders' and their own (/city/accounts/). Anyone else: 404 or 403 as everywhere."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import AbstractUser
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wards.access import WardAccess, city_view, ward_view
from wards.models import Membership, Role

from .forms import AccountCreateForm, CityAccountCreateForm
from .second_factor import second_factor_reset
from .security import client_address
from .services import account_create, account_deactivate, account_reactivate, password_reset

ACTIONS = ("deactivate", "reactivate", "reset-password", "reset-second-factor")


def managed_list(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    return memberships.select_related("user", "user__account_state", "ward").order_by("user__username")


def ward_staff(access: WardAccess) -> QuerySet[Membership]:
    return Membership.objects.filter(ward=access.ward, role=Role.STAFF)


def city_managed(membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(role=Role.LEADER, ward__city=membership.city) | Membership.objects.filter(
        role=Role.CITY, city=membership.city
    )


def run_action(request: HttpRequest, *, target: AbstractUser, action: str, back: str) -> HttpResponse:
    address = client_address(request)
    name = target.get_username()
    if action == "deactivate":
        account_deactivate(user=target, actor=request.user, address=address)
        messages.success(request, _("%(user)s can no longer sign in.") % {"user": name})
    elif action == "reactivate":
        account_reactivate(user=target, actor=request.user, address=address)
        messages.success(request, _("%(user)s can sign in again.") % {"user": name})
    elif action == "reset-second-factor":
        second_factor_reset(user=target, actor=request.user, address=address)
        messages.success(request, _("%(user)s sets up the second factor again at the next sign-in.") % {"user": name})
    elif action == "reset-password":
        password = password_reset(user=target, actor=request.user, address=address)
        return render(
            request, "accounts/temporary_password.html", {"target": target, "password": password, "back": back}
        )
    else:
        raise Http404
    return redirect(back)


@ward_view(read={Role.LEADER}, write={Role.LEADER})
def ward_accounts(request: HttpRequest, access: WardAccess) -> HttpResponse:
    form = AccountCreateForm(request.POST or None)
    back = request.path
    if request.method == "POST" and form.is_valid():
        user, password = account_create(
            actor=request.user, address=client_address(request), role=Role.STAFF, ward=access.ward, **form.cleaned_data
        )
        return render(request, "accounts/temporary_password.html", {"target": user, "password": password, "back": back})
    context = {"access": access, "ward": access.ward, "form": form, "accounts": managed_list(ward_staff(access))}
    return render(request, "accounts/manage.html", context | {"scope": access.ward})


@require_POST
@ward_view(read={Role.LEADER}, write={Role.LEADER})
def ward_account_action(request: HttpRequest, access: WardAccess, user_id: int, action: str) -> HttpResponse:
    target = get_object_or_404(ward_staff(access).select_related("user"), user_id=user_id).user
    return run_action(request, target=target, action=action, back=f"/w/{access.ward.slug}/accounts/")


@city_view
def city_accounts(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CityAccountCreateForm(request.POST or None, city=membership.city)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user, password = account_create(
            actor=request.user,
            address=client_address(request),
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            role=data["role"],
            ward=data["ward"],
            city=membership.city if data["role"] == Role.CITY else None,
            signing_title=data["signing_title"],
        )
        context = {"target": user, "password": password, "back": request.path}
        return render(request, "accounts/temporary_password.html", context)
    accounts = managed_list(city_managed(membership))
    return render(request, "accounts/manage.html", {"form": form, "accounts": accounts, "scope": membership.city})


@require_POST
@city_view
def city_account_action(request: HttpRequest, membership: Membership, user_id: int, action: str) -> HttpResponse:
    target = get_object_or_404(city_managed(membership).select_related("user"), user_id=user_id).user
    if target.pk == request.user.pk:
        # Nobody resets or disables themselves here: another Home Affairs user (or the administrator) does.
        raise Http404
    return run_action(request, target=target, action=action, back="/city/accounts/")
