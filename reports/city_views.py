"""The pages of the city Department of Home Affairs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wards.access import city_view
from wards.models import Membership
from wards.selectors import city_wards


@city_view
def city_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(request, "reports/city_home.html", {"city": membership.city, "wards": city_wards(membership.city)})
