"""Session rules that hold for every page a signed-in person opens."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.language import chosen_language, keep_language

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
    """Pages open before the new password is chosen: the choice, language, leaving."""
    allowed = {
        reverse("accounts:choose_password"),
        reverse("accounts:sign_out"),
        reverse("set_language"),
    }
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


class AccountLanguageMiddleware:
    """Show a signed-in account's pages in the language it chose on My Account.

    Runs after AuthenticationMiddleware, so the account is known, and after
    LocaleMiddleware, whose choice (the switch's cookie, else the browser's
    language) stands for visitors and for accounts that chose none.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = chosen_language(request.user)
        if code:
            translation.activate(code)
            request.LANGUAGE_CODE = code

        response = self.get_response(request)

        # Read again: the page may have just changed the choice. The cookie keeps
        # the sign-in page in the account's language after signing out.
        code = chosen_language(request.user)
        if code and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != code:
            keep_language(response, code)
        return response
