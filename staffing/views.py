"""Staffing pages. Everybody of the ward and the city's Home Affairs read them; only ward users
write (the edit pages answer 403 to Home Affairs, for GET as for POST)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.access import WardAccess, ward_view
from wards.excel.views import sheet_download, upload_views
from wards.forms import PeriodForm
from wards.history import history_rows
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import PeriodKind
from wards.selectors import recent_imports
from wards.stale import FIELD, StaleEdit, posted_version, stale_error, version_of
from wards.tables import configure, filter_context

from . import selectors
from .excel import SNAPSHOT_COUNTS, PositionImporter, SnapshotImporter
from .figures import figures_at
from .filters import PositionFilter
from .forms import (
    FunctionForm,
    NeedForm,
    PositionForm,
    SnapshotForm,
    UnitForm,
    WardRowForm,
    line_formset,
    table_formset,
)
from .models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffFunction, StaffingNeed
from .services import (
    COUNT_FIELDS,
    LineInput,
    headcount_snapshot_save,
    snapshot_parts,
    table_part,
    ward_table_save,
)
from .tables import PositionTable


@ward_view(read=ALL_ROLES)
def overview(request: HttpRequest, access: WardAccess) -> HttpResponse:
    snapshot_dates = list(
        HeadcountSnapshot.objects.filter(ward=access.ward).order_by("-on").values_list("on", flat=True)
    )
    # Without a date, the latest snapshot: the newest situation the ward has entered.
    picker = PeriodForm(
        request.GET, kind=PeriodKind.MONTH, dated=True, latest=snapshot_dates[0] if snapshot_dates else None
    )
    return render(
        request,
        "staffing/overview.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "figures": figures_at(access.ward, picker.day),
            "snapshot_dates": snapshot_dates,
            "imports": recent_imports(access.ward, (SnapshotImporter.name,)),
        },
    )


@ward_view(read=ALL_ROLES)
def positions(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "staffing/positions.html",
        {
            "access": access,
            "ward": access.ward,
            "figures": figures_at(access.ward, timezone.localdate()),
            "table": configure(request, PositionTable(selectors.position_list(access.ward, request.GET))),
            **filter_context(request, PositionFilter(request.GET, ward=access.ward).form),
            "imports": recent_imports(access.ward, (PositionImporter.name,)),
        },
    )


def _snapshot_on(access: WardAccess, raw: str) -> HeadcountSnapshot:
    try:
        on = date.fromisoformat(raw)
    except ValueError:
        raise Http404 from None
    snapshot = HeadcountSnapshot.objects.filter(ward=access.ward, on=on).first()
    if snapshot is None:
        raise Http404
    return snapshot


def _line_initial(units: list[OrgUnit], source: HeadcountSnapshot | None) -> list[dict[str, int]]:
    lines = {line.unit_id: line for line in source.lines.all()} if source else {}
    return [
        {name: getattr(lines[unit.pk], name) for name in COUNT_FIELDS} if unit.pk in lines else {} for unit in units
    ]


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def snapshot_edit(request: HttpRequest, access: WardAccess, on: str | None = None) -> HttpResponse:
    """A new snapshot starts from the latest one, so the clerk only changes what moved."""
    ward = access.ward
    editing = _snapshot_on(access, on) if on else None
    source = editing or HeadcountSnapshot.objects.filter(ward=ward).order_by("-on").first()
    units = list(OrgUnit.objects.filter(ward=ward).order_by("order", "name"))
    # Only an existing snapshot can go stale; a new one at a taken date is refused as a duplicate.
    version = version_of(snapshot_parts(ward, editing.on)) if editing else None
    if request.method == "POST":
        form = SnapshotForm(request.POST)
        lines = line_formset(units, data=request.POST)
        if form.is_valid() and lines.is_valid():
            try:
                snapshot = headcount_snapshot_save(
                    ward=ward,
                    on=form.cleaned_data["on"],
                    non_specialised_workers=form.cleaned_data["non_specialised_workers"],
                    non_specialised_left=form.cleaned_data["non_specialised_left"],
                    non_specialised_left_from=form.cleaned_data["non_specialised_left_from"],
                    includes_military=form.cleaned_data["includes_military"],
                    note=form.cleaned_data["note"],
                    lines=[
                        LineInput(unit=line.unit, **{name: line.cleaned_data[name] for name in COUNT_FIELDS})
                        for line in lines
                    ],
                    replacing=editing.on if editing else None,
                    version=posted_version(request) if editing else None,
                )
            except StaleEdit as error:
                form.add_error(None, error)
                version = error.current
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Snapshot of %(date)s saved.") % {"date": f"{snapshot.on:%d/%m/%Y}"})
                url = reverse("staffing:overview", kwargs={"ward": ward.slug})
                return redirect(f"{url}?date={snapshot.on.isoformat()}")
    else:
        initial: dict[str, Any] = {"on": editing.on if editing else timezone.localdate(), "includes_military": True}
        if source:
            initial |= {
                "non_specialised_workers": source.non_specialised_workers,
                "non_specialised_left": source.non_specialised_left,
                "non_specialised_left_from": source.non_specialised_left_from,
                "includes_military": source.includes_military,
                "note": source.note if editing else "",
            }
        form = SnapshotForm(initial=initial)
        lines = line_formset(units, initial=_line_initial(units, source))
    return render(
        request,
        "staffing/snapshot_form.html",
        {
            "access": access,
            "ward": ward,
            "form": form,
            "lines": lines,
            "rows": list(zip(units, lines, strict=True)),
            "editing": editing,
            "source": source,
            FIELD: version,
        },
    )


def _edit_table(
    request: HttpRequest, access: WardAccess, form: type[WardRowForm], template: str, title: str
) -> HttpResponse:
    formset = table_formset(form, access.ward, request.POST if request.method == "POST" else None)
    table = table_part(form._meta.model, access.ward, form._meta.fields)
    version = version_of([table])
    if request.method == "POST" and not formset.is_valid():
        # A row deleted in between makes its row form invalid before any save: say what changed.
        stale = stale_error(posted_version(request), [table])
        if stale is not None:
            formset._non_form_errors = formset.error_class([*stale.messages, *formset.non_form_errors()])
            version = stale.current
    elif request.method == "POST":
        saved = [f.instance for f in formset.forms if f.has_changed() and f not in formset.deleted_forms]
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        try:
            ward_table_save(
                ward=access.ward, saved=saved, deleted=deleted, version=posted_version(request), table=table
            )
        except StaleEdit as error:
            formset._non_form_errors = formset.error_class(error.messages)
            version = error.current
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("Changes saved."))
            over = [row for row in saved if isinstance(row, JobPosition) and row.over_quota]
            if over:
                messages.warning(
                    request,
                    _("Filled above quota: %(positions)s. Check the figures.")
                    % {"positions": "; ".join(f"{p.name} ({p.filled}/{p.quota})" for p in over)},
                )
            return redirect(request.path)
    context = {"access": access, "ward": access.ward, "formset": formset, "title": title, FIELD: version}
    return render(request, template, context)


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def positions_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, PositionForm, "staffing/table_form.html", _("Job positions and quotas"))


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def units_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, UnitForm, "staffing/table_form.html", _("Organisation units"))


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def needs_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, NeedForm, "staffing/table_form.html", _("Staffing needs"))


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def functions_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, FunctionForm, "staffing/table_form.html", _("Staff by function"))


@ward_view(read=ALL_ROLES)
def history(request: HttpRequest, access: WardAccess) -> HttpResponse:
    ward = access.ward
    rows = [
        *history_rows(OrgUnit.history.filter(ward=ward)),
        *history_rows(JobPosition.history.filter(ward=ward)),
        *history_rows(HeadcountSnapshot.history.filter(ward=ward)),
        *history_rows(HeadcountLine.history.filter(snapshot__ward=ward)),
        *history_rows(StaffingNeed.history.filter(ward=ward)),
        *history_rows(StaffFunction.history.filter(ward=ward)),
    ]
    rows.sort(key=lambda row: row.when, reverse=True)
    return render(request, "staffing/history.html", {"access": access, "ward": ward, "history": rows[:500]})


@ward_view(read=ALL_ROLES)
def snapshot_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    """The snapshot at the date asked (or the latest before it), to be updated and uploaded again."""
    on = PeriodForm(request.GET, kind=PeriodKind.MONTH, dated=True).day
    snapshot = HeadcountSnapshot.objects.filter(ward=access.ward, on__lte=on).order_by("-on").first()
    importer = SnapshotImporter()
    params = {"on": snapshot.on if snapshot else on}
    if snapshot:
        params |= {name: getattr(snapshot, name) for name in SNAPSHOT_COUNTS}
    return sheet_download(
        importer,
        filename=f"bien-che-{access.ward.slug}-{params['on']:%Y%m%d}.xlsx",
        params=params,
        rows=importer.rows(access.ward, snapshot),
    )


@ward_view(read=ALL_ROLES)
def positions_export(request: HttpRequest, access: WardAccess) -> HttpResponse:
    importer = PositionImporter()
    return sheet_download(
        importer,
        filename=f"vi-tri-viec-lam-{access.ward.slug}.xlsx",
        params={},
        rows=[importer.values_of(position) for position in importer.records(access.ward)],
    )


snapshot_upload, snapshot_upload_confirm = upload_views(
    SnapshotImporter(),
    namespace="staffing",
    nav="staffing/_nav.html",
    heading=gettext_lazy("Headcount snapshot from Excel"),
    download="snapshot_export",
    upload="snapshot_upload",
    confirm="snapshot_upload_confirm",
)
positions_upload, positions_upload_confirm = upload_views(
    PositionImporter(),
    namespace="staffing",
    nav="staffing/_nav.html",
    heading=gettext_lazy("Job positions and quotas from Excel"),
    download="positions_export",
    upload="positions_upload",
    confirm="positions_upload_confirm",
)
