from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .access import WardAccess, request_membership, ward_view
from .forms import WardFactsForm
from .models import ALL_ROLES, WARD_ROLES, ImportRecord, Role
from .services import ward_facts_update


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to where their work is."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("home"))
    membership = request_membership(request)
    if membership is not None:
        if membership.role == Role.CITY:
            return redirect("city:home")
        return redirect("dashboard", ward=membership.ward.slug)
    if request.user.is_staff:
        return redirect("admin:index")
    return render(request, "wards/no_membership.html", status=403)


@ward_view(read=ALL_ROLES, write=WARD_ROLES)
def facts(request: HttpRequest, access: WardAccess) -> HttpResponse:
    """The ward's standing facts (religious sites, relics, vice chairs, systems) that its reports cite."""
    form = WardFactsForm(request.POST or None, instance=access.ward)
    if request.method == "POST" and form.is_valid():
        ward_facts_update(ward=access.ward, facts=form.facts())
        messages.success(request, _("Changes saved."))
        return redirect("ward_facts", ward=access.ward.slug)
    if not access.can_write:
        for field in form.fields.values():
            field.disabled = True
    return render(request, "wards/facts.html", {"access": access, "ward": access.ward, "form": form})


@ward_view(read=ALL_ROLES)
def import_download(request: HttpRequest, access: WardAccess, pk: int) -> FileResponse:
    """An imported Excel file as it was uploaded, for whoever may read the ward's figures."""
    record = get_object_or_404(ImportRecord, ward=access.ward, pk=pk)
    try:
        stored = record.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        stored,
        as_attachment=True,
        filename=record.filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
