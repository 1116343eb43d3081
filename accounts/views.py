"""Sign-in and the steps of a first sign-in (the person's own password, the second factor)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from .demo_accounts import demo_password_shown
from .forms import OwnPasswordForm, SignInForm
from .gate import gate_exempt, gate_refresh
from .security import client_address
from .services import password_changed


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"demo_password": demo_password_shown()}


@method_decorator(login_required, name="dispatch")
class OwnPasswordView(auth_views.PasswordChangeView):
    """Also the page every first sign-in is sent to; afterwards the person goes where they were heading."""

    form_class = OwnPasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: OwnPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        password_changed(user=form.user, address=client_address(self.request))
        gate_refresh(self.request)
        messages.success(self.request, _("Your password has been changed."))
        return response

    def get_success_url(self) -> str:
        from django.utils.http import url_has_allowed_host_and_scheme

        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if target and url_has_allowed_host_and_scheme(target, {self.request.get_host()}, self.request.is_secure()):
            return target
        return str(self.success_url)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"next": self.request.GET.get("next", "")}


own_password = gate_exempt(OwnPasswordView.as_view())
