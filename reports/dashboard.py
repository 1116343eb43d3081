"""The ward dashboard: the ward's figures at a glance. It lives in `reports` because it shows
the figures of every domain app, and only `reports` may depend on all of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES
from wards.selectors import ward_leaders, ward_staff_count


@ward_view(*ALL_ROLES)
def dashboard(request: HttpRequest, access: WardAccess) -> HttpResponse:
    ward = access.ward
    return render(
        request,
        "reports/dashboard.html",
        {
            "access": access,
            "ward": ward,
            "leaders": ward_leaders(ward),
            "staff_count": ward_staff_count(ward),
        },
    )
