"""What the school has on file for a child, and a way to ask for a correction."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Account
from family.access import student_for, student_page
from family.forms import CorrectionRequestForm
from records.models import CorrectionRequest, Student, StudentContact


@login_required
def records(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)
    return render_records(request, student, CorrectionRequestForm(), status=200)


@login_required
@require_POST
def request_correction(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    instance = CorrectionRequest(student=student, account=signed_in_account(request))
    form = CorrectionRequestForm(request.POST, instance=instance)
    if not form.is_valid():
        return render_records(request, student, form, status=400)

    form.save()
    messages.success(
        request,
        _(
            "Your request was sent to the office. The office will check it and "
            "correct the record; its status is shown below."
        ),
    )
    return redirect("family:records", public_id=student.public_id)


def render_records(
    request: HttpRequest, student: Student, form: CorrectionRequestForm, status: int
) -> HttpResponse:
    # Every contact on file for this student is shown, so a family can check
    # them all; which contact signs in with which account is never shown.
    contacts = (
        StudentContact.objects.filter(student=student)
        .select_related("contact")
        .order_by("contact__last_name", "contact__first_name")
    )
    earlier = CorrectionRequest.objects.filter(
        student=student, account=signed_in_account(request)
    )

    context = student_page(request, student, "records")
    context.update({"contacts": contacts, "form": form, "requests": earlier})
    return render(request, "family/records.html", context, status=status)


def signed_in_account(request: HttpRequest) -> Account:
    assert isinstance(request.user, Account)
    return request.user
