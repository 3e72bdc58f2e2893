"""Where printed letters go: home addresses, households and the order of the pile.

Pure functions over plain values: the views load contacts and homerooms in
bulk and hand them over, so every rule here is tested without a database.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from records.models import Contact, Student, StudentContact


@dataclass(frozen=True)
class Recipient:
    """A contact on file for a student, as far as a letter needs one."""

    first_name: str
    last_name: str
    line1: str = ""
    line2: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    account_id: int | None = None
    language: str = ""  # the account's choice; "" when none

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def mailable(self) -> bool:
        """A street line and a town or postal code: enough for the post office."""
        return bool(self.line1.strip() and (self.city.strip() or self.postal_code))

    @property
    def lines(self) -> tuple[str, ...]:
        town = " ".join(
            part for part in [self.city, self.state, self.postal_code] if part
        )
        return tuple(line for line in [self.line1, self.line2, town] if line)


@dataclass(frozen=True)
class Address:
    """A home address and the contacts on file who live there."""

    names: tuple[str, ...]
    lines: tuple[str, ...]
    language: str = ""  # the first choice among the people who live there

    @property
    def addressee(self) -> str:
        if len(self.names) < 2:
            return self.names[0] if self.names else ""
        return _("%(first)s and %(second)s") % {
            "first": self.names[0],
            "second": self.names[1],
        }

    @property
    def mailing_lines(self) -> list[str]:
        """What the envelope's window shows: who, then where."""
        return [self.addressee, *self.lines]


@dataclass(frozen=True)
class Homeroom:
    room: str
    teacher: str

    @property
    def label(self) -> str:
        return ", ".join(part for part in [self.room, self.teacher] if part)


@dataclass(frozen=True)
class Addressed:
    """A student, their homeroom, and every contact on file in the office's order."""

    student: Student
    recipients: tuple[Recipient, ...]
    homeroom: Homeroom | None = None


@dataclass(frozen=True)
class Household:
    """One envelope: a home address and the students whose letters go there."""

    address: Address
    students: tuple[Addressed, ...]


def address_key(lines: Iterable[str]) -> tuple[str, ...]:
    """An address as compared: case, spacing, full stops and commas do not count."""
    words = (re.sub(r"[.,]", " ", line).lower().split() for line in lines)
    return tuple(" ".join(line) for line in words if line)


def home_address(recipients: Sequence[Recipient]) -> Address | None:
    """The first mailable address on file, with every contact who lives there."""
    mailable = [recipient for recipient in recipients if recipient.mailable]
    if not mailable:
        return None

    home = mailable[0]
    key = address_key(home.lines)
    names = dict.fromkeys(
        recipient.name for recipient in mailable if address_key(recipient.lines) == key
    )
    languages = [
        recipient.language
        for recipient in mailable
        if recipient.language and address_key(recipient.lines) == key
    ]
    return Address(tuple(names), home.lines, next(iter(languages), ""))


def name_key(addressed: Addressed) -> tuple[str, str, int]:
    student = addressed.student
    return (student.last_name.lower(), student.first_name.lower(), student.pk)


def households(
    students: Iterable[Addressed],
) -> tuple[list[Household], list[Addressed]]:
    """Students grouped by home address, and those with no mailable address.

    Siblings whose contacts live at the same address share one household, so
    they get one envelope; the order is by student name until sorted otherwise.
    """
    by_key: dict[tuple[str, ...], list[tuple[Address, Addressed]]] = {}
    without = []
    for addressed in sorted(students, key=name_key):
        address = home_address(addressed.recipients)
        if address is None:
            without.append(addressed)
            continue
        by_key.setdefault(address_key(address.lines), []).append((address, addressed))

    return [household(members) for members in by_key.values()], without


def household(members: list[tuple[Address, Addressed]]) -> Household:
    addresses = [address for address, addressed in members]
    names = dict.fromkeys(name for address in addresses for name in address.names)
    languages = [address.language for address in addresses if address.language]
    return Household(
        Address(tuple(names), addresses[0].lines, next(iter(languages), "")),
        tuple(addressed for address, addressed in members),
    )


def homeroom_key(addressed: Addressed) -> tuple[int, str, str]:
    """Students with a homeroom by room and teacher; those without one last."""
    homeroom = addressed.homeroom
    if homeroom is None:
        return (1, "", "")
    return (0, homeroom.room.lower(), homeroom.teacher.lower())


def sorted_by_homeroom(piles: Iterable[Household]) -> list[Household]:
    """Households in homeroom order, each placed with its first student's homeroom.

    Inside a household the students follow the same order, so the first one
    decides where the envelope goes in the pile.
    """
    ordered = [
        Household(
            pile.address,
            tuple(sorted(pile.students, key=lambda a: (homeroom_key(a), name_key(a)))),
        )
        for pile in piles
    ]
    return sorted(
        ordered,
        key=lambda pile: (
            homeroom_key(pile.students[0]),
            name_key(pile.students[0]),
        ),
    )


def sorted_by_family(piles: Iterable[Household]) -> list[Household]:
    """Households by the family name of their students, then the address."""
    return sorted(
        piles,
        key=lambda pile: (name_key(pile.students[0]), address_key(pile.address.lines)),
    )


def recipient(contact: Contact) -> Recipient:
    return Recipient(
        first_name=contact.first_name,
        last_name=contact.last_name,
        line1=contact.address_line1,
        line2=contact.address_line2,
        city=contact.city,
        state=contact.state,
        postal_code=contact.postal_code,
        account_id=contact.account_id,
        language=contact.account.language if contact.account else "",
    )


def recipients_by_student(
    links: Iterable[StudentContact],
) -> dict[int, tuple[Recipient, ...]]:
    """Each student's contacts, in the order the office put them on file.

    Online access does not matter here: a letter goes to the home address
    whether or not the contact signs in.
    """
    by_student: dict[int, list[StudentContact]] = {}
    for link in links:
        by_student.setdefault(link.student_id, []).append(link)
    return {
        student_id: tuple(
            recipient(link.contact) for link in sorted(rows, key=lambda r: r.pk)
        )
        for student_id, rows in by_student.items()
    }


def preferring(
    recipients: Sequence[Recipient], account_id: int | None
) -> tuple[Recipient, ...]:
    """The contacts with this account's own first, the rest in the same order."""
    if account_id is None:
        return tuple(recipients)
    return tuple(sorted(recipients, key=lambda r: r.account_id != account_id))
