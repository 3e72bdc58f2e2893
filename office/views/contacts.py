"""Correcting a contact on file, and switching a contact's online access."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Account
from audit.record import record_changes, snapshot
from office.forms import CONTACT_FIELDS, ContactForm, OnlineAccessForm
from office.views.corrections import answer_correction
from records.models import CorrectionRequest, Student, StudentContact
from staff.access import office_account, office_student


@login_required
def edit_contact(
    request: HttpRequest, public_id: UUID, contact_id: int
) -> HttpResponse:
    account = office_account(request)
    student = office_student(request, public_id)
    link = student_link(student, contact_id)
    correction = open_correction(request, student)

    # Validating the form writes the new values into the contact, so what was
    # on file is noted first.
    before = snapshot(link.contact, CONTACT_FIELDS)
    form = ContactForm(request.POST or None, instance=link.contact)
    if form.is_valid():
        save_contact(account, form, before, student, correction)
        messages.success(request, f"{link.contact.full_name}'s details were saved.")
        return redirect("office:student", public_id=student.public_id)

    context = {
        "student": student,
        "link": link,
        "form": form,
        "correction": correction,
        "shared_with": link.contact.links.exclude(student=student).count(),
        "staff_tab": "families",
    }
    status = 400 if form.is_bound else 200
    return render(request, "office/contact_form.html", context, status=status)


@login_required
@require_POST
def set_online_access(
    request: HttpRequest, public_id: UUID, contact_id: int
) -> HttpResponse:
    account = office_account(request)
    student = office_student(request, public_id)
    link = student_link(student, contact_id)

    form = OnlineAccessForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Online access was not changed: try the button again.")
        return redirect("office:student", public_id=student.public_id)

    switch_online_access(account, student, link, form.cleaned_data["online_access"])
    state = "on" if link.online_access else "off"
    messages.success(
        request,
        f"Online access for {link.contact.full_name} to {student.first_name}'s "
        f"records is now {state}.",
    )
    return redirect("office:student", public_id=student.public_id)


def student_link(student: Student, contact_id: int) -> StudentContact:
    """This contact as linked to this student; any other contact is not found."""
    return get_object_or_404(
        StudentContact.objects.select_related("contact"),
        student=student,
        contact_id=contact_id,
    )


def open_correction(request: HttpRequest, student: Student) -> CorrectionRequest | None:
    """The open correction request being applied, when the edit came from the queue."""
    correction_id = request.GET.get("correction", "")
    if not correction_id.isdigit():
        return None

    return (
        CorrectionRequest.objects.filter(
            pk=correction_id, student=student, status=CorrectionRequest.Status.OPEN
        )
        .select_related("student")
        .first()
    )


@transaction.atomic
def save_contact(
    actor: Account,
    form: ContactForm,
    before: dict[str, Any],
    student: Student,
    correction: CorrectionRequest | None,
) -> None:
    contact = form.save()
    record_changes(actor, "contact", contact, before, CONTACT_FIELDS, student)

    if correction is not None:
        answer_correction(actor, correction, CorrectionRequest.Status.APPLIED)


@transaction.atomic
def switch_online_access(
    actor: Account, student: Student, link: StudentContact, on: bool
) -> None:
    before = snapshot(link, ["online_access"])
    link.online_access = on
    link.save(update_fields=["online_access"])
    record_changes(actor, "student_contact", link, before, ["online_access"], student)
