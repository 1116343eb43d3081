"""/w/<ward>/indicators/: the long-tail figures of one period, in a form built from the catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.access import WardAccess, ward_view
from wards.excel.views import period_sheet, upload_views
from wards.forms import PeriodForm, add_model_errors
from wards.models import ALL_ROLES, WARD_ROLES
from wards.periods import PeriodKind
from wards.selectors import recent_imports
from wards.stale import FIELD, StaleEdit, posted_version, version_of

from .excel import IndicatorImporter
from .figures import indicator_catalogue, indicator_values_at, latest_period
from .forms import IndicatorValuesForm
from .register import RegisterImporter, RegisterUploadForm
from .services import indicator_values_save, period_values


@ward_view(read=ALL_ROLES, write=WARD_ROLES)
def indicator_values(request: HttpRequest, access: WardAccess) -> HttpResponse:
    picker = PeriodForm(request.GET, kind=PeriodKind.MONTH, latest=latest_period(access.ward))
    period = picker.period
    indicators = indicator_catalogue()
    version = version_of(period_values(access.ward, period), fields=("value",))
    if request.method == "POST" and not picker.error:
        form = IndicatorValuesForm(request.POST, indicators=indicators)
        if form.is_valid():
            try:
                count = indicator_values_save(
                    ward=access.ward, period=period, values=form.cleaned_data, version=posted_version(request)
                )
            except StaleEdit as error:
                form.add_error(None, error)
                version = error.current
            except ValidationError as error:
                add_model_errors(form, error)
            else:
                messages.success(request, _("%(count)d figures saved.") % {"count": count})
                return redirect(f"{request.path}?{picker.query_string}")
    else:
        form = IndicatorValuesForm(initial=indicator_values_at(access.ward, period), indicators=indicators)
    if not access.can_write:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "indicators/values.html",
        {
            "access": access,
            "ward": access.ward,
            "picker": picker,
            "period": period,
            "form": form,
            "imports": recent_imports(access.ward, (IndicatorImporter.name, RegisterImporter.name)),
            FIELD: version,
        },
    )


@ward_view(read=ALL_ROLES)
def indicator_sheet(request: HttpRequest, access: WardAccess) -> HttpResponse:
    period = PeriodForm(request.GET, kind=PeriodKind.MONTH, latest=latest_period(access.ward)).period
    return period_sheet(IndicatorImporter(), access.ward, period, name="chi-tieu")


indicator_upload, indicator_upload_confirm = upload_views(
    IndicatorImporter(),
    namespace="indicators",
    nav="indicators/_nav.html",
    heading=gettext_lazy("Indicators from Excel"),
    download="sheet",
    upload="upload",
    confirm="upload_confirm",
)


register_upload, register_upload_confirm = upload_views(
    RegisterImporter(),
    namespace="indicators",
    nav="indicators/_nav.html",
    heading=gettext_lazy("Documents issued from the register"),
    download="",
    upload="register",
    confirm="register_confirm",
    intro=gettext_lazy(
        "Upload the outgoing-document register (sổ đăng ký văn bản đi) as the document system exports it to "
        "Excel. The documents dated in the range are counted by type from their ký hiệu; copies are not counted. "
        "You will see the counts before anything is saved."
    ),
    form_class=RegisterUploadForm,
)
