"""The contacts file: addresses, phones and online access, which OneRoster lacks."""

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from audit.models import Change
from exchange.contacts import COLUMNS, read_contacts
from exchange.importing import import_contacts, import_package
from exchange.problems import Problem
from exchange.summary import Summary
from exchange.tests.packages import handmade
from records.models import Contact, Student, StudentContact

pytestmark = pytest.mark.django_db
TEMPLATE = (
    Path(__file__).resolve().parents[1]
    / "templates"
    / "exchange"
    / "contacts_template.csv"
)
HEADER = ",".join(COLUMNS)
MARIA = "200101,Maria,Lopez,mother,,,4 Mill Lane,Apt 2,Middletown,CT,06457,yes"
MARIA_FOR_BEN = "200102,maria,LOPEZ,,,,,,,,,no"
GRANDPA = "200101,Luis,Reyes,grandparent,luis@example.org,860-555-0199,,,,,,no"


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def contacts_file(folder: Path, *lines: str, header: str = HEADER) -> Path:
    path = folder / "contacts.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def import_both(folder: Path, *lines: str) -> Summary:
    package = handmade().write(folder / "set")
    outcome = import_package(package, contacts=contacts_file(folder, *lines))
    assert isinstance(outcome, Summary), outcome
    return outcome


def test_the_template_has_the_documented_columns() -> None:
    with TEMPLATE.open(newline="", encoding="utf-8") as template:
        assert next(csv.reader(template)) == list(COLUMNS)


def test_it_fills_the_address_of_a_contact_from_oneroster(tmp_path: Path) -> None:
    summary = import_both(tmp_path, MARIA)

    maria = Contact.objects.get(sourced_id="PAR-1")
    assert maria.address_lines == ["4 Mill Lane", "Apt 2", "Middletown CT 06457"]
    assert maria.email == "maria@example.org"  # a blank cell changes nothing
    link = StudentContact.objects.get(contact=maria, student__number="200101")
    assert (link.relationship, link.online_access) == ("mother", True)
    assert summary["contacts"].created == 2  # from OneRoster: Maria and Sam
    assert summary["contact links"].updated == 1


def test_it_switches_online_access_for_one_student(tmp_path: Path) -> None:
    import_both(tmp_path, MARIA, MARIA_FOR_BEN)

    maria = Contact.objects.get(sourced_id="PAR-1")
    access = dict(maria.links.values_list("student__number", "online_access"))
    assert access == {"200101": True, "200102": False}


def test_a_new_contact_is_made_and_linked(tmp_path: Path) -> None:
    summary = import_both(tmp_path, GRANDPA)

    luis = Contact.objects.get(first_name="Luis")
    link = luis.links.get()
    assert (luis.sourced_id, luis.phone) == (None, "860-555-0199")
    assert (link.student.number, link.relationship, link.online_access) == (
        "200101",
        "grandparent",
        False,
    )
    assert summary["contacts"].created == 3
    assert summary["contact links"].created == 3


def test_siblings_share_a_new_contact_of_the_same_email(tmp_path: Path) -> None:
    import_both(tmp_path, GRANDPA, GRANDPA.replace("200101", "200102", 1))

    luis = Contact.objects.get(first_name="Luis")
    assert sorted(luis.links.values_list("student__number", flat=True)) == [
        "200101",
        "200102",
    ]


def test_what_it_fills_survives_a_reimport_of_oneroster(tmp_path: Path) -> None:
    import_both(tmp_path, MARIA, MARIA_FOR_BEN)

    again = import_package(handmade().write(tmp_path / "again"))

    assert isinstance(again, Summary) and not again.changed
    maria = Contact.objects.get(sourced_id="PAR-1")
    assert maria.address_line1 == "4 Mill Lane"
    ben = StudentContact.objects.get(contact=maria, student__number="200102")
    assert not ben.online_access


def test_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    import_both(tmp_path, MARIA, GRANDPA)

    outcome = import_contacts(contacts_file(tmp_path, MARIA, GRANDPA))

    assert isinstance(outcome, Summary)
    assert not outcome.changed


def test_changes_are_recorded(tmp_path: Path) -> None:
    import_both(tmp_path, MARIA)
    maria = Contact.objects.get(sourced_id="PAR-1")

    change = Change.objects.get(
        subject="contact", object_id=str(maria.pk), field="address_line1"
    )
    assert (change.old_value, change.new_value) == ("", "4 Mill Lane")
    assert change.student == Student.objects.get(number="200101")


def test_every_problem_is_placed_and_nothing_written(tmp_path: Path) -> None:
    package = handmade().write(tmp_path / "set")
    bad = contacts_file(
        tmp_path,
        "200101,Maria,Lopez,aunt,not-an-email,,,,,,,maybe",
        "999999,Nobody,Here,,,,,,,,,",
        ",Maria,Lopez,,,,,,,,,",
    )

    outcome = import_package(package, contacts=bad)

    assert outcome == [
        Problem(
            "contacts.csv",
            2,
            "email",
            "'not-an-email' is not an email address.",
        ),
        Problem(
            "contacts.csv",
            2,
            "relationship",
            "'aunt' is not a relationship: use mother, father, guardian, "
            "grandparent, other.",
        ),
        Problem(
            "contacts.csv",
            2,
            "online_access",
            "Online access must be yes or no (or blank to leave it as it is).",
        ),
        Problem(
            "contacts.csv",
            3,
            "student_number",
            "No student with number 999999 is on file in Homeroom or in the "
            "OneRoster package.",
        ),
        Problem(
            "contacts.csv",
            4,
            "student_number",
            "This column is required, but it is blank.",
        ),
    ]
    assert not Student.objects.exists()


def test_a_missing_required_column(tmp_path: Path) -> None:
    path = contacts_file(tmp_path, "200101,Maria", header="student_number,first_name")

    contacts = read_contacts(path)

    assert contacts.problems == [
        Problem(
            "contacts.csv", 1, "last_name", "This column is missing from the header."
        )
    ]


def test_a_byte_order_mark_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "\n").encode())

    contacts = read_contacts(path)

    assert contacts.problems == []
    assert "byte-order mark" in contacts.warnings[0].message
