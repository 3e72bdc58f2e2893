"""Two-factor sign-in for the staff side: a code from an authenticator app."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.middleware import Handler, may_wait
from accounts.models import Account
from staff.two_factor import confirmed_device, is_verified


class StaffTwoFactorMiddleware:
    """Until this session has given a code, a staff account sees only the code pages.

    Without a confirmed authenticator the account is sent to set one up; with
    one, to the page that asks for a code. Family and student accounts never
    see either page.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        account = request.user
        if not settings.HOMEROOM_STAFF_TWO_FACTOR or not needs_code(request, account):
            return self.get_response(request)

        assert isinstance(account, Account)
        page = "staff:two_factor_verify"
        if confirmed_device(account) is None:
            page = "staff:two_factor_setup"
        return redirect(with_next(reverse(page), request))


def needs_code(request: HttpRequest, account: object) -> bool:
    if not isinstance(account, Account):
        return False
    if not account.signs_in_with_a_code:
        return False
    if is_verified(request.session, account) or may_wait(request.path):
        return False
    return request.path not in code_pages()


def code_pages() -> set[str]:
    return {reverse("staff:two_factor_setup"), reverse("staff:two_factor_verify")}


def with_next(url: str, request: HttpRequest) -> str:
    """Come back to the page asked for, when it was a plain visit to a page."""
    if request.method != "GET":
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"
