"""Sign-in and the steps of a first sign-in (the person's own password, the second factor)."""

from __future__ import annotations

from typing import Any

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .demo_accounts import demo_password_shown
from .forms import OwnConfirmationForm, OwnPasswordForm, SecondFactorForm, SignInForm
from .gate import ENROL_STEP, PASSWORD_STEP, VERIFY_STEP, gate_refresh, gate_step, pending_step, verified
from .second_factor import (
    device_for_code,
    own_confirmation_ok,
    qr_code_data_uri,
    recovery_codes_renew,
    second_factor_enrolled,
    second_factor_required,
    secret_for_typing,
    totp_enrol,
    totp_pending,
    totp_pending_failed,
    totp_pending_forget,
)
from .security import client_address, log_account_event
from .services import password_changed


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"demo_password": demo_password_shown()}

    def form_valid(self, form: SignInForm) -> HttpResponse:
        response = super().form_valid(form)
        if pending_step(self.request) != VERIFY_STEP:
            # AXES_RESET_ON_SUCCESS is off: a right password alone must not wipe the count of wrong codes.
            axes_reset(username=form.get_user().get_username())
        return response


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


def next_step(request: HttpRequest) -> HttpResponse:
    step = pending_step(request)
    target = safe_next(request)
    if step is None:
        return redirect(target)
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(target, step)


@method_decorator(login_required, name="dispatch")
class OwnPasswordView(auth_views.PasswordChangeView):
    """Also the page every first sign-in is sent to; afterwards the person goes where they were heading."""

    form_class = OwnPasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: OwnPasswordForm) -> HttpResponse:
        # Django's form_valid, with the step marked done before the redirect is worked out.
        form.save()
        update_session_auth_hash(self.request, form.user)
        password_changed(user=form.user, address=client_address(self.request))
        gate_refresh(self.request)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self) -> str:
        step = pending_step(self.request)
        if step is not None:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(safe_next(self.request), step)["Location"]
        return safe_next(self.request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"next": self.request.GET.get("next", "")}


own_password = gate_step(PASSWORD_STEP)(OwnPasswordView.as_view())


@gate_step(VERIFY_STEP)
@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in. Wrong codes count with wrong passwords towards the axes lockout."""
    user = request.user
    if verified(request) or not second_factor_enrolled(user):
        return next_step(request)
    credentials = {"username": user.get_username()}
    address = client_address(request)
    if not AxesProxyHandler.is_allowed(request, credentials):
        logout(request)
        return get_lockout_response(request, None, credentials)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        device = device_for_code(user, code)
        if device is not None and django_otp.verify_token(user, device.persistent_id, code) is not None:
            django_otp.login(request, device)
            axes_reset(username=user.get_username())
            gate_refresh(request)
            event = "recovery_code_used" if device.persistent_id.startswith("otp_static") else "second_factor_ok"
            log_account_event(event, actor=user, target=user, address=address)
            return next_step(request)
        log_account_event("second_factor_failed", actor=user, target=user, address=address)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return get_lockout_response(request, None, credentials)
        form.add_error("code", _("This code is not right, or it was already used."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": safe_next(request)})


@gate_step(ENROL_STEP)
@login_required
@require_http_methods(["GET", "POST"])
def otp_enrol(request: HttpRequest) -> HttpResponse:
    """Set up the app: a QR code drawn on the server from a secret kept in the session (a GET writes no
    table), then one right code saves the device and its recovery codes."""
    user = request.user
    if second_factor_enrolled(user):
        return next_step(request)
    device = totp_pending(request.session, user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = totp_enrol(device=device, code=form.cleaned_data["code"], address=client_address(request))
        if codes is not None:
            totp_pending_forget(request.session)
            django_otp.login(request, device)
            axes_reset(username=user.get_username())
            gate_refresh(request)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)})
        totp_pending_failed(request.session, device)
        form.add_error("code", _("This code is not right. Check the time of your phone and try the next code."))
    context = {
        "form": form,
        "qr_code": qr_code_data_uri(device),
        "secret": secret_for_typing(device),
        "required": second_factor_required(user),
        "next": safe_next(request),
    }
    return render(request, "accounts/otp_enrol.html", context)


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The person's own sign-in settings: the second factor, the password."""
    return render(
        request,
        "accounts/security.html",
        {"enrolled": second_factor_enrolled(request.user), "required": second_factor_required(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    """New recovery codes, asked for by their owner once they confirm it is them (a session left open on a
    shared computer must not be enough). Wrong confirmations count towards the axes lockout like wrong codes."""
    user = request.user
    if not second_factor_enrolled(user):
        return redirect("accounts:security")
    credentials = {"username": user.get_username()}
    address = client_address(request)
    if not AxesProxyHandler.is_allowed(request, credentials):
        logout(request)
        return get_lockout_response(request, None, credentials)
    form = OwnConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if own_confirmation_ok(user, form.cleaned_data["confirmation"]):
            codes = recovery_codes_renew(user=user, address=address)
            context = {"codes": codes, "next": reverse("accounts:security")}
            return render(request, "accounts/recovery_codes.html", context)
        log_account_event("recovery_codes_confirmation_failed", actor=user, target=user, address=address)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return get_lockout_response(request, None, credentials)
        form.add_error("confirmation", _("This code or password is not right."))
    return render(request, "accounts/recovery_codes_new.html", {"form": form})
