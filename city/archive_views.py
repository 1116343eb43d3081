"""The ZIP of a period's reports: ask for it from the matrix, watch its progress, download it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from wards.access import city_view
from wards.models import Membership
from wards.polling import poll_delays

from .archive import period_archive_request
from .models import PeriodArchive, Regime


class ArchiveForm(forms.Form):
    regime = forms.ModelChoiceField(Regime.objects.all(), to_field_name="code")
    start = forms.DateField()


@require_POST
@city_view
def archive_request(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ArchiveForm(request.POST)
    period = form.cleaned_data["regime"].shape.period_of(form.cleaned_data["start"]) if form.is_valid() else None
    if period is None:
        messages.error(request, gettext("Choose a period of the regime."))
        return redirect("city:home")
    archive = period_archive_request(
        regime=form.cleaned_data["regime"], city=membership.city, period=period, requested_by=request.user
    )
    return redirect("city:archive", pk=archive.pk)


def _archive(membership: Membership, pk: int) -> PeriodArchive:
    return get_object_or_404(PeriodArchive.objects.select_related("regime"), pk=pk, city=membership.city)


@city_view
def archive_page(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    archive = _archive(membership, pk)
    # A request whose worker went silent is shown given up, with the retry, without writing (wards.jobs):
    # the retry, or the worker receiving it late, marks the row.
    if archive.is_stale:
        archive.give_up_stale()
    template = "city/_archive_status.html" if request.htmx else "city/archive.html"
    return render(request, template, {"archive": archive, **poll_delays(request)})


@city_view
def archive_download(request: HttpRequest, membership: Membership, pk: int) -> FileResponse:
    archive = _archive(membership, pk)
    if not archive.file:
        raise Http404
    name = f"bao-cao-{archive.regime.code}-{archive.period_start:%Y-%m-%d}.zip"
    return FileResponse(archive.file.open("rb"), as_attachment=True, filename=name, content_type="application/zip")
