"""The queue of families' requests to correct the contact information on file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Account
from audit.models import Change
from audit.record import record_changes, snapshot
from office.forms import DeclineForm
from records.models import CorrectionRequest, StudentContact
from staff.access import office_account, office_students

ANSWER_FIELDS = ["status", "answered_at"]


@login_required
def corrections(request: HttpRequest) -> HttpResponse:
    account = office_account(request)
    return render_queue(request, account, None, DeclineForm(), status=200)


@login_required
@require_POST
def decline_correction(request: HttpRequest, correction_id: int) -> HttpResponse:
    account = office_account(request)
    correction = get_object_or_404(
        CorrectionRequest.objects.filter(
            student__in=office_students(account)
        ).select_related("student"),
        pk=correction_id,
    )
    if correction.status != CorrectionRequest.Status.OPEN:
        messages.info(request, "That request was already answered.")
        return redirect("office:corrections")

    form = DeclineForm(request.POST)
    if not form.is_valid():
        return render_queue(request, account, correction.pk, form, status=400)

    answer_correction(
        account,
        correction,
        CorrectionRequest.Status.DECLINED,
        form.cleaned_data["note"],
    )
    messages.success(request, "The request was declined.")
    return redirect("office:corrections")


def render_queue(
    request: HttpRequest,
    account: Account,
    declining: int | None,
    decline_form: DeclineForm,
    status: int,
) -> HttpResponse:
    context = {
        "queue": open_corrections(account),
        "declining": declining,
        "decline_form": decline_form,
        "staff_tab": "corrections",
    }
    return render(request, "office/corrections.html", context, status=status)


def open_corrections(account: Account) -> QuerySet[CorrectionRequest]:
    """Open requests for the students within reach, oldest first, with contacts."""
    contacts = StudentContact.objects.select_related("contact").order_by(
        "contact__last_name", "contact__first_name", "pk"
    )
    return (
        CorrectionRequest.objects.filter(
            status=CorrectionRequest.Status.OPEN,
            student__in=office_students(account),
        )
        .select_related("student__school", "account")
        .prefetch_related(Prefetch("student__links", contacts))
        .order_by("created_at", "pk")
    )


@transaction.atomic
def answer_correction(
    actor: Account, correction: CorrectionRequest, status: str, note: str = ""
) -> None:
    """Close the request as applied or declined, and record who did it and why."""
    before = snapshot(correction, ANSWER_FIELDS)
    correction.status = status
    correction.answered_at = timezone.now()
    correction.save(update_fields=ANSWER_FIELDS)

    student = correction.student
    record_changes(
        actor, "correction_request", correction, before, ANSWER_FIELDS, student
    )
    if note:
        Change.objects.create(
            actor=actor,
            student=student,
            subject="correction_request",
            object_id=str(correction.pk),
            field="note",
            new_value=note,
        )
