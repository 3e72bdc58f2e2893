"""Time-based codes from an authenticator app: the second step of a staff sign-in.

A code is accepted for the current 30-second step and one step either side,
for a phone whose clock drifts a little; a step once accepted, and every step
before it, is refused afterwards, so a code seen over a shoulder is worthless.
"""

import datetime

import pyotp
import segno
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Q
from django.utils import timezone

from accounts.models import Account
from staff.models import StaffDevice

DRIFT_STEPS = 1
SESSION_KEY = "two_factor_verified"


def device_to_set_up(account: Account) -> StaffDevice:
    """The account's unconfirmed device, made with a new secret the first time."""
    device, _ = StaffDevice.objects.get_or_create(
        account=account, defaults={"secret": pyotp.random_base32()}
    )
    return device


def confirmed_device(account: Account) -> StaffDevice | None:
    return StaffDevice.objects.filter(
        account=account, confirmed_at__isnull=False
    ).first()


def setup_uri(device: StaffDevice) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    totp = pyotp.TOTP(device.secret)
    return totp.provisioning_uri(
        name=device.account.username, issuer_name=settings.HOMEROOM_DISTRICT_NAME
    )


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup: no image file, nothing from another site."""
    code = segno.make(uri, error="m")
    return str(code.svg_inline(scale=5, title="QR code for your authenticator app"))


def matching_step(secret: str, code: str, at: datetime.datetime) -> int | None:
    """The time step whose code this is, near `at`; None when it matches none."""
    totp = pyotp.TOTP(secret)
    now = totp.timecode(at)
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if pyotp.utils.strings_equal(code, totp.generate_otp(step)):
            return step
    return None


def use_code(device: StaffDevice, code: str) -> bool:
    """Accept a code once: True when it matches a step later than the last one used."""
    step = matching_step(device.secret, code.strip(), timezone.now())
    if step is None:
        return False

    # The update is conditional, so two requests racing with one code
    # cannot both succeed.
    fresh = Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
    taken = StaffDevice.objects.filter(fresh, pk=device.pk).update(last_used_step=step)
    if taken:
        device.last_used_step = step
    return taken == 1


def confirm(device: StaffDevice) -> None:
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at"])


def mark_verified(session: SessionBase, account: Account) -> None:
    session[SESSION_KEY] = account.pk


def is_verified(session: SessionBase, account: Account) -> bool:
    return bool(session.get(SESSION_KEY) == account.pk)
