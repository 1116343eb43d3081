"""The second factor (django-otp): a TOTP app, and ten single-use recovery codes for a lost phone.

Who must use it: ward leaders, Home Affairs users and administrators; ward staff may choose it. Whoever has
enrolled a device must use it, required or not."""

from __future__ import annotations

import base64
import time
from base64 import b32encode
from datetime import datetime

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from wards.models import Membership, Role

from .demo_accounts import DEMO_USERNAMES
from .security import log_account_event
from .services import sessions_end

RECOVERY_CODES = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"
# The secret being set up lives in the session until the first right code, so that a GET writes no table.
PENDING_SESSION_KEY = "accounts_totp_pending"


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


def totp_pending(session: SessionBase, user: AbstractUser) -> TOTPDevice:
    """The device being set up, never saved: its secret is drawn once per session and kept there, so that a
    reload shows the same QR code; a new session (another sign-in) draws a new one. Its throttling state rides
    along in the session, so wrong codes slow down further guesses as django-otp does for a saved device."""
    pending = session.get(PENDING_SESSION_KEY)
    if not isinstance(pending, dict) or pending.get("user") != user.pk:
        pending = {"user": user.pk, "key": random_hex(20), "failures": 0, "failed_at": None}
        session[PENDING_SESSION_KEY] = pending
    failed_at = pending.get("failed_at")
    return TOTPDevice(
        user=user,
        name=TOTP_NAME,
        key=pending["key"],
        confirmed=False,
        throttling_failure_count=pending.get("failures", 0),
        throttling_failure_timestamp=datetime.fromisoformat(failed_at) if failed_at else None,
    )


def totp_pending_failed(session: SessionBase, device: TOTPDevice) -> None:
    """A wrong first code: counted in the session only (throttle_increment without commit writes no row)."""
    device.throttle_increment(commit=False)
    session[PENDING_SESSION_KEY] = session[PENDING_SESSION_KEY] | {
        "failures": device.throttling_failure_count,
        "failed_at": device.throttling_failure_timestamp.isoformat(),
    }


def totp_pending_forget(session: SessionBase) -> None:
    session.pop(PENDING_SESSION_KEY, None)


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


def _first_code_time_step(device: TOTPDevice, code: str) -> TOTP | None:
    """TOTPDevice.verify_token without its saves: the device is not in the database yet."""
    allowed, _detail = device.verify_is_allowed()
    if not allowed or not code.isdigit():
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp if totp.verify(int(code), device.tolerance) else None


@transaction.atomic
def totp_enrol(*, device: TOTPDevice, code: str, address: str | None) -> list[str] | None:
    """The first right code saves the pending device as confirmed and issues the recovery codes with it, in
    one transaction; a wrong code writes nothing and returns None. The time step of the code is kept (last_t)
    so that the same code cannot then sign in elsewhere."""
    totp = _first_code_time_step(device, code)
    if totp is None:
        return None
    user = device.user
    # Two tabs confirming at once: the second waits and replaces the first, leaving one app device.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    TOTPDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.last_t = totp.t()
    if getattr(settings, "OTP_TOTP_SYNC", True):
        device.drift = totp.drift
    device.throttle_reset(commit=False)
    device.set_last_used_timestamp(commit=False)
    device.full_clean()
    device.save()
    log_account_event("second_factor_enrolled", actor=user, target=user, address=address)
    return recovery_codes_issue(user=user)


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
