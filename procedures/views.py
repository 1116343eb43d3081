"""TTHC pages under /w/<ward>/procedures/. Reads go through figures.py and selectors.py, writes
through services.py; the Excel round trip is the shared one of wards.excel."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wards.access import WardAccess, ward_view
from wards.excel.views import period_sheet, upload_views
from wards.forms import PeriodForm
from wards.history import history_rows
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import DateRange, PeriodKind
from wards.selectors import recent_imports
from wards.stale import FIELD, StaleEdit, posted_version, version_of
from wards.tables import configure, filter_context

from . import selectors
from .chart import week_chart
from .excel import WeekImporter
from .excel_06a import Form06aImporter, Form06aUploadForm
from .figures import figures_for, latest_period
from .filters import EntryFilter
from .forms import CatalogueForm, FieldAliasForm, WeekFormSet
from .models import COUNT_FIELDS, STATUS_FIELDS, CaseVolume, FieldAlias
from .services import (
    CATALOGUE_FIELDS,
    WeekRejected,
    catalogue_rows,
    catalogue_save,
    field_alias_delete,
    field_alias_save,
    week_rows,
    week_save,
)
from .tables import EntryPeriodTable


def _picker(request: HttpRequest, access: WardAccess, kind: PeriodKind) -> PeriodForm:
    """The period asked for; without one, the period of `kind` holding the ward's latest entry."""
    latest = latest_period(access.ward)
    return PeriodForm(request.GET, kind=kind, latest=latest.end if latest else None)


# The imports shown beside the TTHC figures: the one-stop system's form and our own week sheet.
IMPORT_KINDS = (Form06aImporter.name, WeekImporter.name)


def _week_url(access: WardAccess, period: DateRange) -> str:
    return f"{reverse('procedures:week', kwargs={'ward': access.ward.slug})}?{period.query()}"


@ward_view(read=ALL_ROLES)
def overview(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = _picker(request, access, PeriodKind.WEEK)
    figures = figures_for(access.ward, picker.period)
    return render(
        request,
        "procedures/overview.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "figures": figures,
            "chart": week_chart(figures.weeks),
            "imports": recent_imports(access.ward, IMPORT_KINDS),
        },
    )


@ward_view(read=ALL_ROLES)
def entries(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = _picker(request, access, PeriodKind.MONTH)
    return render(
        request,
        "procedures/entries.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "table": configure(
                request, EntryPeriodTable(selectors.entry_periods(access.ward, picker.period, request.GET))
            ),
            **filter_context(request, EntryFilter(request.GET).form),
        },
    )


def _posted_fields(formset: BaseFormSet) -> list[str | None]:
    return [form.data.get(form.add_prefix("field")) for form in formset.forms]


def _with_typed(initial: list[dict[str, Any]], formset: BaseFormSet) -> list[dict[str, Any]]:
    typed = {
        form.data.get(form.add_prefix("field")): {name: form.data.get(form.add_prefix(name)) for name in COUNT_FIELDS}
        for form in formset.forms
    }
    return [{**row, **typed.get(str(row["field"].pk), {})} for row in initial]


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def week(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = _picker(request, access, PeriodKind.WEEK)
    period = picker.period
    fields = selectors.fields_for_entry(access.ward, period)
    entered = selectors.entered_counts(access.ward, period)
    initial = [{"field": f, **entered.get(f.pk, {})} for f in fields]
    formset = WeekFormSet(request.POST or None, initial=initial)
    if formset.is_bound and _posted_fields(formset) != [str(field.pk) for field in fields]:
        # Posted from a page that listed other fields (a field added or retired since, or a tampered form):
        # nothing is saved, and the current table comes back with what was typed in the rows that remain.
        messages.error(request, _("The list of fields changed after you opened the page; nothing was saved."))
        formset = WeekFormSet(initial=_with_typed(initial, formset))
    version, stale = version_of(week_rows(access.ward, period), fields=COUNT_FIELDS), None
    if request.method == "POST" and not picker.error and formset.is_valid():
        rows = {form.cleaned_data["field"]: form.counts() for form in formset}
        try:
            week_save(
                ward=access.ward,
                period=period,
                rows={f: c for f, c in rows.items() if c is not None},
                version=posted_version(request),
            )
        except StaleEdit as error:
            stale, version = error, error.current
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
            "picker": picker,
            "formset": formset,
            "rows": list(zip(fields, formset, strict=True)),
            "columns": [CaseVolume._meta.get_field(name).verbose_name for name in COUNT_FIELDS],
            "status_fields": STATUS_FIELDS,
            FIELD: version,
            "stale": stale,
            "imports": recent_imports(access.ward, IMPORT_KINDS),
        },
    )


