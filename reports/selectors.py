"""Reads of the reports app: the reports list and the workflow of the report page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import OuterRef, QuerySet, Subquery

from wards.locks import lock_message
from wards.models import FigureLock, Ward

from .filters import ReportFilter
from .forms import ReasonForm, SignedUploadForm
from .models import PdfStatus, Report, ReportPdf
from .workflow import Transition, actions_for, lock_key


def report_list(ward: Ward, filters: Mapping[str, Any] | None = None) -> QuerySet[Report]:
    """The ward's reports, latest end first, each with the id of its latest finished PDF,
    narrowed by ReportFilter's query parameters."""
    latest_pdf = ReportPdf.objects.filter(report=OuterRef("pk"), status=PdfStatus.DONE).order_by("-finished_at", "-pk")
    reports = (
        Report.objects.filter(ward=ward)
        .select_related("template")
        .annotate(latest_pdf=Subquery(latest_pdf.values("pk")[:1]))
        .order_by("-end", "-pk")
    )
    return ReportFilter(filters or {}, queryset=reports).qs


def pdf_versions(report: Report) -> list[ReportPdf]:
    """The report's PDF requests, newest first, with who asked for each (the panel is polled: one query
    whatever the number of versions). A stale request is shown as given up without writing: the next
    request, or the worker that receives it late, marks the row itself (services.report_pdfs_expire)."""
    versions = list(report.pdfs.select_related("requested_by"))
    for pdf in versions:
        if pdf.is_stale:
            pdf.give_up_stale()
    return versions


URL_NAMES = {
    "submit": "reports:submit",
    "approve": "reports:approve",
    "return": "reports:return",
    "withdraw": "reports:withdraw",
    "sign": "reports:signed",
    "accept": "reports:accept",
    "send_back": "reports:send_back",
}


@dataclass(frozen=True)
class Action:
    transition: Transition
    url: str
    form: forms.Form | None


def workflow_actions(report: Report, role: str) -> list[Action]:
    """The buttons of this role on this report, the expected next step first."""
    actions = []
    for transition in actions_for(report, role):
        form: forms.Form | None = None
        if transition.action == "sign":
            form = SignedUploadForm(auto_id="id_sign_%s")
        elif transition.needs_reason:
            form = ReasonForm(auto_id=f"id_{transition.action}_%s")
        actions.append(Action(transition=transition, url=URL_NAMES[transition.action], form=form))
    return actions


def figure_lock_note(report: Report) -> str:
    lock = FigureLock.objects.filter(key=lock_key(report)).first()
    return lock_message(lock) if lock else ""
