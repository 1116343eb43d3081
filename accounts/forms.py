from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.validators import ASCIIUsernameValidator
from django.utils.translation import gettext_lazy as _

from wards.models import City, Role, SigningTitle, Ward

from .models import AccountState, DisabledReason

DISABLED_MESSAGES = {
    DisabledReason.IDLE: _(
        "This account was disabled because it was not used for 45 days. Ask the person who manages your account "
        "(your ward leader, or the Department of Home Affairs for leaders) to open it again."
    ),
    DisabledReason.MANAGER: _("This account has been deactivated. Ask the person who manages your account."),
}
# Administrators are not exempt from the 45-day rule (ASVS: no dormant accounts), and nobody in the portal
# manages them: another administrator, or whoever runs the server, opens the account again.
ADMIN_IDLE_MESSAGE = _(
    "This administrator account was disabled because it was not used for 45 days. Another administrator opens it "
    "again in the admin (tick “Active”), or someone on the server runs: manage.py reactivate_account USER_NAME."
)


class SignInForm(AuthenticationForm):
    """Django's sign-in form that tells a disabled person why, once they gave the right password."""

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError:
            message = self._disabled_message()
            if message is None:
                raise
            raise forms.ValidationError(message, code="inactive") from None

    def _disabled_message(self) -> str | None:
        if self.request is not None and getattr(self.request, "axes_locked_out", False):
            return None
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not username or not password:
            return None
        user = get_user_model()._default_manager.filter(username=username, is_active=False).first()
        # The reason is told only to someone who knows the password: it says nothing to a guesser.
        if user is None or not user.check_password(password):
            return None
        state = AccountState.objects.filter(user=user).first()
        reason = state.disabled_reason if state and state.disabled_reason else DisabledReason.MANAGER
        if reason == DisabledReason.IDLE and (user.is_staff or user.is_superuser):
            return ADMIN_IDLE_MESSAGE
        return DISABLED_MESSAGES[reason]


class OwnPasswordForm(PasswordChangeForm):
    """The first password a person sets must be theirs: not the one they were given."""

    def clean_new_password1(self) -> str:
        new = self.cleaned_data["new_password1"]
        if self.user.check_password(new):
            raise forms.ValidationError(_("Choose a password different from the one you were given."), code="same")
        return new


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()


class OwnConfirmationForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Code from your app, or your password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )


class AccountCreateForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("Letters, digits, dots or hyphens, e.g. kimtra.nguyenvana."),
        validators=[ASCIIUsernameValidator()],
    )
    last_name = forms.CharField(label=_("Family and middle name"), max_length=150)
    first_name = forms.CharField(label=_("Given name"), max_length=150)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].lower()
        if get_user_model()._default_manager.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is taken."))
        return username


class CityAccountCreateForm(AccountCreateForm):
    role = forms.ChoiceField(label=_("Role"), choices=[(Role.LEADER, Role.LEADER.label), (Role.CITY, Role.CITY.label)])
    ward = forms.ModelChoiceField(label=_("Ward"), queryset=Ward.objects.none(), required=False)
    signing_title = forms.ChoiceField(
        label=_("Signing title"), choices=[("", "---"), *SigningTitle.choices], required=False
    )

    def __init__(self, *args: Any, city: City, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = Ward.objects.filter(city=city)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("role") == Role.LEADER:
            if not data.get("ward"):
                self.add_error("ward", _("Choose the ward."))
            if not data.get("signing_title"):
                self.add_error("signing_title", _("A ward leader needs a signing title."))
        elif data.get("role") == Role.CITY:
            data["ward"] = None
            data["signing_title"] = ""
        return data