@ward_view(read=ALL_ROLES)
def week_history(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = _picker(request, access, PeriodKind.WEEK)
    period = picker.period
    records = CaseVolume.history.filter(ward_id=access.ward.pk, start=period.start, end=period.end)
    return render(
        request,
        "procedures/history.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "history": history_rows(records),
        },
    )


@ward_view(read=ALL_ROLES)
def week_xlsx(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = _picker(request, access, PeriodKind.WEEK)
    if picker.error:
        # The week page shows what is wrong with the period next to its picker.
        return redirect(f"{reverse('procedures:week', kwargs={'ward': access.ward.slug})}?{request.GET.urlencode()}")
    return period_sheet(WeekImporter(), access.ward, picker.period, name="tthc")


upload, upload_confirm = upload_views(
    WeekImporter(),
    namespace="procedures",
    nav="procedures/_nav.html",
    heading=gettext_lazy("Upload Excel"),
    download="week_xlsx",
    upload="upload",
    confirm="upload_confirm",
    css="procedures/procedures.css",
)


import_06a, import_06a_confirm = upload_views(
    Form06aImporter(),
    namespace="procedures",
    nav="procedures/_nav.html",
    heading=gettext_lazy("Import form II.06a"),
    download="",
    upload="import_06a",
    confirm="import_06a_confirm",
    css="procedures/procedures.css",
    intro=gettext_lazy(
        "Upload form II.06a (Biểu số II.06a/VPCP/KSTT) as the one-stop system exports it to Excel, unchanged. "
        "The period is taken from its line “Kỳ báo cáo”, or from the dates below. You will see what changes "
        "before anything is saved; then every field is saved, or none."
    ),
    form_class=Form06aUploadForm,
)


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def field_names(request: HttpRequest, access: WardAccess) -> HttpResponse:
    """The one-stop system's names of our fields that this ward's imports remember."""
    form = FieldAliasForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    if request.method == "POST" and form.is_valid():
        try:
            field_alias_save(ward=access.ward, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The field name is remembered for the next imports."))
            return redirect("procedures:field_names", ward=access.ward.slug)
    aliases = FieldAlias.objects.filter(ward=access.ward).select_related("field")
    return render(
        request,
        "procedures/field_names.html",
        {"access": access, "ward": access.ward, "form": form, "aliases": aliases},
    )


@require_POST
@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def field_name_delete(request: HttpRequest, access: WardAccess, alias_id: int) -> HttpResponse:
    alias = get_object_or_404(FieldAlias, ward=access.ward, pk=alias_id)
    field_alias_delete(ward=access.ward, alias_id=alias.pk)
    messages.success(request, _("The field name “%(name)s” is forgotten.") % {"name": alias.name})
    return redirect("procedures:field_names", ward=access.ward.slug)


@ward_view(read=ALL_ROLES, write=WARD_ROLES)
def catalogue(request: HttpRequest, access: WardAccess) -> HttpResponse:
    form = CatalogueForm(request.POST or None)
    # The form may replace a row of the table shown beside it: it carries the version of the table.
    version = version_of(catalogue_rows(access.ward), fields=CATALOGUE_FIELDS)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue_save(ward=access.ward, **form.cleaned_data, version=posted_version(request))
        except StaleEdit as error:
            form.add_error(None, error)
            version = error.current
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The procedure catalogue is saved."))
            return redirect("procedures:catalogue", ward=access.ward.slug)
    return render(
        request,
        "procedures/catalogue.html",
        {
            "access": access,
            "ward": access.ward,
            "form": form,
            "catalogues": selectors.catalogues(access.ward),
            FIELD: version,
        },
    )
