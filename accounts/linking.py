"""Adding a further child to a parent's account (My Account, Add Additional Student)."""

from django.db.models import QuerySet

from accounts.matching import ContactOnFile, contact_for_added_student
from accounts.models import Account
from records.models import Contact, Student, StudentContact


def contacts_on_file(links: QuerySet[StudentContact]) -> list[ContactOnFile]:
    """The matching facts of each contact behind these links."""
    return [
        ContactOnFile(
            key=link.contact_id,
            first_name=link.contact.first_name,
            last_name=link.contact.last_name,
            email=link.contact.email,
            online_access=link.online_access,
        )
        for link in links.select_related("contact")
    ]


def identities(account: Account) -> list[tuple[str, str, str]]:
    """The names and email addresses on file for the contacts this account is."""
    contacts = Contact.objects.filter(account=account)
    return [(c.first_name, c.last_name, c.email) for c in contacts]


def add_student(account: Account, student_number: str) -> Student | None:
    """Link the student when one of their contacts is this parent; else None."""
    student = (
        Student.objects.active().filter(number__iexact=student_number.strip()).first()
    )
    if student is None:
        return None

    on_file = contacts_on_file(StudentContact.objects.filter(student=student))
    for first, last, email in identities(account):
        matched = contact_for_added_student(first, last, email, on_file)
        if matched is not None:
            return link_contact(account, matched.key, student)
    return None


def link_contact(
    account: Account, contact_key: int, student: Student
) -> Student | None:
    contact = Contact.objects.get(pk=contact_key)
    if contact.account_id not in (None, account.pk):
        return None

    contact.account = account
    contact.save(update_fields=["account"])
    return student
