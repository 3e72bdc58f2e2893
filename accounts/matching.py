"""Pure rules for matching what a parent typed against the contacts on file."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ContactOnFile:
    """The few facts about a contact that matching needs."""

    key: int
    first_name: str
    last_name: str
    email: str
    online_access: bool


def normalize_name(name: str) -> str:
    """Fold case and accents, squeeze spaces: " José  DE la" -> "jose de la"."""
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(without_accents.casefold().split())


def names_match(first: str, last: str, contact: ContactOnFile) -> bool:
    return normalize_name(first) == normalize_name(contact.first_name) and (
        normalize_name(last) == normalize_name(contact.last_name)
    )


def same_email(left: str, right: str) -> bool:
    return bool(left.strip()) and left.strip().casefold() == right.strip().casefold()


def contact_for_new_account(
    first: str, last: str, contacts: Iterable[ContactOnFile]
) -> ContactOnFile | None:
    """The contact an account may be made for: same names, online access, email."""
    for contact in contacts:
        if (
            names_match(first, last, contact)
            and contact.online_access
            and contact.email
        ):
            return contact
    return None


def contact_for_added_student(
    first: str, last: str, email: str, contacts: Iterable[ContactOnFile]
) -> ContactOnFile | None:
    """The student's contact that is this parent: same names and same email on file."""
    for contact in contacts:
        if (
            names_match(first, last, contact)
            and same_email(email, contact.email)
            and contact.online_access
        ):
            return contact
    return None


def mask_email(address: str) -> str:
    """Show enough of an address to recognise it: jane@x.org -> j•••@x.org."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}"
