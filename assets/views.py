from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import DateRange, PeriodError, date_from_query, range_from_query

from . import selectors, services
from .export import register_workbook
from .figures import equipment_figures, facility_figures, spending_figures
from .forms import EquipmentForm, FacilityForm, RegisterFilter, SpendingForm
from .models import EquipmentItem, Facility, Spending

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _register_context(request: HttpRequest, access: WardAccess) -> dict[str, Any]:
    today = timezone.localdate()
    try:
        on = date_from_query(request.GET, today)
        error = ""
    except PeriodError as exc:
        on, error = today, str(exc)
    filters = RegisterFilter(request.GET)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    facilities = selectors.register(access.ward, cleaned).filter(selectors.held_on(on))
    return {
        "access": access,
        "ward": access.ward,
        "on": on,
        "date_error": error,
        "filters": filters,
        "facilities": facilities,
        "figures": facility_figures(access.ward, on),
    }


@ward_view(*ALL_ROLES)
def register_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    context = _register_context(request, access)
    context["listed"] = context["facilities"].aggregate(
        land=Coalesce(Sum("land_m2"), 0), floor=Coalesce(Sum("floor_m2"), 0)
    )
    context["listed"]["total"] = context["listed"]["land"] + context["listed"]["floor"]
    return render(request, "assets/register.html", context)


@ward_view(*ALL_ROLES)
def register_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    context = _register_context(request, access)
    content = register_workbook(access.ward, context["facilities"], context["figures"], context["on"])
    response = HttpResponse(content, content_type=XLSX)
    filename = f"co-so-nha-dat-{access.ward.slug}-{context['on']:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _edit(
    request: HttpRequest,
    access: WardAccess,
    *,
    form_class: type[Any],
    instance: Any,
    save: Callable[[Any], Any],
    template: str,
    done: str,
) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance, ward=access.ward)
    if request.method == "POST" and form.is_valid():
        saved = save(form)
        messages.success(request, _("Saved: %(item)s.") % {"item": saved})
        return redirect(done, ward=access.ward.slug)
    return render(request, template, {"access": access, "ward": access.ward, "form": form, "object": instance})


@ward_view(*WARD_ROLES)
def facility_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=FacilityForm,
        instance=None,
        save=lambda form: services.facility_create(ward=access.ward, values=form.values()),
        template="assets/facility_form.html",
        done="assets:register",
    )


@ward_view(*WARD_ROLES)
def facility_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    facility = get_object_or_404(Facility, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=FacilityForm,
        instance=facility,
        save=lambda form: services.facility_update(facility=facility, values=form.values()),
        template="assets/facility_form.html",
        done="assets:register",
    )


@ward_view(*ALL_ROLES)
def equipment_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "assets/equipment.html",
        {
            "access": access,
            "ward": access.ward,
            "units": equipment_figures(access.ward),
            "items": selectors.equipment_items(access.ward),
        },
    )


@ward_view(*WARD_ROLES)
def equipment_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=EquipmentForm,
        instance=None,
        save=lambda form: services.equipment_create(ward=access.ward, values=form.values()),
        template="assets/equipment_form.html",
        done="assets:equipment",
    )


@ward_view(*WARD_ROLES)
def equipment_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    item = get_object_or_404(EquipmentItem, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=EquipmentForm,
        instance=item,
        save=lambda form: services.equipment_update(item=item, values=form.values()),
        template="assets/equipment_form.html",
        done="assets:equipment",
    )


@ward_view(*ALL_ROLES)
def spending_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    default = DateRange(access.ward.formed_on, max(access.ward.formed_on, timezone.localdate()))
    try:
        period = range_from_query(request.GET, default)
        error = ""
    except PeriodError as exc:
        period, error = default, str(exc)
    return render(
        request,
        "assets/spending.html",
        {
            "access": access,
            "ward": access.ward,
            "period": period,
            "period_error": error,
            "figures": spending_figures(access.ward, period),
            "entries": selectors.spending_entries(access.ward, period.start, period.end),
        },
    )


@ward_view(*WARD_ROLES)
def spending_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=SpendingForm,
        instance=None,
        save=lambda form: services.spending_create(ward=access.ward, values=form.values()),
        template="assets/spending_form.html",
        done="assets:spending",
    )


@ward_view(*WARD_ROLES)
def spending_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    spending = get_object_or_404(Spending, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=SpendingForm,
        instance=spending,
        save=lambda form: services.spending_update(spending=spending, values=form.values()),
        template="assets/spending_form.html",
        done="assets:spending",
    )


@ward_view(*ALL_ROLES)
def history_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "assets/history.html",
        {"access": access, "ward": access.ward, "history": selectors.asset_history(access.ward)},
    )
