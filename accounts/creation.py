"""Creating a family account from the names and student number a parent types."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import translation

from accounts import temporary, throttle
from accounts.linking import contacts_on_file
from accounts.matching import contact_for_new_account, mask_email
from accounts.models import Account
from outbox.compose import queue_email
from records.models import Contact, StudentContact


@dataclass(frozen=True)
class Outcome:
    succeeded: bool
    masked_email: str = ""
    username_taken: bool = False
    throttled: bool = False


def create_family_account(
    first: str, last: str, username: str, student_number: str, address: str
) -> Outcome:
    """Match the parent to a contact on file and mail them their sign-in."""
    limits = (
        settings.HOMEROOM_CREATE_LIMIT_PER_ADDRESS,
        settings.HOMEROOM_CREATE_LIMIT_PER_STUDENT,
    )
    if throttle.is_limited("create-address", address, limits[0]) or throttle.is_limited(
        "create-student", student_number.strip(), limits[1]
    ):
        return Outcome(succeeded=False, throttled=True)

    matched = contact_for_new_account(
        first,
        last,
        contacts_on_file(
            StudentContact.objects.filter(
                student__number__iexact=student_number.strip(), student__active=True
            )
        ),
    )
    code = temporary.new_code(settings.HOMEROOM_TEMPORARY_PASSWORD_DIGITS)
    if matched is None:
        make_password(code)  # The same work as a success, so timing tells nothing.
        throttle.count("create-address", address)
        throttle.count("create-student", student_number.strip())
        return Outcome(succeeded=False)

    contact = Contact.objects.select_related("account").get(pk=matched.key)
    if contact.account is not None:
        make_password(code)
        remind_of_username(contact)
        return Outcome(succeeded=True, masked_email=mask_email(contact.email))

    try:
        open_account(contact, username.strip())
    except IntegrityError:
        return Outcome(succeeded=False, username_taken=True)
    return Outcome(succeeded=True, masked_email=mask_email(contact.email))


@transaction.atomic
def open_account(contact: Contact, username: str) -> Account:
    account = Account(
        username=username,
        first_name=contact.first_name,
        last_name=contact.last_name,
        email=contact.email,
        kind=Account.Kind.PARENT,
        must_change_password=True,
        language=request_language(),
    )
    account.set_unusable_password()
    account.save()

    contact.account = account
    contact.save(update_fields=["account"])

    code = temporary.issue(account)
    queue_email(
        contact.email,
        "accounts/email/welcome",
        {"username": account.username, "code": code, **mail_context()},
        holds_secret=True,
        language=account.language,
    )
    return account


def remind_of_username(contact: Contact) -> None:
    assert contact.account is not None
    with transaction.atomic():
        queue_email(
            contact.email,
            "accounts/email/existing_account",
            {"username": contact.account.username, **mail_context()},
            language=contact.account.language,
        )


def request_language() -> str:
    """The language of the page the account was created from, if not the default.

    The new account keeps it, so its emails come in that language until the
    family chooses another on My Account.
    """
    code = translation.get_language() or ""
    offered = code in dict(settings.LANGUAGES) and code != settings.LANGUAGE_CODE
    return code if offered else ""


def mail_context() -> dict[str, object]:
    return {
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
        "site_url": settings.HOMEROOM_SITE_URL,
        "days": settings.HOMEROOM_TEMPORARY_PASSWORD_DAYS,
    }
