"""The API's rate limit, counted in the database like the sign-in limits."""

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from accounts import throttle

SCOPE = "api-account"

if TYPE_CHECKING:
    from rest_framework.views import APIView


class AccountThrottle(BaseThrottle):
    """At most HOMEROOM_API_LIMIT_PER_ACCOUNT requests per throttle window."""

    def allow_request(self, request: Request, view: "APIView") -> bool:
        if request.user.pk is None:
            return True

        key = str(request.user.pk)
        if throttle.is_limited(SCOPE, key, settings.HOMEROOM_API_LIMIT_PER_ACCOUNT):
            return False
        throttle.count(SCOPE, key)
        return True

    def wait(self) -> float:
        return float(settings.HOMEROOM_THROTTLE_MINUTES * 60)
