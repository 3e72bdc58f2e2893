"""The language a person reads Homeroom in: the switch, and an account's choice.

Before sign-in, LocaleMiddleware picks the language: the switch's cookie, else
the browser's Accept-Language. A signed-in account that chose a language gets
it on every page and in every email, whatever the browser says.
"""

from typing import Literal, cast

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from accounts.models import Account

SameSite = Literal["Lax", "Strict", "None"]
SAMESITE = cast(SameSite, settings.LANGUAGE_COOKIE_SAMESITE)


def is_offered(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def chosen_language(account: object) -> str:
    """The signed-in account's own language, or "" for the browser's choice."""
    if not isinstance(account, Account) or not is_offered(account.language):
        return ""
    return account.language


def keep_language(response: HttpResponse, code: str) -> None:
    """Remember the language in the cookie LocaleMiddleware reads before sign-in."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=SAMESITE,
    )


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language; a signed-in account also keeps the choice."""
    code = request.POST.get("language", "")
    account = request.user
    if isinstance(account, Account) and (code == "" or is_offered(code)):
        save_choice(request, account, code)

    response = set_language(request)
    if code and not is_offered(code):
        # Django has catalogs for more languages than Homeroom offers.
        response.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    elif code == "":
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=SAMESITE,
        )
    return response


def save_choice(request: HttpRequest, account: Account, code: str) -> None:
    account.language = code
    account.save(update_fields=["language"])

    with translation.override(code or browser_language(request)):
        messages.success(request, saved_message(code))


def saved_message(code: str) -> str:
    if not code:
        return _("Homeroom will follow your browser's language.")
    name = dict(settings.LANGUAGES)[code]
    return _("Homeroom will show your pages and emails in %(language)s.") % {
        "language": name
    }


def browser_language(request: HttpRequest) -> str:
    """The language the browser asks for, leaving the switch's cookie aside."""
    bare = HttpRequest()
    bare.META["HTTP_ACCEPT_LANGUAGE"] = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    return translation.get_language_from_request(bare)
