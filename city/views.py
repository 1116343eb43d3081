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
from wards.models import Membership
from wards.periods import DateRange, PeriodKind

from . import export, services
from .chart import rank_chart
from .forms import AcceptForm, MatrixForm, ReturnForm
from .matrix import Matrix, arranged, build_matrix
from .models import default_regime
from .periods import NOT_STARTED
from .totals import COLUMNS, Totals, city_totals

MATRIX_KEYS = ("regime", "periods", "show", "sort")
DEFAULT_PERIODS = 8


def _matrix_query(data: QueryDict) -> str:
    """The matrix's own settings from a request, to go back to the same view after a POST."""
    query = QueryDict(mutable=True)
    for key in MATRIX_KEYS:
        if data.get(key):
            query[key] = data[key]
    return query.urlencode()


def _matrix(membership: Membership, data: QueryDict) -> tuple[MatrixForm, Matrix | None]:
    form = MatrixForm(data, state_choices=[*ReportState.choices, (NOT_STARTED, gettext("not started"))])
    if not form.is_valid():
        return form, None
    regime = form.cleaned_data["regime"] or default_regime()
    if regime is None:
        return form, None
    periods = form.cleaned_data["periods"] or DEFAULT_PERIODS
    return form, build_matrix(regime, membership.city, timezone.localdate(), periods)


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


def _picker(request: HttpRequest) -> PeriodForm:
    """The range of the totals: the last twelve months unless the query names another."""
    today = timezone.localdate()
    return PeriodForm(request.GET, kind=PeriodKind.YEAR, latest=DateRange(today - timedelta(days=364), today))


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
    picker = _picker(request)
    totals = city_totals(list(membership.city.wards.all()), picker.period)
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
    totals = city_totals(list(membership.city.wards.all()), _picker(request).period)
    _form, matrix = _matrix(membership, request.GET)
    response = HttpResponse(
        export.workbook(totals, matrix),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"so-lieu-phuong-{totals.period.start:%Y-%m-%d}-{totals.period.end:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
