"""The second factor (django-otp): a TOTP app, and ten single-use recovery codes for a lost phone.

Who must use it: ward leaders, Home Affairs users and administrators; ward staff may choose it. Whoever has
enrolled a device must use it, required or not."""

from __future__ import annotations

import base64
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wards.models import Membership, Role

from .demo_accounts import DEMO_USERNAMES
from .security import log_account_event
from .services import sessions_end

RECOVERY_CODES = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def second_factor_required(user: AbstractUser) -> bool:
    if not getattr(settings, "ACCOUNTS_SECOND_FACTOR_REQUIRED", True):
        return False
    demo_exempt = settings.DEBUG and getattr(settings, "ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR", False)
    if demo_exempt and user.get_username() in DEMO_USERNAMES:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return Membership.objects.filter(user=user, role__in=[Role.LEADER, Role.CITY]).exists()


def second_factor_enrolled(user: AbstractUser) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device_pending(user: AbstractUser) -> TOTPDevice:
    """The device being set up: made once and kept until confirmed, so that a reload shows the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    """Drawn here as SVG (no script, no third party sees the secret), shown as an <img> within the CSP."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def secret_for_typing(device: TOTPDevice) -> str:
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def recovery_codes_issue(*, user: AbstractUser) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def recovery_codes_renew(*, user: AbstractUser, address: str | None) -> list[str]:
    """New codes asked for by their owner (the old ones are used up, or were seen): the old ones stop working."""
    codes = recovery_codes_issue(user=user)
    log_account_event("recovery_codes_renewed", actor=user, target=user, address=address)
    return codes


def own_confirmation_ok(user: AbstractUser, confirmation: str) -> bool:
    """The person proves it is them before a change to their own second factor: the six digits their app shows
    now, or their password (which is never six digits: the validators ask for ten characters)."""
    digits = "".join(confirmation.split())
    if digits.isdigit() and len(digits) == 6:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        # verify_token throttles wrong guesses and refuses a code already used.
        return device is not None and device.verify_token(digits)
    return user.check_password(confirmation)


@transaction.atomic
def totp_confirm(*, device: TOTPDevice, address: str | None) -> list[str]:
    """The first right code confirms the device; the recovery codes are issued with it."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    log_account_event("second_factor_enrolled", actor=device.user, target=device.user, address=address)
    return recovery_codes_issue(user=device.user)


def device_for_code(user: AbstractUser, code: str) -> TOTPDevice | StaticDevice | None:
    """Six digits are an app code; anything else is a recovery code."""
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    return model.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def second_factor_reset(*, user: AbstractUser, actor: AbstractUser, address: str | None) -> None:
    """A lost phone: the manager removes the devices and signs the person out everywhere, as a password reset
    does; the person enrols again at the next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    ended = sessions_end(user=user)
    log_account_event(f"second_factor_reset (sessions ended: {ended})", actor=actor, target=user, address=address)
