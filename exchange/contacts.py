"""The contacts file: home addresses, phones and online access, which OneRoster lacks.

Its columns are described in exchange/CONTACTS.md. Each row names a student by
number and a contact by name; the contact is found among the student's
contacts by name (or made), then filled in. A blank cell leaves what is on
file as it is.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from exchange.plan import CONTACTS, LINKS
from exchange.problems import Findings, Problem
from exchange.run import Run
from exchange.source import BOM
from exchange.writing import batches, update
from records.models import Contact, Student, StudentContact

COLUMNS = (
    "student_number",
    "first_name",
    "last_name",
    "relationship",
    "email",
    "phone",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "postal_code",
    "online_access",
)
REQUIRED = ("student_number", "first_name", "last_name")
LIMITS = {
    "student_number": 40,
    "first_name": 100,
    "last_name": 100,
    "phone": 40,
    "address_line1": 200,
    "address_line2": 200,
    "city": 100,
    "state": 40,
    "postal_code": 20,
}
FILLED = (
    "email",
    "phone",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "postal_code",
)
RELATIONSHIPS = tuple(StudentContact.Relationship.values)
YES_NO = {"yes": True, "no": False}


@dataclass(slots=True)
class ContactRow:
    line: int
    values: dict[str, str]
    relationship: str
    online_access: bool | None

    @property
    def number(self) -> str:
        return self.values["student_number"]

    @property
    def names(self) -> tuple[str, str]:
        return name_key(self.values["first_name"], self.values["last_name"])


@dataclass
class ContactsFile:
    name: str
    rows: list[ContactRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def name_key(first: str, last: str) -> tuple[str, str]:
    return first.strip().casefold(), last.strip().casefold()


def read_contacts(
    origin: "str | Path | IO[bytes]",
    numbers: set[str] | None = None,
    name: str = "",
) -> ContactsFile:
    """Read and check a contacts file; `numbers` are students a package brings."""
    name = name or (
        Path(origin).name if isinstance(origin, str | Path) else "contacts.csv"
    )
    findings = Findings()
    contacts = ContactsFile(name)
    raw = read_bytes(origin)
    if raw.startswith(BOM):
        findings.warn(
            name,
            0,
            "",
            "The file starts with a byte-order mark. It was read as plain UTF-8.",
        )

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        findings.problem(
            name,
            0,
            "",
            "The file is not UTF-8 text. Save it as CSV UTF-8 and try again.",
        )
    else:
        contacts.rows = read_rows(name, text, findings)
        check_students(name, contacts.rows, numbers or set(), findings)
    contacts.problems = sorted(findings.problems, key=lambda problem: problem.line)
    contacts.warnings = findings.warnings
    return contacts


def read_bytes(origin: "str | Path | IO[bytes]") -> bytes:
    if isinstance(origin, str | Path):
        return Path(origin).read_bytes()
    return origin.read()


def read_rows(name: str, text: str, findings: Findings) -> list[ContactRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader, [])]
    missing = [column for column in REQUIRED if column not in header]
    for column in missing:
        findings.problem(name, 1, column, "This column is missing from the header.")
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        findings.warn(
            name,
            1,
            "",
            f"Columns {', '.join(unknown)} are not contact columns. They were ignored.",
        )
    if missing:
        return []

    rows: list[ContactRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        line = reader.line_num
        if len(values) != len(header):
            findings.problem(
                name,
                line,
                "",
                f"This row has {len(values)} fields but the header has {len(header)}.",
            )
            continue
        row = read_row(name, line, dict(zip(header, values, strict=True)), findings)
        if row is None:
            continue
        key = (row.number, *row.names)
        if key in seen:
            findings.problem(
                name,
                line,
                "first_name",
                f"This contact is already on line {seen[key]} for this student.",
            )
            continue
        seen[key] = line
        rows.append(row)
    return rows


def read_row(
    name: str, line: int, raw: dict[str, str], findings: Findings
) -> ContactRow | None:
    before = len(findings.problems)
    values = {column: raw.get(column, "").strip() for column in COLUMNS}
    for column in REQUIRED:
        if not values[column]:
            findings.problem(
                name, line, column, "This column is required, but it is blank."
            )
    for column, limit in LIMITS.items():
        if len(values[column]) > limit:
            findings.problem(
                name,
                line,
                column,
                f"This value is longer than the {limit} characters Homeroom keeps.",
            )
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            findings.problem(
                name, line, "email", f"{values['email']!r} is not an email address."
            )

    relationship = values["relationship"].lower()
    if relationship and relationship not in RELATIONSHIPS:
        findings.problem(
            name,
            line,
            "relationship",
            f"{values['relationship']!r} is not a relationship: use "
            f"{', '.join(RELATIONSHIPS)}.",
        )
    online = values["online_access"].lower()
    if online and online not in YES_NO:
        findings.problem(
            name,
            line,
            "online_access",
            "Online access must be yes or no (or blank to leave it as it is).",
        )
    if len(findings.problems) > before:
        return None
    return ContactRow(line, values, relationship, YES_NO.get(online))


def check_students(
    name: str, rows: list[ContactRow], numbers: set[str], findings: Findings
) -> None:
    wanted = sorted({row.number for row in rows} - numbers)
    on_file: set[str] = set()
    for part in batches(wanted):
        on_file.update(
            Student.objects.filter(number__in=part).values_list("number", flat=True)
        )
    for row in rows:
        if row.number not in numbers and row.number not in on_file:
            findings.problem(
                name,
                row.line,
                "student_number",
                f"No student with number {row.number} is on file in Homeroom or in "
                "the OneRoster package.",
            )


class ContactWriter:
    """Applies a checked contacts file inside the import's transaction."""

    def __init__(self, run: Run, contacts: ContactsFile) -> None:
        self.run = run
        self.file = contacts
        self.students = self.student_ids()
        self.links = self.links_by_student()
        self.households: dict[tuple[str, str, str], Contact] = {}
        self.changed_contacts: dict[int, tuple[Contact, dict[str, Any], int]] = {}
        self.changed_links: dict[int, tuple[StudentContact, dict[str, Any]]] = {}

    def student_ids(self) -> dict[str, int]:
        numbers = sorted({row.number for row in self.file.rows})
        found: dict[str, int] = {}
        for part in batches(numbers):
            found.update(
                Student.objects.filter(number__in=part).values_list("number", "pk")
            )
        return found

    def links_by_student(self) -> dict[int, list[StudentContact]]:
        links: dict[int, list[StudentContact]] = {}
        for part in batches(sorted(set(self.students.values()))):
            for link in (
                StudentContact.objects.filter(student_id__in=part)
                .select_related("contact")
                .order_by("pk")
            ):
                links.setdefault(link.student_id, []).append(link)
        return links

    def write(self) -> None:
        for row in self.file.rows:
            student = self.students[row.number]
            link = self.find_link(student, row)
            if link is None:
                self.add_link(student, row)
            else:
                self.fill(link.contact, row, student)
                self.set_link(link, row)
            self.run.meter.advance()
        self.save()

    def find_link(self, student: int, row: ContactRow) -> StudentContact | None:
        for link in self.links.get(student, []):
            if name_key(link.contact.first_name, link.contact.last_name) == row.names:
                return link
        return None

    def add_link(self, student: int, row: ContactRow) -> None:
        """A contact new to this student: the same person as a sibling's, or new."""
        contact = self.household_contact(row)
        if contact is None:
            values = {column: row.values[column] for column in FILLED}
            contact = Contact.objects.create(
                first_name=row.values["first_name"],
                last_name=row.values["last_name"],
                **values,
            )
            self.run.summary[CONTACTS].created += 1
        else:
            self.fill(contact, row, student)
        self.remember(contact)

        link = StudentContact.objects.create(
            student_id=student,
            contact=contact,
            relationship=row.relationship or StudentContact.Relationship.GUARDIAN,
            online_access=True if row.online_access is None else row.online_access,
        )
        self.links.setdefault(student, []).append(link)
        self.run.summary[LINKS].created += 1

    def household_contact(self, row: ContactRow) -> Contact | None:
        """A contact of the same name and email or street address, met already."""
        for key in household_keys(row.values):
            if key in self.households:
                return self.households[key]
        email = row.values["email"]
        if email:
            first, last = row.values["first_name"], row.values["last_name"]
            return (
                Contact.objects.filter(
                    first_name__iexact=first,
                    last_name__iexact=last,
                    email__iexact=email,
                )
                .order_by("pk")
                .first()
            )
        return None

    def remember(self, contact: Contact) -> None:
        values = {column: getattr(contact, column) for column in FILLED}
        values |= {"first_name": contact.first_name, "last_name": contact.last_name}
        for key in household_keys(values):
            self.households.setdefault(key, contact)

    def fill(self, contact: Contact, row: ContactRow, student: int) -> None:
        """The file's values where it has them; a blank cell changes nothing."""
        wanted = {column: row.values[column] for column in FILLED if row.values[column]}
        before = {
            name: getattr(contact, name)
            for name, value in wanted.items()
            if getattr(contact, name) != value
        }
        if not before:
            return
        for name in before:
            setattr(contact, name, wanted[name])
        kept = self.changed_contacts.get(contact.pk)
        merged = before if kept is None else {**before, **kept[1]}
        self.changed_contacts[contact.pk] = (contact, merged, student)

    def set_link(self, link: StudentContact, row: ContactRow) -> None:
        wanted: dict[str, Any] = {}
        if row.relationship:
            wanted["relationship"] = row.relationship
        if row.online_access is not None:
            wanted["online_access"] = row.online_access
        before = {
            name: getattr(link, name)
            for name, value in wanted.items()
            if getattr(link, name) != value
        }
        if before:
            for name in before:
                setattr(link, name, wanted[name])
            self.changed_links[link.pk] = (link, before)

    def save(self) -> None:
        contacts = [contact for contact, _, _ in self.changed_contacts.values()]
        update(Contact, contacts, FILLED)
        for contact, before, student in self.changed_contacts.values():
            self.run.log.changed("contact", contact, before, student)
        links = [link for link, _ in self.changed_links.values()]
        update(StudentContact, links, ["relationship", "online_access"])
        for link, before in self.changed_links.values():
            self.run.log.changed("student_contact", link, before, link.student_id)
        self.run.summary[CONTACTS].updated += len(contacts)
        self.run.summary[LINKS].updated += len(links)


def household_keys(values: dict[str, str]) -> list[tuple[str, str, str]]:
    first, last = name_key(values["first_name"], values["last_name"])
    keys = []
    if values.get("email"):
        keys.append((first, last, "email:" + values["email"].casefold()))
    if values.get("address_line1") and values.get("postal_code"):
        street = values["address_line1"].casefold() + "|" + values["postal_code"]
        keys.append((first, last, "street:" + street))
    return keys
