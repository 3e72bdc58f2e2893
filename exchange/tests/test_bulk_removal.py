"""A bulk file is the whole set: what it no longer lists is removed or ended."""

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from accounts.models import Account
from audit.models import Change
from exchange.importing import import_package
from exchange.summary import Summary
from exchange.tests.packages import Files, handmade
from gradebook.models import Assignment, Category, Gradebook, Score
from records.models import Contact, Enrollment, Section, Student, StudentContact

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


class Importer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0

    def __call__(self, files: Files) -> Summary:
        self.runs += 1
        outcome = import_package(files.write(self.folder / f"run{self.runs}"))
        assert isinstance(outcome, Summary), outcome
        return outcome


@pytest.fixture
def run(tmp_path: Path) -> Importer:
    importer = Importer(tmp_path)
    importer(handmade())
    return importer


def without_ben() -> Files:
    files = handmade()
    files.drop("users.csv", "STU-2")
    files.drop("roles.csv", "R-STU-2")
    files.drop("enrollments.csv", "E-3")
    files.drop("demographics.csv", "STU-2")
    files.drop("results.csv", "RS-4")
    files.drop("results.csv", "RS-5")
    files.set("users.csv", "PAR-1", agentSourcedIds="")
    return files


def test_a_student_left_off_is_marked_inactive(run: Importer) -> None:
    summary = run(without_ben())

    ben = Student.objects.get(sourced_id="STU-2")
    assert not ben.active
    assert summary["students"].removed == 1
    assert Enrollment.objects.get(sourced_id="E-3").dropped_on == TODAY
    assert not Score.objects.filter(student=ben).exists()
    assert summary["scores"].removed == 2


def test_the_same_smaller_file_again_changes_nothing(run: Importer) -> None:
    run(without_ben())

    assert not run(without_ben()).changed


def test_a_student_listed_again_is_active_again(run: Importer) -> None:
    run(without_ben())
    summary = run(handmade())

    assert Student.objects.get(sourced_id="STU-2").active
    assert summary["students"].updated == 1
    assert Enrollment.objects.get(sourced_id="E-3").dropped_on is None


def test_an_enrollment_left_off_ends_today_and_stays_ended(run: Importer) -> None:
    files = handmade()
    files.drop("enrollments.csv", "E-2")

    assert run(files)["enrollments"].removed == 1
    assert Enrollment.objects.get(sourced_id="E-2").dropped_on == TODAY
    assert run(files)["enrollments"].removed == 0


def test_a_line_item_left_off_is_removed_with_its_scores(run: Importer) -> None:
    files = handmade()
    files.drop("lineItems.csv", "LI-3")
    files.drop("results.csv", "RS-3")
    book = Assignment.objects.get(sourced_id="LI-3").gradebook
    Gradebook.objects.filter(pk=book.pk).update(updated_at=None)

    summary = run(files)

    assert not Assignment.objects.filter(sourced_id="LI-3").exists()
    assert not Score.objects.filter(sourced_id="RS-3").exists()
    assert summary["assignments"].removed == 1
    assert Gradebook.objects.get(pk=book.pk).updated_at is not None
    assert Change.objects.filter(subject="assignment", field="title").exists()


def test_a_result_left_off_is_removed_and_recorded(run: Importer) -> None:
    files = handmade()
    files.drop("results.csv", "RS-1")
    score = Score.objects.get(sourced_id="RS-1")

    summary = run(files)

    assert summary["scores"].removed == 1
    change = Change.objects.get(
        subject="score", object_id=str(score.pk), field="points"
    )
    assert (change.old_value, change.new_value, change.actor) == ("45.00", "", None)
    assert change.student == score.student


def test_a_category_no_longer_used_is_removed(run: Importer) -> None:
    files = handmade()
    files.drop("lineItems.csv", "LI-4")
    files.drop("results.csv", "RS-6")

    summary = run(files)

    q1 = Gradebook.objects.get(marking_period__sourced_id="GP1")
    assert not Category.objects.filter(gradebook=q1).exists()
    assert summary["categories"].removed == 1


def test_a_class_left_off_keeps_its_grades_and_drops_its_students(
    run: Importer,
) -> None:
    files = handmade()
    files.drop("classes.csv", "CL-ENG")
    files.drop("enrollments.csv", "E-2")
    files.drop("enrollments.csv", "E-5")

    summary = run(files)

    assert Section.objects.filter(sourced_id="CL-ENG").exists()
    assert summary["sections"].removed == 1
    assert Enrollment.objects.get(sourced_id="E-2").dropped_on == TODAY


def test_a_teacher_left_off_is_deactivated(run: Importer) -> None:
    files = handmade()
    files.drop("users.csv", "TCH-1")
    files.drop("roles.csv", "R-TCH-1")
    files.drop("enrollments.csv", "E-4")
    files.drop("enrollments.csv", "E-5")

    summary = run(files)

    assert not Account.objects.get(sourced_id="TCH-1").is_active
    assert Section.objects.get(sourced_id="CL-MATH").teacher is None
    assert summary["teachers"].removed == 1


def test_a_parent_keeps_sight_of_the_children_while_on_file(run: Importer) -> None:
    parent = Account.objects.create(username="maria.lopez", kind=Account.Kind.PARENT)
    Contact.objects.filter(sourced_id="PAR-1").update(account=parent)

    run(handmade())

    visible = Student.objects.visible_to(parent)
    assert sorted(student.first_name for student in visible) == ["Ava", "Ben"]


def test_a_parent_gone_from_the_file_loses_sight_of_the_children(
    run: Importer,
) -> None:
    parent = Account.objects.create(username="maria.lopez", kind=Account.Kind.PARENT)
    Contact.objects.filter(sourced_id="PAR-1").update(account=parent)
    files = handmade()
    files.drop("users.csv", "PAR-1")
    files.drop("roles.csv", "R-PAR-1")
    files.set("users.csv", "STU-1", agentSourcedIds="")

    summary = run(files)

    assert not Student.objects.visible_to(parent).exists()
    maria = Contact.objects.get(sourced_id="PAR-1")
    assert maria.account == parent
    assert not StudentContact.objects.filter(contact=maria).exists()
    assert summary["contacts"].removed == 1
    assert summary["contact links"].removed == 2
    assert Account.objects.filter(pk=parent.pk).exists()


def test_a_link_the_file_no_longer_makes_is_removed(run: Importer) -> None:
    files = handmade()
    files.set("users.csv", "PAR-1", agentSourcedIds="")

    summary = run(files)

    maria = Contact.objects.get(sourced_id="PAR-1")
    assert [link.student.first_name for link in maria.links.all()] == ["Ava"]
    assert summary["contact links"].removed == 1
