"""The ward dashboard: the ward's figures at a glance. It lives in `reports` because it shows
the figures of every domain app, and only `reports` may depend on all of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assets.figures import figures_at as asset_figures_at
from procedures.figures import figures_for as procedure_figures_for
from procedures.figures import latest_period
from staffing.figures import figures_at as staffing_figures_at
from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES
from wards.periods import DateRange
from wards.selectors import ward_leaders, ward_staff_count


@ward_view(*ALL_ROLES)
def dashboard(request: HttpRequest, access: WardAccess) -> HttpResponse:
    ward = access.ward
    today = timezone.localdate()
    # The latest week entered, not this calendar week: a dashboard of zeros says nothing.
    period = latest_period(ward) or DateRange.week_of(today)
    return render(
        request,
        "reports/dashboard.html",
        {
            "access": access,
            "ward": ward,
            "leaders": ward_leaders(ward),
            "staff_count": ward_staff_count(ward),
            "procedures_figures": procedure_figures_for(ward, period),
            "assets_figures": asset_figures_at(ward, today),
            "staffing_figures": staffing_figures_at(ward, today),
        },
    )
