"""Temporary numeric passwords: made from a secure source, kept only as a hash."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from accounts.models import Account, TemporaryPassword


def new_code(digits: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def issue(account: Account, days: int | None = None) -> str:
    """Give the account a fresh temporary password and return it, once."""
    code = new_code(settings.HOMEROOM_TEMPORARY_PASSWORD_DIGITS)
    lifetime = datetime.timedelta(
        days=days or settings.HOMEROOM_TEMPORARY_PASSWORD_DAYS
    )

    account.temporary_passwords.all().delete()
    TemporaryPassword.objects.create(
        account=account,
        password_hash=make_password(code),
        expires_at=timezone.now() + lifetime,
    )
    return code


def redeem(account: Account, code: str) -> bool:
    """Use up the temporary password if `code` is it and it has not expired."""
    live = account.temporary_passwords.filter(expires_at__gt=timezone.now())
    for temporary in live:
        if check_password(code, temporary.password_hash):
            account.temporary_passwords.all().delete()
            return True
    return False
