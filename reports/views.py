"""/w/<ward>/reports/: list, new, one report (sections edited in place), live preview, PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wards.access import WardAccess, ward_view
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import DateRange

from .assembly import assemble, section_html
from .forms import ReportCreateForm, ReportHeaderForm, ReportSectionForm
from .models import PdfStatus, Report, ReportPdf, ReportSection
from .placeholders import PlaceholderError, catalogue, resolve
from .sanitize import clean_html
from .services import report_create, report_pdf_current, report_pdf_request, report_section_update, report_update


def _report(access: WardAccess, pk: int) -> Report:
    return get_object_or_404(Report.objects.select_related("ward", "template", "signer"), pk=pk, ward=access.ward)


@ward_view(*ALL_ROLES)
def report_list(request: HttpRequest, access: WardAccess) -> HttpResponse:
    latest_pdf = ReportPdf.objects.filter(report=OuterRef("pk"), status=PdfStatus.DONE).order_by("-finished_at", "-pk")
    reports = (
        Report.objects.filter(ward=access.ward)
        .select_related("template")
        .annotate(latest_pdf=Subquery(latest_pdf.values("pk")[:1]))
    )
    return render(request, "reports/report_list.html", {"access": access, "ward": access.ward, "reports": reports})


@ward_view(*WARD_ROLES)
def report_new(request: HttpRequest, access: WardAccess) -> HttpResponse:
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = report_create(
            ward=access.ward,
            template=data["template"],
            period=DateRange(data["start"], data["end"]),
            created_by=request.user,
        )
        return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
    return render(request, "reports/report_new.html", {"access": access, "ward": access.ward, "form": form})


@ward_view(*ALL_ROLES)
def report_detail(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    report = _report(access, pk)
    header_form = ReportHeaderForm(request.POST or None, instance=report)
    if request.method == "POST":
        if not access.can_write:
            raise PermissionDenied
        if header_form.is_valid():
            report_update(report=report, **header_form.cleaned_data)
            messages.success(request, _("Report saved."))
            return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)
    sections = [
        (section, ReportSectionForm(instance=section, prefix=f"s{section.pk}")) for section in report.sections.all()
    ]
    values = resolve(report.ward, DateRange(report.start, report.end))
    keys = sorted(catalogue().values(), key=lambda entry: entry.key)
    return render(
        request,
        "reports/report_detail.html",
        {
            "access": access,
            "ward": access.ward,
            "report": report,
            "header_form": header_form,
            "sections": sections,
            "placeholders": [(entry, values.get(entry.key, "")) for entry in keys],
            "pdf": report_pdf_current(report=report),
        },
    )


@require_POST
@ward_view(*WARD_ROLES)
def section_save(request: HttpRequest, access: WardAccess, pk: int, section_pk: int) -> HttpResponse:
    section = get_object_or_404(ReportSection, pk=section_pk, report__pk=pk, report__ward=access.ward)
    form = ReportSectionForm(request.POST, instance=section, prefix=f"s{section.pk}")
    saved = False
    if form.is_valid():
        try:
            report_section_update(section=section, **form.cleaned_data)
            saved = True
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
    if not saved:
        section.refresh_from_db()
    return render(
        request,
        "reports/_section_form.html",
        {"section": section, "form": form, "saved": saved, "access": access, "report": section.report},
    )


@require_POST
@ward_view(*WARD_ROLES)
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


@ward_view(*ALL_ROLES)
def report_preview(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    report = _report(access, pk)
    try:
        doc, error = assemble(report), None
    except PlaceholderError as problem:
        doc, error = None, _("Unknown placeholders: %(keys)s") % {"keys": ", ".join(problem.keys)}
    template = "reports/_preview.html" if request.htmx else "reports/report_preview.html"
    return render(
        request, template, {"access": access, "ward": access.ward, "report": report, "doc": doc, "error": error}
    )


def _pdf_panel(request: HttpRequest, access: WardAccess, report: Report) -> HttpResponse:
    return render(
        request,
        "reports/_pdf_status.html",
        {"access": access, "ward": access.ward, "report": report, "pdf": report_pdf_current(report=report)},
    )


@require_POST
@ward_view(*WARD_ROLES)
def pdf_request(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    """Ask for a PDF (or again after a failure); the panel then polls its progress."""
    report = _report(access, pk)
    report_pdf_request(report=report, requested_by=request.user)
    if request.htmx:
        return _pdf_panel(request, access, report)
    return redirect("reports:detail", ward=access.ward.slug, pk=report.pk)


@ward_view(*ALL_ROLES)
def pdf_status(request: HttpRequest, access: WardAccess, pk: int) -> HttpResponse:
    return _pdf_panel(request, access, _report(access, pk))


@ward_view(*ALL_ROLES)
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
