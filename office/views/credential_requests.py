"""The office's queue of "forgot username or password" requests from families."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Account
from office.letters import (
    close_request,
    issue_letter,
    queue_entries,
    request_match,
    visible_requests,
)
from office.models import CredentialRequest
from office.views.letters import letter_response
from staff.access import office_account

RECENTLY_HANDLED = 20


@login_required
def credential_requests(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    requests = visible_requests(account)
    waiting = requests.filter(status=CredentialRequest.Status.OPEN)
    handled = requests.exclude(status=CredentialRequest.Status.OPEN)

    context = {
        "staff_tab": "letters",
        "waiting": queue_entries(account, waiting),
        "handled": handled.select_related("handled_by").order_by("-handled_at")[
            :RECENTLY_HANDLED
        ],
    }
    return render(request, "office/credential_requests.html", context)


def open_request(account: Account, pk: int) -> CredentialRequest:
    """A waiting request this office may answer; any other is not found."""
    return get_object_or_404(
        visible_requests(account), pk=pk, status=CredentialRequest.Status.OPEN
    )


@login_required
@require_POST
def send_letter(request: HttpRequest, pk: int, contact_id: int) -> HttpResponse:
    account = office_account(request)
    credential_request = open_request(account, pk)

    match = request_match(account, credential_request, contact_id)
    if match is None:
        raise Http404
    if match.refusal:
        messages.error(request, match.refusal)
        return redirect("office:credential_requests")

    contact = match.contact
    assert contact.account is not None
    letter, pdf = issue_letter(account, contact.account, contact, credential_request)
    return letter_response(letter, pdf)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    account = office_account(request)
    credential_request = open_request(account, pk)

    close_request(credential_request, account)
    messages.success(request, "The request was closed without a letter.")
    return redirect("office:credential_requests")
