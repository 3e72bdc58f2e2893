"""Throttles kept in the database, so they hold across workers and machines."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from accounts.models import Attempt


def _key(value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, value.casefold().encode(), hashlib.sha256).hexdigest()


def _window_start() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(
        minutes=settings.HOMEROOM_THROTTLE_MINUTES
    )


def is_limited(scope: str, value: str, limit: int) -> bool:
    """True when `limit` attempts were counted for this value within the window."""
    recent = Attempt.objects.filter(
        scope=scope, key=_key(value), created_at__gte=_window_start()
    )
    return recent.count() >= limit


def count(scope: str, value: str) -> None:
    Attempt.objects.filter(created_at__lt=_window_start()).delete()
    Attempt.objects.create(scope=scope, key=_key(value))


def forget(scope: str, value: str) -> None:
    Attempt.objects.filter(scope=scope, key=_key(value)).delete()
