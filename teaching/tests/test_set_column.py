import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from audit.models import Change
from conftest import TODAY, Cast, Staff, Term, add_assignment, add_score
from gradebook.models import Assignment, Score
from records.models import Enrollment, Student


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def quiz(term: Term) -> Assignment:
    return add_assignment(term.math_q2, "Quiz 3", 20, TODAY, term.tests)


@pytest.fixture
def ben(cast: Cast, term: Term) -> Student:
    ben = Student.objects.create(
        number="100302",
        first_name="Ben",
        last_name="Baker",
        grade=7,
        school=cast.middle,
    )
    Enrollment.objects.create(
        student=ben, section=term.math, start=datetime.date(2026, 8, 31)
    )
    return ben


def fill_url(term: Term, assignment: Assignment) -> str:
    return reverse("teaching:set_column", args=[term.math.public_id, assignment.pk])


def points(assignment: Assignment, student: Student) -> Decimal | None:
    return Score.objects.get(assignment=assignment, student=student).points


def test_every_empty_cell_gets_full_marks(
    cast: Cast, term: Term, quiz: Assignment, ben: Student
) -> None:
    add_score(quiz, cast.sofia, "12")
    add_score(quiz, ben, None, comment="Absent on the day")
    client = cast.client_for(term.teacher)

    response = client.post(fill_url(term, quiz), {"value": "20"}, follow=True)

    assert points(quiz, cast.sofia) == Decimal(12)
    assert points(quiz, cast.lily) == Decimal(20)
    assert points(quiz, ben) == Decimal(20)
    assert Score.objects.get(student=ben).comment == "Absent on the day"
    assert "Quiz 3: 2 empty cells set to 20." in response.content.decode()


def test_every_empty_cell_can_be_marked_missing(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    add_score(quiz, cast.sofia, None, excused=True)
    client = cast.client_for(term.teacher)

    client.post(fill_url(term, quiz), {"value": "M"})

    assert Score.objects.get(student=cast.lily).missing
    sofia = Score.objects.get(student=cast.sofia)
    assert sofia.excused and not sofia.missing


def test_each_filled_cell_is_recorded(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)

    client.post(fill_url(term, quiz), {"value": "20"})

    changes = Change.objects.filter(field="points")
    assert {change.student for change in changes} == {cast.sofia, cast.lily}
    assert {change.actor for change in changes} == {term.teacher}


def test_a_full_column_changes_nothing(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    add_score(quiz, cast.sofia, "12")
    add_score(quiz, cast.lily, "0")
    client = cast.client_for(term.teacher)

    response = client.post(fill_url(term, quiz), {"value": "20"}, follow=True)

    assert "has no empty cells: nothing changed" in response.content.decode()
    assert not Change.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("100", "more than three times"),
        ("", "type a score or a code for the empty cells"),
        ("L", "type a score or a code for the empty cells"),
    ],
)
def test_a_bad_value_changes_nothing(
    cast: Cast, term: Term, quiz: Assignment, value: str, message: str
) -> None:
    client = cast.client_for(term.teacher)

    response = client.post(fill_url(term, quiz), {"value": value}, follow=True)

    assert message in response.content.decode()
    assert not Score.objects.exists()


def test_students_of_other_sections_are_left_alone(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    client = cast.client_for(term.teacher)

    client.post(fill_url(term, quiz), {"value": "20"})

    assert set(Score.objects.values_list("student", flat=True)) == {
        cast.sofia.pk,
        cast.lily.pk,
    }


def test_another_teacher_and_other_roles_cannot_fill(
    cast: Cast, term: Term, staff: Staff, quiz: Assignment
) -> None:
    url = fill_url(term, quiz)

    assert (
        cast.client_for(term.other_teacher).post(url, {"value": "20"}).status_code
        == 404
    )
    for account in [cast.rivera, staff.middle_office]:
        assert cast.client_for(account).post(url, {"value": "20"}).status_code == 403
    assert not Score.objects.exists()


def test_students_not_in_the_class_on_the_due_date_are_left_empty(
    cast: Cast, term: Term, quiz: Assignment, ben: Student
) -> None:
    Enrollment.objects.filter(student=ben).update(dropped_on=TODAY)
    Enrollment.objects.filter(student=cast.lily).update(start=TODAY.replace(day=4))
    client = cast.client_for(term.teacher)

    client.post(fill_url(term, quiz), {"value": "20"})

    assert list(Score.objects.values_list("student", flat=True)) == [cast.sofia.pk]
