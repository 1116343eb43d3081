"""Staffing pages. Everybody of the ward and the city's Home Affairs read them; only ward users
write (the edit pages answer 403 to Home Affairs, for GET as for POST)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wards.access import WardAccess, ward_view
from wards.history import history_rows
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import PeriodError, date_from_query, parse_date

from .figures import figures_at
from .forms import NeedForm, PositionForm, SnapshotForm, UnitForm, WardRowForm, line_formset, table_formset
from .models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffingNeed
from .services import COUNT_FIELDS, LineInput, headcount_snapshot_save, ward_table_save


@ward_view(*ALL_ROLES)
def overview(request: HttpRequest, access: WardAccess) -> HttpResponse:
    try:
        on = date_from_query(request.GET, timezone.localdate())
    except PeriodError as error:
        messages.error(request, str(error))
        on = timezone.localdate()
    return render(
        request,
        "staffing/overview.html",
        {
            "access": access,
            "ward": access.ward,
            "figures": figures_at(access.ward, on),
            "snapshot_dates": list(
                HeadcountSnapshot.objects.filter(ward=access.ward).order_by("-on").values_list("on", flat=True)
            ),
        },
    )


@ward_view(*ALL_ROLES)
def positions(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return render(
        request,
        "staffing/positions.html",
        {"access": access, "ward": access.ward, "figures": figures_at(access.ward, timezone.localdate())},
    )


def _snapshot_on(access: WardAccess, raw: str) -> HeadcountSnapshot:
    try:
        on = parse_date(raw, _("Date"))
    except PeriodError:
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


@ward_view(*WARD_ROLES)
def snapshot_edit(request: HttpRequest, access: WardAccess, on: str | None = None) -> HttpResponse:
    """A new snapshot starts from the latest one, so the clerk only changes what moved."""
    ward = access.ward
    editing = _snapshot_on(access, on) if on else None
    source = editing or HeadcountSnapshot.objects.filter(ward=ward).order_by("-on").first()
    units = list(OrgUnit.objects.filter(ward=ward).order_by("order", "name"))
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
                    note=form.cleaned_data["note"],
                    lines=[
                        LineInput(unit=line.unit, **{name: line.cleaned_data[name] for name in COUNT_FIELDS})
                        for line in lines
                    ],
                    replacing=editing.on if editing else None,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Snapshot of %(date)s saved.") % {"date": f"{snapshot.on:%d/%m/%Y}"})
                url = reverse("staffing:overview", kwargs={"ward": ward.slug})
                return redirect(f"{url}?date={snapshot.on.isoformat()}")
    else:
        initial: dict[str, Any] = {"on": editing.on if editing else timezone.localdate()}
        if source:
            initial |= {
                "non_specialised_workers": source.non_specialised_workers,
                "non_specialised_left": source.non_specialised_left,
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
        },
    )


def _edit_table(
    request: HttpRequest, access: WardAccess, form: type[WardRowForm], template: str, title: str
) -> HttpResponse:
    formset = table_formset(form, access.ward, request.POST if request.method == "POST" else None)
    if request.method == "POST" and formset.is_valid():
        saved = [f.instance for f in formset.forms if f.has_changed() and f not in formset.deleted_forms]
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        try:
            ward_table_save(ward=access.ward, saved=saved, deleted=deleted)
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
    return render(request, template, {"access": access, "ward": access.ward, "formset": formset, "title": title})


@ward_view(*WARD_ROLES)
def positions_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, PositionForm, "staffing/table_form.html", _("Job positions and quotas"))


@ward_view(*WARD_ROLES)
def units_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, UnitForm, "staffing/table_form.html", _("Organisation units"))


@ward_view(*WARD_ROLES)
def needs_edit(request: HttpRequest, access: WardAccess) -> HttpResponse:
    return _edit_table(request, access, NeedForm, "staffing/table_form.html", _("Staffing needs"))


@ward_view(*ALL_ROLES)
def history(request: HttpRequest, access: WardAccess) -> HttpResponse:
    ward = access.ward
    rows = [
        *history_rows(OrgUnit.history.filter(ward=ward)),
        *history_rows(JobPosition.history.filter(ward=ward)),
        *history_rows(HeadcountSnapshot.history.filter(ward=ward)),
        *history_rows(HeadcountLine.history.filter(snapshot__ward=ward)),
        *history_rows(StaffingNeed.history.filter(ward=ward)),
    ]
    rows.sort(key=lambda row: row.when, reverse=True)
    return render(request, "staffing/history.html", {"access": access, "ward": ward, "history": rows[:500]})
