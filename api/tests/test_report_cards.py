import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from api.tests.helpers import get_json
from conftest import Cast, Term
from gradebook.changes import post_report_card_grade


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def test_only_grades_whose_posting_date_has_come(cast: Cast, term: Term) -> None:
    post_report_card_grade(
        term.teacher,
        cast.sofia,
        term.math,
        term.q1,
        "B+",
        datetime.date(2026, 11, 13),
        percent=Decimal("88.5"),
        comment="Steady work",
    )
    post_report_card_grade(
        term.other_teacher,
        cast.sofia,
        term.english,
        term.q1,
        "A",
        datetime.date(2026, 12, 4),
    )
    url = reverse("api:report_cards", kwargs={"child_id": cast.sofia.public_id})

    (card,) = get_json(cast.rivera, url)

    assert card["marking_period"]["name"] == "Q1"
    assert card["posted_on"] == "2026-11-13"
    assert card["grades"] == [
        {
            "section_id": str(term.math.public_id),
            "course": "Math 7",
            "teacher": {
                "name": "Rosa Alvarez",
                "email": "ralvarez@schools.example.org",
            },
            "mark": "B+",
            "percent": 88.5,
            "comment": "Steady work",
            "posted_on": "2026-11-13",
        }
    ]


def test_nothing_posted_yet(cast: Cast, term: Term) -> None:
    url = reverse("api:report_cards", kwargs={"child_id": cast.sofia.public_id})

    assert get_json(cast.rivera, url) == []
