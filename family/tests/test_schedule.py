import datetime
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, Term, make_section
from records.models import Enrollment, Section

MONDAY, TUESDAY, WEDNESDAY = 0, 1, 2


def url(public_id: uuid.UUID) -> str:
    return reverse("family:schedule", args=[public_id])


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def titles(cell: list[Section]) -> list[str]:
    return [section.course.title for section in cell]


def test_math_shows_on_the_days_it_meets_and_not_others(cast: Cast, term: Term) -> None:
    term.math.meeting_days = "135"
    term.math.save()

    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    rows = {row.period: row.cells for row in response.context["rows"]}
    assert titles(rows[2][MONDAY]) == ["Math 7"]
    assert titles(rows[2][TUESDAY]) == []
    assert titles(rows[2][WEDNESDAY]) == ["Math 7"]
    assert all(titles(cell) == ["English 7"] for cell in rows[3])


def test_days_are_monday_to_friday_of_this_week(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))
    page = response.content.decode()

    assert response.context["days"][0] == datetime.date(2026, 11, 30)
    assert '<th scope="col" aria-current="date">Thursday</th>' in page
    assert '<th scope="row">2</th>' in page


def test_room_and_teacher_email(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Room 102" in page
    assert 'href="mailto:ralvarez@schools.example.org"' in page
    assert "Rosa Alvarez" in page


def test_only_this_childs_classes(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Biology" not in page


def test_a_dropped_class_is_not_on_the_schedule(cast: Cast, term: Term) -> None:
    Enrollment.objects.filter(student=cast.sofia, section=term.english).update(
        dropped_on=datetime.date(2026, 11, 20)
    )

    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "English 7" not in page
    assert "Math 7" in page


def test_a_class_of_another_marking_period_is_not_on_the_schedule(
    cast: Cast, term: Term
) -> None:
    art = make_section("Art", cast.middle, term.teacher, 4, term.q1)
    Enrollment.objects.create(
        student=cast.sofia, section=art, start=datetime.date(2026, 8, 31)
    )

    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert titles(response.context["sections"]) == ["Math 7", "English 7"]


def test_the_week_table_scrolls_in_a_labelled_region(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert 'role="region" aria-labelledby="week-heading" tabindex="0"' in page


def test_a_student_sees_their_own_schedule(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.lily_account).get(url(cast.lily.public_id))

    assert response.status_code == 200
    assert "Math 7" in response.content.decode()


def test_without_classes_the_page_says_so(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response.status_code == 200
    assert "No classes are on the schedule" in response.content.decode()


def test_the_page_is_not_cached(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404
