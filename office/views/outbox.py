"""The outbox for the office: what waits, what went, what failed, and a retry."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Account
from outbox.delivery import retry as put_back
from outbox.models import Message
from records.models import Contact
from staff.access import office_account

SHOWN = 100


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    visible = outbox_for(account)
    waiting = visible.filter(status=Message.Status.WAITING)
    failed = visible.filter(status=Message.Status.FAILED)
    sent = visible.filter(status=Message.Status.SENT)

    context = {
        "waiting": waiting.order_by("next_attempt_at", "pk")[:SHOWN],
        "waiting_count": waiting.count(),
        "failed": failed.order_by("-created_at", "-pk")[:SHOWN],
        "failed_count": failed.count(),
        "sent": sent.order_by("-sent_at", "-pk")[:SHOWN],
        "shown": SHOWN,
        "max_attempts": settings.OUTBOX_MAX_ATTEMPTS,
        "staff_tab": "outbox",
    }
    return render(request, "office/outbox.html", context)


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    account = office_account(request)

    message = get_object_or_404(outbox_for(account), pk=pk)
    if put_back(message):
        messages.success(request, "The email is back in the outbox; it goes out next.")
    else:
        messages.info(request, "This email had not failed, so it was left as it is.")
    return redirect("office:outbox")


def outbox_for(account: Account) -> QuerySet[Message]:
    """District administrators see every email; a school's office, its families'."""
    everything = Message.objects.all()
    if account.kind == Account.Kind.DISTRICT:
        return everything
    if account.kind != Account.Kind.STAFF or not account.school_id:
        return everything.none()

    to_school = addressed_to_school(account.school_id)
    return everything.alias(address=Lower("to")).filter(to_school)


def addressed_to_school(school_id: int) -> Q:
    """Sent to a school's contacts, its families' and students' accounts, its staff."""
    contacts = Contact.objects.filter(students__school_id=school_id)
    accounts = Account.objects.filter(
        Q(contacts__students__school_id=school_id)
        | Q(student_record__school_id=school_id)
        | Q(school_id=school_id)
    )
    return Q(address__in=contacts.values(address=Lower("email"))) | Q(
        address__in=accounts.values(address=Lower("email"))
    )
