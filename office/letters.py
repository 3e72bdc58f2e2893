"""Credential letters: a username and a new temporary password, mailed home.

The temporary password exists in plain text only inside the PDF that
issue_letter returns: it is stored as a hash, never shown on a page, never
written to a log. The letter goes to the home address on file, never to an
address someone typed, as the district promises families.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import temporary
from accounts.matching import ContactOnFile, names_match
from accounts.models import Account
from office.models import CredentialLetter, CredentialRequest
from outbox.compose import queue_email
from records.models import Contact, Student, StudentContact
from reports.pdf import render_pdf
from staff.access import office_students


class LetterRefused(Exception):
    """No letter can go to this contact; the message says why."""


def has_home_address(contact: Contact) -> bool:
    """A street and a town: enough for the post office to deliver a letter."""
    return bool(contact.address_line1.strip() and contact.city.strip())


def letter_refusal(contact: Contact) -> str:
    """Why no letter can go to this contact, or "" when one can."""
    account = contact.account
    # Letters only reset parents' accounts: a contact row linked to a staff
    # account must never become a way to take that account over.
    if account is None or account.kind != Account.Kind.PARENT:
        return _(
            "%(name)s has no parent portal account yet. Parents create their own "
            "account from the sign-in page with the names the school has on file."
        ) % {"name": contact.full_name}

    if not account.is_active:
        return _("The portal account of %(name)s is switched off.") % {
            "name": contact.full_name
        }

    if not has_home_address(contact):
        return _(
            "There is no home address on file for %(name)s. Add the home address "
            "to the contact first, then issue the letter."
        ) % {"name": contact.full_name}
    return ""


def issue_letter(
    actor: Account,
    account: Account,
    contact: Contact,
    request: CredentialRequest | None = None,
) -> tuple[CredentialLetter, bytes]:
    """Give the account a new temporary password and lay it out as a letter.

    Older temporary passwords stop working; the account's own password keeps
    working until the new temporary password is used.
    """
    refusal = letter_refusal(contact)
    if refusal or contact.account_id != account.pk:
        raise LetterRefused(refusal)

    with transaction.atomic():
        # One letter at a time per account, so two clicks leave one live password.
        Account.objects.select_for_update().filter(pk=account.pk).first()
        code = temporary.issue(account, days=settings.HOMEROOM_LETTER_PASSWORD_DAYS)
        letter = record_letter(actor, account, contact, request)

        if request is not None:
            mark_handled(request, actor, CredentialRequest.Status.LETTER_SENT)
        send_notice(account, contact)

        # Rendered inside the transaction: if the PDF fails, nothing is kept and
        # the parent's earlier letter still works.
        with translation.override(account.language or settings.LANGUAGE_CODE):
            pdf = render_pdf("office/letter_pdf.html", letter_context(letter, code))
    return letter, pdf


def record_letter(
    actor: Account,
    account: Account,
    contact: Contact,
    request: CredentialRequest | None,
) -> CredentialLetter:
    live = account.temporary_passwords.get()
    return CredentialLetter.objects.create(
        account=account,
        contact=contact,
        issued_by=actor,
        issued_at=live.created_at,
        expires_at=live.expires_at,
        request=request,
    )


def send_notice(account: Account, contact: Contact) -> None:
    """Tell the account holder a letter is coming: no secret, only the news."""
    address = account.email or contact.email
    if not address:
        return

    queue_email(
        address,
        "office/email/letter_on_its_way",
        {
            "name": contact.full_name,
            "district_name": settings.HOMEROOM_DISTRICT_NAME,
            "office_phone": settings.HOMEROOM_OFFICE_PHONE,
            "site_url": settings.HOMEROOM_SITE_URL,
        },
        language=account.language,
    )


def sign_in_url() -> str:
    base = settings.HOMEROOM_SITE_URL.rstrip("/") + "/"
    return urljoin(base, reverse("accounts:sign_in").lstrip("/"))


def letter_context(letter: CredentialLetter, code: str) -> dict[str, Any]:
    """What the letter template shows; `code` is the only copy of the password."""
    contact = letter.contact
    assert contact is not None
    return {
        "letter": letter,
        "name": contact.full_name,
        "mailing_address": [contact.full_name, *contact.address_lines],
        "username": letter.account.username,
        "temporary_password": code,
        "expires_at": letter.expires_at,
        "sign_in_url": sign_in_url(),
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
    }


def mark_handled(
    request: CredentialRequest, actor: Account, status: CredentialRequest.Status
) -> None:
    request.status = status
    request.handled_by = actor
    request.handled_at = timezone.now()
    request.save(update_fields=["status", "handled_by", "handled_at"])


def close_request(request: CredentialRequest, actor: Account) -> None:
    mark_handled(request, actor, CredentialRequest.Status.CLOSED)


def visible_requests(account: Account) -> QuerySet[CredentialRequest]:
    """Requests for this office: its schools' students; every one for the district."""
    if account.kind == Account.Kind.DISTRICT:
        return CredentialRequest.objects.all()

    students = (
        office_students(account)
        .active()
        .annotate(key=Lower("number"))
        .filter(key=Lower(Trim(OuterRef("student_number"))))
    )
    return CredentialRequest.objects.filter(Exists(students))


@dataclass(frozen=True)
class Match:
    """A contact on file for the student named in a request, with the same names."""

    student: Student
    link: StudentContact
    refusal: str  # why no letter can go to this contact; "" when one can

    @property
    def contact(self) -> Contact:
        return self.link.contact


@dataclass(frozen=True)
class QueueEntry:
    request: CredentialRequest
    student: Student | None  # None: the student number matches no student
    matches: list[Match]


def queue_entries(
    account: Account, requests: Iterable[CredentialRequest]
) -> list[QueueEntry]:
    """Each request with the student and contacts it matches, in a fixed few queries."""
    requests = list(requests)
    students = students_by_number(account, {key(r.student_number) for r in requests})

    entries = []
    for request in requests:
        student = students.get(key(request.student_number))
        matches = matches_for(request, student) if student else []
        entries.append(QueueEntry(request, student, matches))
    return entries


def key(student_number: str) -> str:
    return student_number.strip().lower()


def students_by_number(account: Account, numbers: set[str]) -> dict[str, Student]:
    links = StudentContact.objects.select_related("contact__account").order_by(
        "contact__last_name", "contact__first_name"
    )
    students = (
        office_students(account)
        .active()
        .annotate(key=Lower("number"))
        .filter(key__in=numbers)
        .select_related("school")
        .prefetch_related(Prefetch("links", queryset=links))
    )
    return {key(student.number): student for student in students}


def matches_for(request: CredentialRequest, student: Student) -> list[Match]:
    """The student's contacts whose names are the ones typed in the request."""
    return [
        Match(student, link, letter_refusal(link.contact))
        for link in student.links.all()
        if names_match(request.first_name, request.last_name, on_file(link))
    ]


def on_file(link: StudentContact) -> ContactOnFile:
    contact = link.contact
    return ContactOnFile(
        key=contact.pk,
        first_name=contact.first_name,
        last_name=contact.last_name,
        email=contact.email,
        online_access=link.online_access,
    )


def request_match(
    account: Account, request: CredentialRequest, contact_id: int
) -> Match | None:
    """The matching contact with this id, if the office may send it a letter."""
    (entry,) = queue_entries(account, [request])
    for match in entry.matches:
        if match.contact.pk == contact_id:
            return match
    return None
