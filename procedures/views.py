"""TTHC pages under /w/<ward>/procedures/. Reads go through figures.py and selectors.py, writes
through services.py; the Excel dry run keeps the parsed sheet in the session until it is confirmed."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wards.access import WardAccess, ward_view
from wards.history import history_rows
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import DateRange, PeriodError, range_from_query

from . import selectors
from .chart import week_chart
from .excel import SheetError, read_week, week_workbook
from .figures import figures_for
from .forms import CatalogueForm, UploadForm, WeekFormSet
from .models import COUNT_FIELDS, STATUS_FIELDS, CaseVolume
from .services import WeekRejected, catalogue_save, week_plan, week_save

UPLOAD_SESSION_KEY = "procedures_upload"


def _working_week() -> DateRange:
    """Monday to Saturday of this week: the period of the weekly report."""
    week = DateRange.week_of(timezone.localdate())
    return DateRange(week.start, week.start + timedelta(days=5))


def _range(request: HttpRequest, default: DateRange) -> tuple[DateRange, str | None]:
    try:
        return range_from_query(request.GET, default), None
    except PeriodError as error:
        return default, str(error)


def _week_url(access: WardAccess, period: DateRange) -> str:
    return f"{reverse('procedures:week', kwargs={'ward': access.ward.slug})}?{period.query()}"


@ward_view(*ALL_ROLES)
def overview(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period, error = _range(request, DateRange.week_of(timezone.localdate()))
    figures = figures_for(access.ward, period)
    return render(
        request,
        "procedures/overview.html",
        {
            "access": access,
            "ward": access.ward,
            "range": period,
            "range_error": error,
            "figures": figures,
            "chart": week_chart(figures.weeks),
        },
    )


@ward_view(*ALL_ROLES)
def entries(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period, error = _range(request, DateRange.month_of(timezone.localdate()))
    return render(
        request,
        "procedures/entries.html",
        {
            "access": access,
            "ward": access.ward,
            "range": period,
            "range_error": error,
            "periods": selectors.entry_periods(access.ward, period),
        },
    )


@ward_view(*WARD_ROLES)
def week(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period, error = _range(request, _working_week())
    fields = selectors.fields_for_entry(access.ward, period)
    entered = selectors.entered_counts(access.ward, period)
    initial = [{"field": f, **entered.get(f.pk, {})} for f in fields]
    formset = WeekFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and error is None and formset.is_valid():
        rows = {form.cleaned_data["field"]: form.counts() for form in formset}
        try:
            week_save(ward=access.ward, period=period, rows={f: c for f, c in rows.items() if c is not None})
        except WeekRejected as rejected:
            by_field = {form.cleaned_data["field"].pk: form for form in formset}
            for field_id, errors in rejected.plan.errors.items():
                for name, field_errors in errors.items():
                    target = name if name in COUNT_FIELDS else None
                    for message in field_errors:
                        by_field[field_id].add_error(target, message)
            messages.error(request, _("Nothing was saved: correct the rows marked in red."))
        else:
            messages.success(request, _("The figures of %(period)s are saved.") % {"period": period.label()})
            return redirect(_week_url(access, period))
    return render(
        request,
        "procedures/week.html",
        {
            "access": access,
            "ward": access.ward,
            "range": period,
            "range_error": error,
            "formset": formset,
            "rows": list(zip(fields, formset, strict=True)),
            "columns": [CaseVolume._meta.get_field(name).verbose_name for name in COUNT_FIELDS],
            "status_fields": STATUS_FIELDS,
        },
    )


@ward_view(*ALL_ROLES)
def week_history(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period, error = _range(request, _working_week())
    records = CaseVolume.history.filter(ward_id=access.ward.pk, start=period.start, end=period.end)
    return render(
        request,
        "procedures/history.html",
        {
            "access": access,
            "ward": access.ward,
            "range": period,
            "range_error": error,
            "history": history_rows(records),
        },
    )


@ward_view(*ALL_ROLES)
def week_xlsx(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period, error = _range(request, _working_week())
    if error:
        messages.error(request, error)
        return redirect(_week_url(access, _working_week()))
    fields = selectors.fields_for_entry(access.ward, period)
    content = week_workbook(period, fields, selectors.entered_counts(access.ward, period))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    filename = f"tthc-{access.ward.slug}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@ward_view(*WARD_ROLES)
def upload(request: HttpRequest, access: WardAccess) -> HttpResponse:
    """Upload a filled sheet and see what would change: the dry run. Nothing is saved here."""
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"access": access, "ward": access.ward, "form": form}
    if request.method == "POST" and form.is_valid():
        fields = selectors.fields_for_entry(access.ward, None)
        try:
            sheet = read_week(form.cleaned_data["file"], fields)
        except SheetError as error:
            form.add_error("file", str(error))
        else:
            plan = week_plan(ward=access.ward, period=sheet.period, rows={row.field: row.counts for row in sheet.rows})
            numbers = {row.field.pk: row.number for row in sheet.rows}
            errors = list(sheet.errors)
            for row in plan.rows:
                for messages_ in row.errors.values():
                    for message in messages_:
                        where = _("Row %(row)s (%(field)s)") % {"row": numbers[row.field.pk], "field": row.field}
                        errors.append(f"{where}: {message}")
            request.session[UPLOAD_SESSION_KEY] = None
            if not errors:
                request.session[UPLOAD_SESSION_KEY] = {
                    "ward": access.ward.pk,
                    "start": sheet.period.start.isoformat(),
                    "end": sheet.period.end.isoformat(),
                    "rows": [[row.field.pk, row.counts] for row in sheet.rows],
                }
            context.update({"plan": plan, "errors": errors, "period": sheet.period})
    return render(request, "procedures/upload.html", context)


@require_POST
@ward_view(*WARD_ROLES)
def upload_confirm(request: HttpRequest, access: WardAccess) -> HttpResponse:
    pending = request.session.pop(UPLOAD_SESSION_KEY, None)
    if not pending or pending["ward"] != access.ward.pk:
        messages.error(request, _("There is no checked sheet to save; upload it again."))
        return redirect("procedures:upload", ward=access.ward.slug)
    period = range_from_query({"start": pending["start"], "end": pending["end"]}, _working_week())
    fields = {f.pk: f for f in selectors.fields_for_entry(access.ward, None)}
    rows = {fields[field_id]: counts for field_id, counts in pending["rows"] if field_id in fields}
    try:
        week_save(ward=access.ward, period=period, rows=rows)
    except WeekRejected:
        # Someone changed the figures between the dry run and the confirmation.
        messages.error(request, _("Nothing was saved: the figures changed since the check; upload the sheet again."))
        return redirect("procedures:upload", ward=access.ward.slug)
    messages.success(request, _("The sheet of %(period)s is saved.") % {"period": period.label()})
    return redirect(_week_url(access, period))


@ward_view(*ALL_ROLES)
def catalogue(request: HttpRequest, access: WardAccess) -> HttpResponse:
    form = CatalogueForm(request.POST or None)
    if request.method == "POST":
        if not access.can_write:
            raise PermissionDenied
        if form.is_valid():
            catalogue_save(ward=access.ward, **form.cleaned_data)
            messages.success(request, _("The procedure catalogue is saved."))
            return redirect("procedures:catalogue", ward=access.ward.slug)
    return render(
        request,
        "procedures/catalogue.html",
        {"access": access, "ward": access.ward, "form": form, "catalogues": selectors.catalogues(access.ward)},
    )
