"""The same package twice changes nothing; what the office keeps survives."""

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from accounts.models import Account
from exchange.importing import import_package
from exchange.summary import Summary
from exchange.tests.packages import handmade
from gradebook.models import Assignment, Gradebook
from records.models import Contact, School, Section, Student, StudentContact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def run(folder: Path) -> Summary:
    outcome = import_package(handmade().write(folder))
    assert isinstance(outcome, Summary), outcome
    return outcome


def test_the_second_import_changes_nothing(tmp_path: Path) -> None:
    run(tmp_path / "first")
    updated = Gradebook.objects.order_by("pk").values_list("updated_at", flat=True)
    before = list(updated)

    with time_machine.travel("2026-12-04 10:00", tick=False):
        second = run(tmp_path / "second")

    assert not second.changed
    assert all(counts.total == 0 for counts in second.counts.values())
    assert list(updated) == before  # families see no new "last updated"


def test_what_the_office_keeps_survives_a_reimport(tmp_path: Path) -> None:
    run(tmp_path / "first")
    parent = Account.objects.create(username="maria.lopez", kind=Account.Kind.PARENT)
    Contact.objects.filter(sourced_id="PAR-1").update(
        account=parent, address_line1="4 Mill Lane", postal_code="06457"
    )
    StudentContact.objects.filter(student__sourced_id="STU-2").update(
        online_access=False, relationship="mother"
    )
    Section.objects.filter(sourced_id="CL-MATH").update(meeting_days="135")
    School.objects.filter(sourced_id="SCH-1").update(level="high")
    Assignment.objects.filter(sourced_id="LI-1").update(
        visible_from=datetime.date(2026, 11, 18)
    )

    assert not run(tmp_path / "second").changed

    maria = Contact.objects.get(sourced_id="PAR-1")
    assert (maria.account, maria.address_line1) == (parent, "4 Mill Lane")
    ben = StudentContact.objects.get(student__sourced_id="STU-2")
    assert (ben.online_access, ben.relationship) == (False, "mother")
    assert Section.objects.get(sourced_id="CL-MATH").meeting_days == "135"
    assert School.objects.get(sourced_id="SCH-1").level == "high"
    assert Assignment.objects.get(sourced_id="LI-1").visible_from == datetime.date(
        2026, 11, 18
    )


def test_a_blank_email_in_the_file_erases_nothing(tmp_path: Path) -> None:
    run(tmp_path / "first")
    files = handmade()
    files.set("users.csv", "PAR-1", email="", phone="")

    outcome = import_package(files.write(tmp_path / "second"))

    assert isinstance(outcome, Summary) and not outcome.changed
    maria = Contact.objects.get(sourced_id="PAR-1")
    assert (maria.email, maria.phone) == ("maria@example.org", "860-555-0142")


def test_records_made_by_hand_take_their_sourced_id(tmp_path: Path) -> None:
    school = School.objects.create(name="Riverside Middle School", level="middle")
    ava = Student.objects.create(
        number="200101", first_name="Ava", last_name="Lopez", grade=7, school=school
    )
    teacher = Account.objects.create(username="RDiaz", kind=Account.Kind.TEACHER)

    summary = run(tmp_path / "first")

    assert Student.objects.get(sourced_id="STU-1") == ava
    assert Account.objects.get(sourced_id="TCH-1") == teacher
    assert School.objects.get(sourced_id="SCH-1") == school
    assert summary["students"].created == 1
    assert summary["students"].updated == 1


def test_a_dry_run_counts_and_writes_nothing(tmp_path: Path) -> None:
    outcome = import_package(handmade().write(tmp_path / "set"), dry_run=True)

    assert isinstance(outcome, Summary)
    assert outcome.dry_run
    assert outcome["students"].created == 2
    assert not Student.objects.exists()
    assert not School.objects.exists()
