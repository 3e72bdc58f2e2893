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


def url(cast: Cast, term: Term) -> str:
    return reverse(
        "api:assignments",
        kwargs={"child_id": cast.sofia.public_id, "section_id": term.math.public_id},
    )


def test_visible_assignments_with_scores_flags_and_comments(
    cast: Cast, term: Term
) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests
    )
    add_score(quiz, cast.sofia, "18", late=True, comment="Well done")
    homework = add_assignment(
        term.math_q2, "Homework 9", 10, datetime.date(2026, 12, 2), term.homework
    )
    add_score(homework, cast.sofia, missing=True)
    add_assignment(term.math_q2, "Homework 10", 10, datetime.date(2026, 12, 9))

    answer = get_json(cast.rivera, url(cast, term))

    assert (answer["course"], answer["average"], answer["letter"]) == (
        "Math 7",
        54.0,
        "F",
    )
    assert [line["title"] for line in answer["assignments"]] == ["Homework 9", "Quiz 1"]
    assert answer["assignments"][1] == {
        "title": "Quiz 1",
        "category": "Tests",
        "assigned_on": "2026-11-28",
        "due_on": "2026-12-01",
        "points_possible": 20.0,
        "points": 18.0,
        "missing": False,
        "late": True,
        "excused": False,
        "incomplete": False,
        "comment": "Well done",
    }
    assert answer["assignments"][0]["missing"] is True


def test_an_assignment_not_scored_yet_has_empty_score_fields(
    cast: Cast, term: Term
) -> None:
    add_assignment(term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests)

    (line,) = get_json(cast.rivera, url(cast, term))["assignments"]

    assert (line["points"], line["missing"], line["excused"], line["comment"]) == (
        None,
        False,
        False,
        "",
    )


def test_another_childs_score_is_not_shown(cast: Cast, term: Term) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests
    )
    add_score(quiz, cast.lily, "5", comment="See me")

    (line,) = get_json(cast.rivera, url(cast, term))["assignments"]

    assert (line["points"], line["comment"]) == (None, "")
