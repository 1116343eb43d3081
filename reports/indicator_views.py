"""/w/<ward>/indicators/: the long-tail figures of one period, in a form built from the catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES
from wards.periods import DateRange, PeriodError, range_from_query

from .figures import indicator_catalogue, indicator_values_at
from .forms import IndicatorValuesForm
from .services import indicator_values_save


@ward_view(*ALL_ROLES)
def indicator_values(request: HttpRequest, access: WardAccess) -> HttpResponse:
    try:
        period = range_from_query(request.GET, DateRange.month_of(timezone.localdate()))
    except PeriodError as error:
        messages.error(request, str(error))
        period = DateRange.month_of(timezone.localdate())
    indicators = indicator_catalogue()
    if request.method == "POST":
        if not access.can_write:
            raise PermissionDenied
        form = IndicatorValuesForm(request.POST, indicators=indicators)
        if form.is_valid():
            try:
                count = indicator_values_save(ward=access.ward, period=period, values=form.cleaned_data)
            except ValidationError as error:
                for code, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(code if code in form.fields else None, problem)
            else:
                messages.success(request, _("%(count)d figures saved.") % {"count": count})
                return redirect(f"{request.path}?{period.query()}")
    else:
        form = IndicatorValuesForm(initial=indicator_values_at(access.ward, period), indicators=indicators)
    if not access.can_write:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "reports/indicators.html",
        {"access": access, "ward": access.ward, "period": period, "form": form},
    )
