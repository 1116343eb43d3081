"""/w/<ward>/reports/: list, new, one report (sections edited in place), live preview, PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from procedures.figures import latest_period as latest_procedures_period
from wards.access import WardAccess, ward_view
from wards.forms import PeriodForm, add_model_errors
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import DateRange, PeriodKind
from wards.polling import poll_delays
from wards.stale import StaleEdit, posted_version, version_of, versions_of
from wards.tables import configure, filter_context

from . import selectors
from .assembly import assemble, issued, report_values, section_html
from .filters import ReportFilter
from .forms import ReportCreateForm, ReportHeaderForm, ReportSectionForm
from .lists import ReportTable
from .models import PdfStatus, Report, ReportSection
from .placeholders import PlaceholderError, catalogue, resolve
from .sanitize import clean_html
from .selectors import figure_lock_note, pdf_versions, workflow_actions
from .services import (
    HEADER_FIELDS,
    SECTION_FIELDS,
    DuplicateReport,
    report_create,
    report_pdf_request,
    report_section_update,
    report_update,
)


def _report(access: WardAccess, pk: int) -> Report:
    related = ("ward__city", "template", "signer", "approved_pdf", "signed_pdf")
    return get_object_or_404(Report.objects.select_related(*related), pk=pk, ward=access.ward)


@ward_view(read=ALL_ROLES)
def report_list(request: HttpRequest, access: WardAccess) -> HttpResponse:
    table = configure(request, ReportTable(selectors.report_list(access.ward, request.GET)))
    return render(
        request,
        "reports/report_list.html",
        {
            "access": access,
            "ward": access.ward,
            "table": table,
            **filter_context(request, ReportFilter(request.GET).form),
        },
    )


@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def report_new(request: HttpRequest, access: WardAccess) -> HttpResponse:
    # Without a period, the week of the latest TTHC entry: the weekly report is the one made most often.
    latest = latest_procedures_period(access.ward)
    picker = PeriodForm(request.GET, kind=PeriodKind.WEEK, latest=latest.end if latest else None)
    form = ReportCreateForm(request.POST or None)
    existing = None
    if request.method == "POST" and not picker.error and form.is_valid():
        try:
            report = report_create(
                ward=access.ward, template=form.cleaned_data["template"], period=picker.period, created_by=request.user
            )
        except DuplicateReport as duplicate:
            form.add_error(None, duplicate)
            existing = duplicate.existing
        else:
            return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
    context = {"access": access, "ward": access.ward, "form": form, "picker": picker, "existing": existing}
    return render(request, "reports/report_new.html", context)


@ward_view(read=ALL_ROLES, write=WARD_ROLES)
def report_detail(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    report = _report(access, pk)
    header_form = ReportHeaderForm(request.POST or None, instance=report)
    editable = access.can_write and report.is_draft
    # Versions guard saves; a report nobody may edit has none to guard.
    header_form.version = version_of(Report.objects.filter(pk=report.pk), fields=HEADER_FIELDS) if editable else None
    if request.method == "POST" and header_form.is_valid():
        try:
            report_update(report=report, **header_form.cleaned_data, version=posted_version(request))
        except StaleEdit as error:
            # Shown on the page with what was typed, not redirected away from it.
            header_form.add_error(None, error)
            header_form.version = error.current
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
        else:
            messages.success(request, _("Report saved."))
            return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
    if not editable:
        for field in header_form.fields.values():
            field.disabled = True
    stored = list(report.sections.all())
    sections: list[tuple[ReportSection, ReportSectionForm | None]]
    if editable:
        versions = versions_of(ReportSection.objects.filter(report=report), fields=SECTION_FIELDS)
        sections = [(section, ReportSectionForm(instance=section, prefix=f"s{section.pk}")) for section in stored]
        for section, form in sections:
            form.version = versions.get(section.pk)
    else:
        # A report nobody may edit is read, not edited: its sections show with their figures filled in.
        values = report_values(report, issued(report))  # as the preview and the PDF fill them
        for section in stored:
            section.filled = _filled(section, values)
        sections = [(section, None) for section in stored]
    return render(
        request,
        "reports/report_detail.html",
        {
            "access": access,
            "ward": access.ward,
            "report": report,
            "header_form": header_form,
            "editable": editable,
            "sections": sections,
            "actions": workflow_actions(report, access.role),
            "events": report.events.select_related("actor"),
            "figure_lock": figure_lock_note(report),
            **_pdf_context(request, report),
        },
    )


def _filled(section: ReportSection, values: dict[str, str]) -> str:
    try:
        return section_html(section, values)
    except PlaceholderError:
        # An old text with a key the catalogue no longer has: shown as stored rather than hidden.
        return clean_html(section.body)


@require_POST
@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def section_save(request: HttpRequest, access: WardAccess, pk: int, section_pk: int) -> HttpResponse:
    section = get_object_or_404(ReportSection, pk=section_pk, report__pk=pk, report__ward=access.ward)
    form = ReportSectionForm(request.POST, instance=section, prefix=f"s{section.pk}")
    saved = False
    form.version = posted_version(request)
    if form.is_valid():
        try:
            report_section_update(section=section, **form.cleaned_data, version=form.version)
            saved = True
        except StaleEdit as error:
            form.add_error(None, error)
            form.version = error.current
        except ValidationError as error:
            add_model_errors(form, error)
    if not saved:
        section.refresh_from_db()
    if saved or form.version is None:
        # The fragment replaces the form: it carries the version of what is stored now.
        form.version = version_of(ReportSection.objects.filter(pk=section.pk), fields=SECTION_FIELDS)
    report = section.report
    return render(
        request,
        "reports/_section_form.html",
        {
            "section": section,
            "form": form,
            "saved": saved,
            "access": access,
            "report": report,
            # A save refused because the report left draft meanwhile keeps the typed text and says why.
            "editable": report.is_draft or not saved,
        },
    )


@require_POST
@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def section_preview(request: HttpRequest, access: WardAccess, pk: int, section_pk: int) -> HttpResponse:
    """The text being edited, sanitised and filled, without saving it."""
    section = get_object_or_404(
        ReportSection.objects.select_related("report__ward"), pk=section_pk, report__pk=pk, report__ward=access.ward
    )
    prefix = f"s{section.pk}-"
    draft = ReportSection(
        body=clean_html(request.POST.get(prefix + "body", "")), footnotes=request.POST.get(prefix + "footnotes", "")
    )
    report = section.report
    try:
        html = section_html(draft, resolve(report.ward, DateRange(report.start, report.end)))
        error = None
    except PlaceholderError as problem:
        html, error = "", _("Unknown placeholders: %(keys)s") % {"keys": ", ".join(problem.keys)}
    return render(request, "reports/_section_preview.html", {"html": html, "error": error})


@ward_view(read=ALL_ROLES)
def report_preview(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    report = _report(access, pk)
    try:
        doc, error = assemble(report), None
    except PlaceholderError as problem:
        doc, error = None, _("Unknown placeholders: %(keys)s") % {"keys": ", ".join(problem.keys)}
    context = {"access": access, "ward": access.ward, "report": report, "doc": doc, "error": error}
    if not request.htmx:
        return render(request, "reports/report_preview.html", context)
    # The report page loads its preview once shown, and with it the figures panel (an out-of-band swap): the
    # page itself reads no figures, and one request fills both with the same values.
    values = doc.values if doc else report_values(report, issued(report))
    entries = sorted(catalogue().values(), key=lambda entry: entry.key)
    context["placeholders"] = [(entry, values.get(entry.key, "")) for entry in entries]
    return render(request, "reports/_preview.html", context)


def _pdf_context(request: HttpRequest, report: Report) -> dict[str, object]:
    """The PDF panel's context: read only (the page and its polls write nothing)."""
    versions = pdf_versions(report)
    return {"versions": versions, "pdf": versions[0] if versions else None, **poll_delays(request)}


