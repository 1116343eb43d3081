"""The pages of the city Department of Home Affairs."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from reports.models import ReportState
from reports.workflow import TransitionRefused
from wards.access import city_view
from wards.forms import PeriodForm
from wards.models import Membership, Ward
from wards.periods import DateRange, PeriodKind

from . import export, services
from .chart import rank_chart
from .forms import AcceptForm, MatrixForm, ReturnForm
from .matrix import Matrix, arranged, build_matrix, window_until
from .models import default_regime
from .periods import NOT_STARTED
from .totals import COLUMNS, Totals, city_totals, latest_year

MATRIX_KEYS = ("regime", "periods", "end", "show", "sort")
DEFAULT_PERIODS = 8


def _matrix_query(data: QueryDict, **changes: str) -> str:
    """The matrix's own settings from a request, to go back to the same view after a POST (or to
    another window, with `changes`)."""
    query = QueryDict(mutable=True)
    for key in MATRIX_KEYS:
        value = changes.get(key, data.get(key))
        if value:
            query[key] = value
    return query.urlencode()


def _matrix(membership: Membership, data: QueryDict) -> tuple[MatrixForm, Matrix | None]:
    form = MatrixForm(
        data,
        state_choices=[*ReportState.choices, (NOT_STARTED, gettext("not started"))],
        # Read only when the query names none: one query fewer on the usual links.
        regime=None if data.get("regime") else default_regime(),
        periods=DEFAULT_PERIODS,
    )
    if not form.is_valid():
        return form, None
    regime = form.cleaned_data["regime"]
    if regime is None:
        return form, None
    today = timezone.localdate()
    until = window_until(regime, membership.city, today, form.cleaned_data["end"])
    form.show_end(until)
    return form, build_matrix(regime, membership.city, today, form.cleaned_data["periods"], until=until)


@city_view
def city_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    form, matrix = _matrix(membership, request.GET)
    context = {
        "city": membership.city,
        "form": form,
        "matrix": matrix,
        "rows": arranged(matrix, form.cleaned_data.get("show", ""), form.cleaned_data.get("sort", "ward"))
        if matrix
        else (),
        "query": _matrix_query(request.GET),
        "earlier_query": _matrix_query(form.data, end=matrix.earlier.isoformat()) if matrix and matrix.earlier else "",
        "later_query": _matrix_query(form.data, end=matrix.later.isoformat()) if matrix and matrix.later else "",
    }
    return render(request, "city/matrix.html", context, status=200 if form.is_valid() else 400)


def _back(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('city:home')}?{_matrix_query(request.POST)}")


@require_POST
@city_view
def city_accept(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = AcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Tick the signed reports to accept."))
        return _back(request)
    results = services.reports_accept(city=membership.city, report_ids=form.cleaned_data["report"], actor=request.user)
    for result in results:
        line = f"{result.ward}, {result.report.start:%d/%m/%Y} - {result.report.end:%d/%m/%Y}: {result.message}"
        (messages.success if result.accepted else messages.error)(request, line)
    return _back(request)


@require_POST
@city_view
def city_return(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Give the reason, so that the ward knows what to change."))
        return _back(request)
    try:
        report = services.report_return_to_ward(
            city=membership.city,
            report_id=form.cleaned_data["report"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
    except (ValidationError, TransitionRefused) as problem:
        messages.error(request, " ".join(problem.messages) if isinstance(problem, ValidationError) else str(problem))
        return _back(request)
    messages.success(request, gettext("%(ward)s: the report is returned to the ward.") % {"ward": report.ward})
    return _back(request)


@require_POST
@city_view
def city_remind(request: HttpRequest, membership: Membership) -> HttpResponse:
    _form, matrix = _matrix(membership, request.POST)
    if matrix is None:
        return _back(request)
    sent = services.late_wards_remind(matrix=matrix, actor=request.user)
    if sent:
        wards = ", ".join(sorted({str(reminder.ward) for reminder in sent}))
        messages.success(
            request, gettext("%(count)s reminders sent: %(wards)s.") % {"count": len(sent), "wards": wards}
        )
    else:
        messages.info(request, gettext("No late ward is left to remind: each was reminded once already."))
    return _back(request)


def _picker(request: HttpRequest, wards: list[Ward]) -> PeriodForm:
    """The range of the totals: the twelve months up to the wards' latest figures (up to today when
    there are none) unless the query names another."""
    today = timezone.localdate()
    latest = latest_year(wards) or DateRange(today - timedelta(days=364), today)
    return PeriodForm(request.GET, kind=PeriodKind.YEAR, latest=latest)


def _headers(totals: Totals, column: str, descending: bool) -> list[dict[str, object]]:
    """Each column's heading links to the table ranked by it, largest first; a second click reverses."""
    headers = []
    for name, label in zip(COLUMNS, export.totals_headers()[1:], strict=True):
        active = name == column
        sort = name if active and descending else f"-{name}"
        headers.append(
            {
                "label": label,
                "href": f"?{totals.period.query()}&sort={sort}",
                "active": active,
                "descending": descending,
            }
        )
    return headers


@city_view
def city_totals_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    wards = list(membership.city.wards.all())
    picker = _picker(request, wards)
    totals = city_totals(wards, picker.period)
    sort = request.GET.get("sort", "-received")
    column = sort.lstrip("-") if sort.lstrip("-") in COLUMNS else "received"
    descending = sort.startswith("-") or column != sort.lstrip("-")
    rows = totals.ranked(column, descending)
    context = {
        "city": membership.city,
        "picker": picker,
        "totals": totals,
        "rows": rows,
        "headers": _headers(totals, column, descending),
        "chart": rank_chart(rows, column),
        "range_query": totals.period.query(),
    }
    return render(request, "city/totals.html", context)


@city_view
def city_export(request: HttpRequest, membership: Membership) -> HttpResponse:
    wards = list(membership.city.wards.all())
    totals = city_totals(wards, _picker(request, wards).period)
    _form, matrix = _matrix(membership, request.GET)
    response = HttpResponse(
        export.workbook(totals, matrix),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"so-lieu-phuong-{totals.period.start:%Y-%m-%d}-{totals.period.end:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
