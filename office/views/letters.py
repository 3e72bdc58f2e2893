"""The office issues a letter with a username and a new temporary password."""

from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from office.letters import issue_letter as issue
from office.letters import letter_refusal
from office.models import CredentialLetter
from records.models import Contact, Student
from staff.access import office_account, office_student

RECENT_LETTERS = 10


@login_required
def issue_letter(
    request: HttpRequest, public_id: UUID, contact_id: int
) -> HttpResponse:
    account = office_account(request)
    student = office_student(request, public_id)
    contact = student_contact(student, contact_id)

    refusal = letter_refusal(contact)
    if request.method == "POST" and not refusal:
        assert contact.account is not None
        letter, pdf = issue(account, contact.account, contact)
        return letter_response(letter, pdf)

    context = {
        "staff_tab": "families",
        "student": student,
        "contact": contact,
        "refusal": refusal,
        "letter_days": settings.HOMEROOM_LETTER_PASSWORD_DAYS,
        "letters": earlier_letters(contact),
    }
    status = 409 if request.method == "POST" else 200
    return render(request, "office/issue_letter.html", context, status=status)


def student_contact(student: Student, contact_id: int) -> Contact:
    """One of the student's contacts on file; any other contact is not found."""
    contact = (
        Contact.objects.select_related("account")
        .filter(pk=contact_id, links__student=student)
        .first()
    )
    if contact is None:
        raise Http404
    return contact


def earlier_letters(contact: Contact) -> list[CredentialLetter]:
    if contact.account_id is None:
        return []
    letters = CredentialLetter.objects.filter(account_id=contact.account_id)
    return list(letters.select_related("issued_by")[:RECENT_LETTERS])


def letter_response(letter: CredentialLetter, pdf: bytes) -> HttpResponse:
    """The letter as a download that no browser or proxy keeps."""
    filename = f"sign-in-letter-{letter.pk}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition_header(True, filename),
            "Cache-Control": "no-store",
        },
    )
