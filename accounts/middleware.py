"""Session rules that hold for every page a signed-in person opens."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]


class SessionLifetimeMiddleware:
    """End a session 12 hours (a setting) after sign-in, however active it was."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            signed_in_at = float(request.session.get("signed_in_at", 0))
            age = timezone.now().timestamp() - signed_in_at
            if age > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(
                    request, _("Your session has ended. Please sign in again.")
                )
                return redirect("accounts:sign_in")
        return self.get_response(request)


def may_wait(path: str) -> bool:
    """Pages open before the new password is chosen: the choice itself, and leaving."""
    allowed = {reverse("accounts:choose_password"), reverse("accounts:sign_out")}
    prefixes = ["/" + settings.STATIC_URL.lstrip("/")]
    if settings.HOMEROOM_DEMO_MAILBOX:
        prefixes.append("/mailbox/")
    return path in allowed or path.startswith(tuple(prefixes))


class PasswordChangeRequiredMiddleware:
    """Send an account that signed in with a temporary password to choose its own."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        must_change = getattr(user, "must_change_password", False)
        if user.is_authenticated and must_change and not may_wait(request.path):
            return redirect("accounts:choose_password")
        return self.get_response(request)
