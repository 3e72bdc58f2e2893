"""A delta package: only changes, with tobedeleted rows, on top of what is on file."""

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from audit.models import Change
from exchange.importing import import_package
from exchange.problems import Problem
from exchange.summary import Summary
from exchange.tests.packages import Files, handmade
from gradebook.models import Assignment, Score
from records.models import Contact, Enrollment, School, Section, Student

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 3)
STAMP = "2026-12-02T18:00:00.000Z"


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture(autouse=True)
def on_file(tmp_path: Path) -> None:
    assert isinstance(import_package(handmade().write(tmp_path / "bulk")), Summary)


def delta() -> Files:
    """Ben and Maria gone, Ava renamed and in a new class, two grades changed."""
    files = handmade()
    files.only(
        "users.csv", "classes.csv", "enrollments.csv", "lineItems.csv", "results.csv"
    )
    for name in files.modes:
        files.modes[name] = "delta"
    keep = {
        "users.csv": ["STU-1", "STU-2", "PAR-1"],
        "classes.csv": [],
        "enrollments.csv": ["E-2"],
        "lineItems.csv": ["LI-4"],
        "results.csv": ["RS-1", "RS-3"],
    }
    for name, sids in keep.items():
        files.rows[name] = [files.rows[name][0]] + [
            files.rows[name][files.index(name, sid)] for sid in sids
        ]
        for sid in sids:
            files.set(name, sid, status="active", dateLastModified=STAMP)

    for name, sid in [
        ("users.csv", "STU-2"),
        ("users.csv", "PAR-1"),
        ("enrollments.csv", "E-2"),
        ("lineItems.csv", "LI-4"),
        ("results.csv", "RS-1"),
    ]:
        files.set(name, sid, status="tobedeleted")
    files.set("users.csv", "STU-1", familyName="Lopez-Reyes", agentSourcedIds="")
    files.set("results.csv", "RS-3", score="10", late="false")
    files.add(
        "classes.csv",
        sourcedId="CL-SCI",
        status="active",
        dateLastModified=STAMP,
        title="Science 7",
        courseSourcedId="C-MATH",
        classType="scheduled",
        location="Lab 2",
        schoolSourcedId="SCH-1",
        termSourcedIds="GP2",
        periods="5",
    )
    files.add(
        "enrollments.csv",
        sourcedId="E-7",
        status="active",
        dateLastModified=STAMP,
        classSourcedId="CL-SCI",
        schoolSourcedId="SCH-1",
        userSourcedId="STU-1",
        role="student",
        beginDate="2026-11-30",
    )
    return files


@pytest.fixture
def summary(tmp_path: Path) -> Summary:
    outcome = import_package(delta().write(tmp_path / "delta"))
    assert isinstance(outcome, Summary), outcome
    return outcome


def test_a_deleted_student_is_marked_inactive(summary: Summary) -> None:
    assert not Student.objects.get(sourced_id="STU-2").active
    assert summary["students"].removed == 1


def test_a_changed_student_is_updated_in_place(summary: Summary) -> None:
    ava = Student.objects.get(sourced_id="STU-1")

    assert ava.last_name == "Lopez-Reyes"
    assert ava.active
    assert summary["students"].updated == 1


def test_a_deleted_contact_loses_its_links(summary: Summary) -> None:
    maria = Contact.objects.get(sourced_id="PAR-1")

    assert not maria.links.exists()
    assert summary["contacts"].removed == 1


def test_a_deleted_enrollment_ends_today(summary: Summary) -> None:
    assert Enrollment.objects.get(sourced_id="E-2").dropped_on == TODAY


def test_a_new_class_and_enrollment_refer_to_what_is_on_file(
    summary: Summary,
) -> None:
    science = Section.objects.get(sourced_id="CL-SCI")

    assert (science.course.sourced_id, science.room, science.period) == (
        "C-MATH",
        "Lab 2",
        5,
    )
    assert [p.sourced_id for p in science.marking_periods.all()] == ["GP2"]
    enrollment = Enrollment.objects.get(sourced_id="E-7")
    assert (enrollment.section, enrollment.start) == (
        science,
        datetime.date(2026, 11, 30),
    )


def test_deleted_grades_go_and_changed_ones_are_recorded(summary: Summary) -> None:
    worksheet = Score.objects.get(sourced_id="RS-3")

    assert not Score.objects.filter(sourced_id="RS-1").exists()
    assert not Assignment.objects.filter(sourced_id="LI-4").exists()
    assert (worksheet.points, worksheet.late) == (10, False)
    change = Change.objects.get(
        subject="score", object_id=str(worksheet.pk), field="points"
    )
    assert (change.old_value, change.new_value) == ("8.00", "10.00")


def test_what_the_delta_does_not_name_stays(summary: Summary) -> None:
    assert summary["schools"].total == 0
    assert summary["courses"].total == 0
    assert Enrollment.objects.get(sourced_id="E-1").dropped_on is None
    assert School.objects.filter(sourced_id="SCH-1").exists()


def test_the_same_delta_again_changes_nothing(summary: Summary, tmp_path: Path) -> None:
    again = import_package(delta().write(tmp_path / "again"))

    assert isinstance(again, Summary)
    assert not again.changed


def test_a_reference_found_nowhere(tmp_path: Path) -> None:
    files = delta()
    files.set("enrollments.csv", "E-7", classSourcedId="CL-ART")

    outcome = import_package(files.write(tmp_path / "broken"))

    assert outcome == [
        Problem(
            "enrollments.csv",
            3,
            "classSourcedId",
            "'CL-ART' is not in classes.csv or in Homeroom.",
        )
    ]
