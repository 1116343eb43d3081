from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.access import WardAccess, ward_view
from wards.excel.records import RecordImporter
from wards.excel.views import sheet_download, upload_views
from wards.forms import PeriodForm
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import PeriodKind
from wards.selectors import recent_imports
from wards.stale import FIELD, StaleEdit, posted_version, version_of
from wards.tables import configure, filter_context

from . import selectors, services
from .excel import EquipmentImporter, FacilityImporter, SpendingImporter, rows_of
from .figures import equipment_figures, facility_figures, spending_figures
from .filters import FacilityFilter, SpendingFilter
from .forms import EquipmentForm, FacilityForm, SpendingForm
from .models import EquipmentItem, Facility, Spending
from .tables import FacilityTable, SpendingTable


def _register_context(request: HttpRequest, access: WardAccess) -> dict[str, Any]:
    # The register is a stock: without a date it shows the facilities held today.
    picker = PeriodForm(request.GET, kind=PeriodKind.MONTH, dated=True)
    on = picker.day
    facilities = selectors.register(access.ward, request.GET).filter(selectors.held_on(on))
    return {
        "access": access,
        "ward": access.ward,
        "on": on,
        "picker": picker,
        "facilities": facilities,
        "figures": facility_figures(access.ward, on),
    }


@ward_view(read=ALL_ROLES)
def register_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    context = _register_context(request, access)
    listed = context["facilities"].aggregate(
        count=Count("pk"), land=Coalesce(Sum("land_m2"), 0), floor=Coalesce(Sum("floor_m2"), 0)
    )
    context["table"] = configure(
        request,
        FacilityTable(context["facilities"], listed=listed, edit_ward=access.ward.slug if access.can_write else None),
    )
    context.update(filter_context(request, FacilityFilter(request.GET).form))
    context["imports"] = recent_imports(access.ward, (FacilityImporter.name,))
    return render(request, "assets/register.html", context)


@ward_view(read=ALL_ROLES)
def register_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    context = _register_context(request, access)
    importer = FacilityImporter()
    return sheet_download(
        importer,
        filename=f"co-so-nha-dat-{access.ward.slug}-{context['on']:%Y-%m-%d}.xlsx",
        params={"on": context["on"]},
        rows=rows_of(importer, context["facilities"]),
        totals=importer.totals(context["facilities"]),
    )


@ward_view(read=ALL_ROLES)
def equipment_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    importer = EquipmentImporter()
    return sheet_download(
        importer,
        filename=f"trang-thiet-bi-{access.ward.slug}.xlsx",
        params={},
        rows=rows_of(importer, selectors.equipment_items(access.ward)),
    )


@ward_view(read=ALL_ROLES)
def spending_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = PeriodForm(request.GET, kind=PeriodKind.MONTH, latest=selectors.latest_spending_end(access.ward))
    period = picker.period
    importer = SpendingImporter()
    # Filtered as the page is; the total is that of the rows written.
    entries = list(selectors.spending_entries(access.ward, period.start, period.end, request.GET))
    return sheet_download(
        importer,
        filename=f"chi-{access.ward.slug}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx",
        params={"start": period.start, "end": period.end},
        rows=rows_of(importer, entries),
        totals={"amount": sum(entry.amount for entry in entries)},
    )


def _upload(importer: RecordImporter[Any, Any], heading: Any, prefix: str) -> tuple[Any, Any]:
    return upload_views(
        importer,
        namespace="assets",
        nav="assets/_nav.html",
        heading=heading,
        download="export" if prefix == "register" else f"{prefix}_export",
        upload=f"{prefix}_upload",
        confirm=f"{prefix}_upload_confirm",
    )


register_upload, register_upload_confirm = _upload(
    FacilityImporter(), gettext_lazy("Facilities from Excel"), "register"
)
equipment_upload, equipment_upload_confirm = _upload(
    EquipmentImporter(), gettext_lazy("Equipment from Excel"), "equipment"
)
spending_upload, spending_upload_confirm = _upload(SpendingImporter(), gettext_lazy("Spending from Excel"), "spending")


