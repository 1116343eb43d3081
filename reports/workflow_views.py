"""The POSTs of the submission workflow (DESIGN §7) and the list of what waits for the user.
Each view: access check, form, one service call, a message, back to the report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wards.access import WardAccess, request_membership, ward_view
from wards.models import Role

from . import workflow
from .forms import ReasonForm, SignedUploadForm
from .models import Report
from .notify import waiting_reports
from .signing import SignatureRefused

DONE_MESSAGES = {
    "submit": gettext_lazy("The report is submitted to the leader."),
    "approve": gettext_lazy("The report is approved as number %(number)s; its figures are locked."),
    "return": gettext_lazy("The report is returned to staff."),
    "withdraw": gettext_lazy("The approval is withdrawn; the figures can be changed again."),
    "sign": gettext_lazy("The signed PDF is accepted and kept."),
    "accept": gettext_lazy("The report is accepted."),
    "send_back": gettext_lazy("The report is returned to the ward."),
}


def _transition(
    action: str, roles: tuple[str, ...], service: Callable[..., workflow.Outcome], form_class: type[forms.Form] | None
) -> Callable[..., HttpResponse]:
    @require_POST
    @ward_view(read=roles, write=roles)
    def view(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
        report = get_object_or_404(Report, pk=pk, ward=access.ward)
        detail = redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
        extra: dict[str, Any] = {}
        if form_class is not None:
            form = form_class(request.POST, request.FILES)
            if not form.is_valid():
                for problems in form.errors.values():
                    for problem in problems:
                        messages.error(request, problem)
                return detail
            extra = dict(form.cleaned_data)
            if "file" in extra:
                upload = extra.pop("file")
                extra["content"] = upload.read()
        try:
            outcome = service(report=report, actor=request.user, **extra)
        except (workflow.TransitionRefused, SignatureRefused) as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if outcome.repeated:
                messages.info(request, _("This was already done; nothing changed."))
            else:
                messages.success(request, DONE_MESSAGES[action] % {"number": outcome.report.document_number})
        return detail

    view.__name__ = f"report_{action}"
    return view


WARD = (Role.STAFF, Role.LEADER)
report_submit = _transition("submit", WARD, workflow.report_submit, None)
report_approve = _transition("approve", (Role.LEADER,), workflow.report_approve, None)
report_return = _transition("return", (Role.LEADER,), workflow.report_return, ReasonForm)
report_withdraw = _transition("withdraw", (Role.LEADER,), workflow.report_withdraw, ReasonForm)
report_signed = _transition("sign", (Role.LEADER,), workflow.report_sign, SignedUploadForm)
report_accept = _transition("accept", (Role.CITY,), workflow.report_accept, None)
report_send_back = _transition("send_back", (Role.CITY,), workflow.report_send_back, ReasonForm)


@login_required
def waiting(request: HttpRequest) -> HttpResponse:
    """What waits for this user: returned reports (staff), submitted ones (leaders), signed ones (city)."""
    reports = waiting_reports(request_membership(request)).select_related("ward", "template").order_by("-end", "pk")
    return render(request, "reports/waiting.html", {"reports": reports})
