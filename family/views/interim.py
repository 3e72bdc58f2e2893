"""A family asks the office for an interim progress report, from the child's page."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Account
from family.access import student_for
from office.models import InterimRequest
from records.models import Student

SHOWN_REQUESTS = 5


@login_required
@require_POST
def request_interim(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)
    account = signed_in_account(request)

    delivery = request.POST.get("delivery", "")
    refusal = refusal_for(account, student, delivery)
    if refusal:
        messages.error(request, refusal)
        return back_to_overview(student)

    InterimRequest.objects.create(student=student, account=account, delivery=delivery)
    messages.success(request, confirmation(student, delivery))
    return back_to_overview(student)


def refusal_for(account: Account, student: Student, delivery: str) -> str:
    """Why this request cannot be taken, in words for the family; else nothing."""
    if delivery not in InterimRequest.Delivery.values:
        return _(
            "Choose how the report should reach you: by email or a printed copy "
            "by mail. Then ask again."
        )

    if delivery == InterimRequest.Delivery.EMAIL and not account.email:
        return _(
            "Your account has no email address, so the report cannot be emailed. "
            "Choose a printed copy by mail instead."
        )

    earlier = InterimRequest.objects.filter(
        account=account, student=student, status=InterimRequest.Status.REQUESTED
    ).first()
    if earlier is not None:
        day = date_format(localtime(earlier.created_at), "j M")
        return _(
            "You already asked for an interim report for %(name)s on %(day)s. "
            "The office is preparing it; you can ask again once it has been sent."
        ) % {"name": student.first_name, "day": day}
    return ""


def confirmation(student: Student, delivery: str) -> str:
    if delivery == InterimRequest.Delivery.EMAIL:
        return _(
            "Your request was sent to the office. The interim report for %(name)s "
            "will come by email; its status is shown below."
        ) % {"name": student.first_name}
    return _(
        "Your request was sent to the office. A printed interim report for "
        "%(name)s will come by mail to the home address on file; its status is "
        "shown below."
    ) % {"name": student.first_name}


def interim_requests(request: HttpRequest, student: Student) -> list[InterimRequest]:
    """This account's latest requests for the child, newest first, in one query."""
    return list(
        InterimRequest.objects.filter(
            student=student, account=signed_in_account(request)
        ).order_by("-created_at", "-pk")[:SHOWN_REQUESTS]
    )


def back_to_overview(student: Student) -> HttpResponse:
    return redirect(reverse("family:child", args=[student.public_id]) + "#interim")


def signed_in_account(request: HttpRequest) -> Account:
    assert isinstance(request.user, Account)
    return request.user
