import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from api.tests.helpers import get_json
from attendance.models import AttendanceMark
from conftest import Cast, Term


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def url(cast: Cast) -> str:
    return reverse("api:attendance", kwargs={"child_id": cast.sofia.public_id})


def test_marks_of_the_school_year_newest_first_with_their_meaning(
    cast: Cast, term: Term
) -> None:
    AttendanceMark.objects.create(
        student=cast.sofia, date=datetime.date(2026, 9, 14), code=term.absent
    )
    AttendanceMark.objects.create(
        student=cast.sofia,
        date=datetime.date(2026, 12, 2),
        section=term.math,
        code=term.tardy,
        comment="Bus",
    )
    AttendanceMark.objects.create(
        student=cast.sofia, date=datetime.date(2026, 6, 1), code=term.absent
    )

    answer = get_json(cast.rivera, url(cast))

    assert answer["school_year"]["name"] == "2026-2027"
    assert [mark["date"] for mark in answer["marks"]] == ["2026-12-02", "2026-09-14"]
    assert answer["marks"][0] == {
        "date": "2026-12-02",
        "period": 2,
        "course": "Math 7",
        "code": "T",
        "meaning": "Tardy",
        "kind": "tardy",
        "excused": False,
        "counts_as_absence": False,
        "comment": "Bus",
    }
    assert (answer["marks"][1]["period"], answer["marks"][1]["meaning"]) == (
        None,
        "Absent, unexcused",
    )


def test_no_school_year_no_marks(cast: Cast) -> None:
    assert get_json(cast.rivera, url(cast)) == {"school_year": None, "marks": []}