def _edit(
    request: HttpRequest,
    access: WardAccess,
    *,
    form_class: type[Any],
    instance: Any,
    save: Callable[[Any], Any],
    template: str,
    done: str,
    lock_dates: list[Any] | None = None,
) -> HttpResponse:
    """`lock_dates`: the stored dates of the record that a figure lock covers; the template shows the
    form read-only with the reason when one is locked (the service would refuse the save anyway)."""
    form = form_class(request.POST or None, instance=instance, ward=access.ward)
    # An existing record's form carries the version it was read at; a new one has nothing to go stale.
    # The form's fields are the service's (FACILITY_FIELDS, ...), so both read the same version.
    version = None
    if instance is not None:
        version = version_of(type(instance).objects.filter(pk=instance.pk), fields=list(form._meta.fields))
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except StaleEdit as error:
            form.add_error(None, error)
            version = error.current
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved: %(item)s.") % {"item": saved})
            return redirect(done, ward=access.ward.slug)
    context = {
        "access": access,
        "ward": access.ward,
        "form": form,
        "object": instance,
        FIELD: version,
        "lock_dates": lock_dates or [],
    }
    return render(request, template, context)


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def facility_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=FacilityForm,
        instance=None,
        save=lambda form: services.facility_create(ward=access.ward, data=form.as_input()),
        template="assets/facility_form.html",
        done="assets:register",
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def facility_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    facility = get_object_or_404(Facility, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=FacilityForm,
        instance=facility,
        save=lambda form: services.facility_update(
            facility=facility, data=form.as_input(), version=posted_version(request)
        ),
        template="assets/facility_form.html",
        done="assets:register",
        lock_dates=services.facility_lock_dates(facility),
    )


@ward_view(read=ALL_ROLES)
def equipment_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "assets/equipment.html",
        {
            "access": access,
            "ward": access.ward,
            "units": equipment_figures(access.ward),
            "items": selectors.equipment_items(access.ward),
            "imports": recent_imports(access.ward, (EquipmentImporter.name,)),
        },
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def equipment_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=EquipmentForm,
        instance=None,
        save=lambda form: services.equipment_create(ward=access.ward, data=form.as_input()),
        template="assets/equipment_form.html",
        done="assets:equipment",
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def equipment_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    item = get_object_or_404(EquipmentItem, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=EquipmentForm,
        instance=item,
        save=lambda form: services.equipment_update(item=item, data=form.as_input(), version=posted_version(request)),
        template="assets/equipment_form.html",
        done="assets:equipment",
    )


@ward_view(read=ALL_ROLES)
def spending_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = PeriodForm(request.GET, kind=PeriodKind.MONTH, latest=selectors.latest_spending_end(access.ward))
    period = picker.period
    return render(
        request,
        "assets/spending.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "period": period,
            "figures": spending_figures(access.ward, period),
            "table": configure(
                request, SpendingTable(selectors.spending_entries(access.ward, period.start, period.end, request.GET))
            ),
            **filter_context(request, SpendingFilter(request.GET).form),
            "imports": recent_imports(access.ward, (SpendingImporter.name,)),
        },
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def spending_add(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit(
        request,
        access,
        form_class=SpendingForm,
        instance=None,
        save=lambda form: services.spending_create(ward=access.ward, data=form.as_input()),
        template="assets/spending_form.html",
        done="assets:spending",
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def spending_edit(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    spending = get_object_or_404(Spending, pk=pk, ward=access.ward)
    return _edit(
        request,
        access,
        form_class=SpendingForm,
        instance=spending,
        save=lambda form: services.spending_update(
            spending=spending, data=form.as_input(), version=posted_version(request)
        ),
        template="assets/spending_form.html",
        done="assets:spending",
        lock_dates=services.spending_lock_dates(spending),
    )


@ward_view(read=ALL_ROLES)
def history_page(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "assets/history.html",
        {"access": access, "ward": access.ward, "history": selectors.asset_history(access.ward)},
    )