def _pdf_panel(request: HttpRequest, access: WardAccess, report: Report) -> HttpResponse:
    return render(
        request,
        "reports/_pdf_status.html",
        {"access": access, "ward": access.ward, "report": report, **_pdf_context(request, report)},
    )


@require_POST
@ward_view(read=WARD_ROLES, write=WARD_ROLES)
def pdf_request(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    """Ask for a PDF (or again after a failure); the panel then polls its progress."""
    report = _report(access, pk)
    try:
        report_pdf_request(report=report, requested_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
    if request.htmx:
        return _pdf_panel(request, access, report)
    return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)


@ward_view(read=ALL_ROLES)
def pdf_status(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    return _pdf_panel(request, access, _report(access, pk))


@ward_view(read=ALL_ROLES)
def pdf_download(request: HttpRequest, access: WardAccess, pk: int, pdf_pk: int) -> FileResponse:
    """A kept version, byte for byte as it was made."""
    report = _report(access, pk)
    pdf = get_object_or_404(report.pdfs, pk=pdf_pk, status=PdfStatus.DONE)
    try:
        stored = pdf.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = f"bao-cao-{access.ward.slug}-{report.start:%Y%m%d}-{report.end:%Y%m%d}-{pdf.pk}.pdf"
    return FileResponse(stored, as_attachment=True, filename=name, content_type="application/pdf")
