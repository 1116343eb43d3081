from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from .access import request_membership
from .models import Role


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to where their work is."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("home"))
    membership = request_membership(request)
    if membership is not None:
        if membership.role == Role.CITY:
            return redirect("city:home")
        return redirect("dashboard", ward=membership.ward.slug)
    if request.user.is_staff:
        return redirect("admin:index")
    return render(request, "wards/no_membership.html", status=403)
