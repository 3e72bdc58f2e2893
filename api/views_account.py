"""On My Account: tokens for apps, and the private calendar link."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Account
from api.models import ApiToken, CalendarFeed

TOKEN_LIMIT = 20  # active tokens per account


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the app or device"),
        max_length=100,
        help_text=gettext_lazy(
            "So you can tell your tokens apart, for example “Phone” or “Tablet”."
        ),
    )


def apps_and_calendar(account: Account) -> dict[str, Any]:
    """What My Account shows about the account's tokens and calendar link."""
    return {
        "api_tokens": ApiToken.objects.filter(account=account).active(),
        "calendar_feed": CalendarFeed.objects.filter(account=account).first(),
        "token_form": TokenForm(),
    }


def family_account(request: HttpRequest) -> Account:
    """Parents and students; the staff side has no tokens or calendar links."""
    account = request.user
    if not isinstance(account, Account) or account.is_school_staff:
        raise PermissionDenied
    return account


def back_to_my_account() -> HttpResponse:
    return redirect(reverse("accounts:my_account") + "#apps")


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    account = family_account(request)

    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _(
                "The token was not made: give it a name of at most 100 characters, "
                "then try again."
            ),
        )
        return back_to_my_account()

    if ApiToken.objects.filter(account=account).active().count() >= TOKEN_LIMIT:
        messages.error(
            request,
            _(
                "You already have %(limit)s tokens. Revoke one you no longer use, "
                "then make a new one."
            )
            % {"limit": TOKEN_LIMIT},
        )
        return back_to_my_account()

    token, key = ApiToken.issue(account, form.cleaned_data["name"])
    context = {"token": token, "key": key}
    return render(request, "api/token_created.html", context)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    account = family_account(request)

    token = get_object_or_404(ApiToken.objects.active(), pk=token_id, account=account)
    token.revoke()

    messages.success(
        request,
        _("The token “%(name)s” is revoked: apps using it can no longer sign in.")
        % {"name": token.name},
    )
    return back_to_my_account()


@login_required
@require_POST
def create_calendar(request: HttpRequest) -> HttpResponse:
    """Make the calendar link, or a new one in place of the old."""
    account = family_account(request)

    replaced = CalendarFeed.objects.filter(account=account).exists()
    _feed, key = CalendarFeed.issue(account)

    address = settings.HOMEROOM_SITE_URL.rstrip("/") + reverse(
        "family:calendar_feed", args=[key]
    )
    context = {
        "address": address,
        "subscribe_address": "webcal://" + address.split("://", 1)[-1],
        "replaced": replaced,
    }
    return render(request, "api/calendar_created.html", context)


@login_required
@require_POST
def stop_calendar(request: HttpRequest) -> HttpResponse:
    account = family_account(request)

    CalendarFeed.objects.filter(account=account).delete()

    messages.success(
        request,
        _(
            "The calendar link is switched off. Calendars that used it will stop "
            "showing due dates once they next refresh."
        ),
    )
    return back_to_my_account()
