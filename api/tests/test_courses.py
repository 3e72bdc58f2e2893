import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from api.tests.helpers import get_json
from conftest import Cast, Term, add_assignment, add_score


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def url(cast: Cast) -> str:
    return reverse("api:courses", kwargs={"child_id": cast.sofia.public_id})


def test_each_course_of_the_marking_period_with_its_running_average(
    cast: Cast, term: Term
) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests
    )
    add_score(quiz, cast.sofia, "18")
    homework = add_assignment(
        term.math_q2, "Homework 9", 10, datetime.date(2026, 12, 2), term.homework
    )
    add_score(homework, cast.sofia, missing=True)
    term.math_q2.touch()

    answer = get_json(cast.rivera, url(cast))

    assert answer["marking_period"]["name"] == "Q2"
    math, english = answer["courses"]
    assert (math["course"], math["period"], math["room"]) == ("Math 7", 2, "Room 102")
    assert math["teacher"] == {
        "name": "Rosa Alvarez",
        "email": "ralvarez@schools.example.org",
    }
    assert (math["average"], math["letter"], math["missing_count"]) == (54.0, "F", 1)
    assert math["last_updated"].startswith("2026-12-03T")
    assert (english["average"], english["letter"], english["last_updated"]) == (
        None,
        "",
        None,
    )


def test_work_families_cannot_see_yet_does_not_count(cast: Cast, term: Term) -> None:
    later = add_assignment(
        term.math_q2, "Test 2", 50, datetime.date(2026, 12, 10), term.tests
    )
    add_score(later, cast.sofia, "10")

    (math, _english) = get_json(cast.rivera, url(cast))["courses"]

    assert math["average"] is None


def test_before_any_marking_period_there_are_no_courses(cast: Cast) -> None:
    answer = get_json(cast.rivera, url(cast))

    assert answer == {"marking_period": None, "courses": []}
