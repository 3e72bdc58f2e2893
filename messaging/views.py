"""A parent's alert and digest choices on My Account, and the stop links in emails."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Account
from family.access import student_for
from messaging.preferences import STOPS, alert_form, digest_form, turn_off
from messaging.unsubscribe import read_choice_token


def parent_account(request: HttpRequest) -> Account:
    """Alerts and the digest are for parents; students and staff have none."""
    account = request.user
    if not isinstance(account, Account) or account.kind != Account.Kind.PARENT:
        raise PermissionDenied
    return account


def back_to_my_account() -> HttpResponse:
    return redirect(reverse("accounts:my_account") + "#alerts")


@login_required
@require_POST
def save_alerts(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)
    account = parent_account(request)

    form = alert_form(account, student, request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _(
                "The alerts for %(name)s were not saved: the threshold must be a "
                "percent from 0 to 100, or empty. Please correct it and save again."
            )
            % {"name": student.first_name},
        )
        return back_to_my_account()

    form.save()
    messages.success(
        request, _("The alerts for %(name)s are saved.") % {"name": student.first_name}
    )
    return back_to_my_account()


@login_required
@require_POST
def save_digest(request: HttpRequest) -> HttpResponse:
    account = parent_account(request)

    form = digest_form(account, request.POST)
    form.is_valid()  # a box ticked or not: nothing to refuse
    preference = form.save()

    if preference.weekly:
        messages.success(request, _("You will get the weekly summary by email."))
    else:
        messages.success(request, _("You will not get the weekly summary."))
    return back_to_my_account()


@require_http_methods(["GET", "POST"])
def stop_choice(request: HttpRequest, token: str) -> HttpResponse:
    """The stop link in an alert or digest: works signed out, one button to press.

    Opening the link changes nothing, because mail scanners open every link in
    a message; the choice is turned off when the button is pressed.
    """
    found = read_choice_token(token)
    if found is None or found[1] not in STOPS:
        raise Http404
    account_id, stop, student_public_id = found

    stopped = request.method == "POST"
    if stopped:
        turn_off(account_id, stop, student_public_id)

    context = {"choice": STOPS[stop], "stopped": stopped}
    return render(request, "messaging/stop_choice.html", context)
