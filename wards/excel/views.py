"""The pages every domain's Excel round trip shares: the download, the upload with its dry run, and the
confirmation that saves what the dry run showed. Each app's views wrap them with its access check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wards.access import WardAccess, ward_view
from wards.models import WARD_ROLES, Ward
from wards.periods import DateRange

from .io import XLSX, SheetError, check_archive, write_workbook
from .plan import Importer, ImportRejected
from .services import PendingUpload, import_save, pending_discard, pending_keep


class SheetUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled sheet (.xlsx)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the .xlsx sheet downloaded from this page, not another file type."))
        try:
            check_archive(upload)
        except SheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


def sheet_download(
    importer: Importer,
    *,
    filename: str,
    params: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    totals: Mapping[str, Any] | None = None,
) -> HttpResponse:
    content = write_workbook(importer.layout, params=params, rows=rows, totals=totals)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def period_sheet(importer: Any, ward: Ward, period: DateRange, *, name: str) -> HttpResponse:
    """A flow's sheet of the ward for `period` (`importer.rows(ward, period)`), the dates in its row 2
    and in the file's name, to be filled and uploaded again."""
    return sheet_download(
        importer,
        filename=f"{name}-{ward.slug}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx",
        params={"start": period.start, "end": period.end},
        rows=importer.rows(ward, period),
    )


def _discard(pending: Mapping[str, Any] | None) -> None:
    if pending:
        pending_discard(PendingUpload.from_session(pending.get("file")))


def _session_key(importer: Importer) -> str:
    return f"excel:{importer.name}"


def sheet_upload(
    request: HttpRequest,
    access: WardAccess,
    importer: Importer,
    *,
    confirm_url: str,
    page: Mapping[str, Any],
    form_class: type[SheetUploadForm] = SheetUploadForm,
) -> HttpResponse:
    """Upload a filled sheet and see what would change: the dry run. Nothing is saved here."""
    form = form_class(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {
        "access": access,
        "ward": access.ward,
        "form": form,
        "confirm_url": confirm_url,
        **page,
    }
    if request.method == "POST" and form.is_valid():
        try:
            sheet = importer.read(form.cleaned_data["file"], form.cleaned_data)
        except SheetError as error:
            form.add_error("file", str(error))
        else:
            plan = importer.plan(access.ward, sheet)
            plan.hoist_notes()
            _discard(request.session.pop(_session_key(importer), None))
            if plan.valid:
                upload = form.cleaned_data["file"]
                pending = pending_keep(ward=access.ward, upload=upload, filename=upload.name)
                request.session[_session_key(importer)] = {
                    "ward": access.ward.pk,
                    "file": pending.as_session(),
                    **importer.encode(sheet),
                }
            context["plan"] = plan
    return render(request, "wards/excel_upload.html", context)


def sheet_confirm(request: HttpRequest, access: WardAccess, importer: Importer, *, upload_url: str) -> HttpResponse:
    pending = request.session.pop(_session_key(importer), None)
    stored = PendingUpload.from_session(pending.get("file")) if pending else None
    checked = pending and pending.get("ward") == access.ward.pk
    if not checked or stored is None or not default_storage.exists(stored.path):
        _discard(pending)
        messages.error(request, _("There is no checked sheet to save; upload it again."))
        return redirect(upload_url)
    sheet = importer.decode(pending)
    try:
        plan, _record = import_save(importer=importer, ward=access.ward, sheet=sheet, pending=stored, user=request.user)
    except ImportRejected as rejected:
        pending_discard(stored)
        messages.error(request, _("Nothing was saved: the figures changed since the check; upload the sheet again."))
        for problem in rejected.plan.messages()[:20]:
            messages.error(request, problem)
        return redirect(upload_url)
    changed = sum(row.action != "keep" for row in plan.rows)
    messages.success(
        request, _("%(title)s: %(count)d rows saved.") % {"title": capfirst(str(plan.title)), "count": changed}
    )
    return redirect(importer.done_url(access.ward, sheet))


def upload_views(
    importer: Importer,
    *,
    namespace: str,
    nav: str,
    heading: Any,
    download: str,
    upload: str,
    confirm: str,
    css: str = "",
    intro: Any = "",
    form_class: type[SheetUploadForm] = SheetUploadForm,
) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """The upload (dry run) and confirmation views of one importer, for the ward's own staff. The
    arguments name the app's URLs: `download` gives the sheet (empty for another system's export, which
    has none), `upload` and `confirm` are these views; `intro` replaces the page's first paragraph."""

    def url(name: str, access: WardAccess) -> str:
        return reverse(f"{namespace}:{name}", kwargs={"ward": access.ward.slug})

    @ward_view(read=WARD_ROLES, write=WARD_ROLES)
    def upload_view(request: HttpRequest, access: WardAccess) -> HttpResponse:
        page = {
            "nav": nav,
            "heading": heading,
            "download_url": url(download, access) if download else "",
            "css": css,
            "intro": intro,
        }
        return sheet_upload(
            request, access, importer, confirm_url=url(confirm, access), page=page, form_class=form_class
        )

    @require_POST
    @ward_view(read=WARD_ROLES, write=WARD_ROLES)
    def confirm_view(request: HttpRequest, access: WardAccess) -> HttpResponse:
        return sheet_confirm(request, access, importer, upload_url=url(upload, access))

    return upload_view, confirm_view
