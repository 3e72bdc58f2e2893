from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from audit.models import Change
from conftest import TODAY, Cast, Staff, Term, add_assignment, add_score
from gradebook.models import Assignment, Score
from records.models import Student


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def quiz(term: Term) -> Assignment:
    return add_assignment(term.math_q2, "Quiz 3", 20, TODAY, term.tests)


def save_url(term: Term, assignment: Assignment, student: Student) -> str:
    return reverse(
        "teaching:save_score",
        args=[term.math.public_id, assignment.pk, student.public_id],
    )


def save(client: Client, url: str, **fields: str) -> Any:
    return client.post(url, fields)


def test_a_score_is_stored_with_the_new_average(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    homework = add_assignment(term.math_q2, "Homework", 10, TODAY, term.homework)
    add_score(homework, cast.sofia, "10")
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, quiz, cast.sofia), value="15")

    assert response.status_code == 200
    assert response.json() == {
        "text": "15",
        "flags": [],
        "comment": "",
        "average": "85.0",
        "letter": "B",
    }
    score = Score.objects.get(assignment=quiz, student=cast.sofia)
    assert score.points == Decimal(15)


def test_every_save_is_in_the_record_of_changes(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    add_score(quiz, cast.sofia, "12")
    client = cast.client_for(term.teacher)

    save(client, save_url(term, quiz, cast.sofia), value="18L")

    changes = {change.field: change for change in Change.objects.all()}
    assert set(changes) == {"points", "late"}
    assert changes["points"].old_value == "12.00"
    assert changes["points"].new_value == "18"
    assert changes["points"].actor == term.teacher
    assert changes["points"].student == cast.sofia
    term.math_q2.refresh_from_db()
    assert term.math_q2.updated_at is not None


def test_codes_set_the_flags(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)
    url = save_url(term, quiz, cast.lily)

    missing = save(client, url, value="m").json()
    late = save(client, url, value="L").json()

    assert missing["text"] == "M" and missing["average"] == "0.0"
    assert late["text"] == "M L" and late["flags"] == ["missing", "late"]
    excused = save(client, url, value="EX").json()
    assert excused["flags"] == ["excused"] and excused["average"] is None


def test_an_empty_value_clears_the_score_and_keeps_the_comment(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    add_score(quiz, cast.sofia, "18", comment="Good work")
    client = cast.client_for(term.teacher)

    answer = save(client, save_url(term, quiz, cast.sofia), value="").json()

    assert answer["text"] == "" and answer["comment"] == "Good work"
    score = Score.objects.get(assignment=quiz, student=cast.sofia)
    assert score.points is None


def test_a_comment_is_saved_on_its_own(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    add_score(quiz, cast.sofia, "18")
    client = cast.client_for(term.teacher)

    answer = save(client, save_url(term, quiz, cast.sofia), comment=" See me ").json()

    assert answer["comment"] == "See me" and answer["text"] == "18"
    assert Change.objects.get().field == "comment"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("61", "61 is more than three times the 20 points possible"),
        ("-1", "can't be negative"),
        ("Q", "“Q” is not a code"),
        ("abc", "is not a code"),
    ],
)
def test_a_bad_value_is_refused_with_a_message(
    cast: Cast, term: Term, quiz: Assignment, value: str, message: str
) -> None:
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, quiz, cast.sofia), value=value)

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Score.objects.exists() and not Change.objects.exists()


def test_a_long_comment_is_refused(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, quiz, cast.sofia), comment="x" * 501)

    assert response.status_code == 400
    assert "at most 500 characters" in response.json()["error"]


def test_nothing_to_save_is_refused(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, quiz, cast.sofia))

    assert response.status_code == 400


def test_another_teachers_section_is_not_found(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    client = cast.client_for(term.other_teacher)

    response = save(client, save_url(term, quiz, cast.sofia), value="18")

    assert response.status_code == 404
    assert not Score.objects.exists()


def test_an_assignment_of_another_section_is_not_found(cast: Cast, term: Term) -> None:
    essay = add_assignment(term.english_q2, "Essay", 20, TODAY)
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, essay, cast.sofia), value="18")

    assert response.status_code == 404


def test_a_student_not_enrolled_is_not_found(
    cast: Cast, term: Term, quiz: Assignment
) -> None:
    client = cast.client_for(term.teacher)

    response = save(client, save_url(term, quiz, cast.lucas), value="18")

    assert response.status_code == 404
    assert not Score.objects.exists()


def test_families_and_office_are_refused(
    cast: Cast, term: Term, staff: Staff, quiz: Assignment
) -> None:
    url = save_url(term, quiz, cast.sofia)

    for account in [cast.rivera, cast.lily_account, staff.middle_office]:
        assert save(cast.client_for(account), url, value="18").status_code == 403
    assert not Score.objects.exists()


def test_only_posts_are_taken(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)

    assert client.get(save_url(term, quiz, cast.sofia)).status_code == 405


def test_a_save_needs_the_csrf_token(cast: Cast, term: Term, quiz: Assignment) -> None:
    client = cast.client_for(term.teacher)
    client.handler.enforce_csrf_checks = True

    response = save(client, save_url(term, quiz, cast.sofia), value="18")

    assert response.status_code == 403
    assert not Score.objects.exists()
