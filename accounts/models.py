"""What the portal keeps about an account beyond Django's user: the first-sign-in password rule and why it
was disabled. Users are never deleted (their names sit in every history row); they are deactivated."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DisabledReason(models.TextChoices):
    IDLE = "idle", _("Not used for 45 days")
    MANAGER = "manager", _("Deactivated by the account's manager")


class AccountState(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="account_state", verbose_name=_("user")
    )
    must_change_password = models.BooleanField(
        _("must set a new password"),
        default=False,
        help_text=_("Set for a new account and after a reset: the password was given by someone else."),
    )
    disabled_reason = models.CharField(_("why disabled"), max_length=10, choices=DisabledReason.choices, blank=True)
    # A reactivated account's idle clock starts again here, not at its old last sign-in.
    active_since = models.DateTimeField(_("active since"), null=True, blank=True)

    class Meta:
        verbose_name = _("account state")
        verbose_name_plural = _("account states")

    def __str__(self) -> str:
        return self.user.get_username()
