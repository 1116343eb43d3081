"""The ward dashboard: the ward's figures at a glance, read from every domain app."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assets.figures import facility_figures
from procedures.chart import week_chart
from procedures.figures import figures_for as procedure_figures_for
from procedures.figures import latest_period
from procedures.figures import nested_figures as nested_procedure_figures
from staffing.figures import headline_at as staffing_headline_at
from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES
from wards.periods import DateRange, PeriodKind
from wards.selectors import ward_leaders, ward_staff_count

# The TTHC chart shows about half a year of weeks up to the latest one entered.
CHART_WEEKS = 26


@ward_view(read=ALL_ROLES)
def dashboard(request: HttpRequest, access: WardAccess) -> HttpResponse:
    ward = access.ward
    today = timezone.localdate()
    # The latest week entered, not this calendar week: a dashboard of zeros says nothing.
    period = latest_period(ward) or PeriodKind.WEEK.containing(today)
    chart = DateRange(period.end - timedelta(weeks=CHART_WEEKS) + timedelta(days=1), period.end)
    if period.start >= chart.start:
        recent, latest = nested_procedure_figures(ward, chart, period)
    else:  # a latest entry longer than the chart (a year's import): the chart still shows its half year
        recent, latest = procedure_figures_for(ward, chart), procedure_figures_for(ward, period)
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "access": access,
            "ward": ward,
            "leaders": ward_leaders(ward),
            "staff_count": ward_staff_count(ward),
            "procedures_figures": latest,
            "facility_figures": facility_figures(ward, today),
            "staffing_figures": staffing_headline_at(ward, today),
            "chart": week_chart(recent.weeks),
        },
    )
