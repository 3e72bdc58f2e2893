from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from api.tests.helpers import get_json
from conftest import Cast, Term


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def test_sections_by_period_with_room_teacher_and_meeting_days(
    cast: Cast, term: Term
) -> None:
    term.english.meeting_days = "135"
    term.english.save()
    url = reverse("api:schedule", kwargs={"child_id": cast.sofia.public_id})

    answer = get_json(cast.rivera, url)

    assert answer["marking_period"]["name"] == "Q2"
    assert answer["sections"] == [
        {
            "section_id": str(term.math.public_id),
            "course": "Math 7",
            "period": 2,
            "room": "Room 102",
            "teacher": {
                "name": "Rosa Alvarez",
                "email": "ralvarez@schools.example.org",
            },
            "meeting_days": [1, 2, 3, 4, 5],
        },
        {
            "section_id": str(term.english.public_id),
            "course": "English 7",
            "period": 3,
            "room": "Room 103",
            "teacher": {"name": "Sam Brooks", "email": "sbrooks@schools.example.org"},
            "meeting_days": [1, 3, 5],
        },
    ]


def test_a_section_without_a_teacher(cast: Cast, term: Term) -> None:
    term.biology.teacher = None
    term.biology.save()
    url = reverse("api:schedule", kwargs={"child_id": cast.lucas.public_id})

    (biology,) = get_json(cast.rivera, url)["sections"]

    assert biology["teacher"] is None
