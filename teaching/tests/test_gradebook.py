import datetime
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import TODAY, Cast, Staff, Term, add_assignment, add_score, enroll
from gradebook.models import Gradebook
from gradebook.snapshot import course_snapshots
from records.models import Enrollment, Student

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def grid_url(term: Term) -> str:
    return reverse("teaching:gradebook", args=[term.math.public_id, term.q2.pk])


def open_grid(cast: Cast, term: Term) -> str:
    response = cast.client_for(term.teacher).get(grid_url(term))
    assert response.status_code == 200
    return response.content.decode()


def test_the_grid_shows_students_scores_and_averages(cast: Cast, term: Term) -> None:
    quiz = add_assignment(term.math_q2, "Quiz 3", 20, TODAY, term.tests)
    add_score(quiz, cast.sofia, "18")
    add_score(quiz, cast.lily, None, missing=True, late=True)

    page = open_grid(cast, term)

    assert "Chen, Lily" in page and "Rivera, Sofia" in page
    assert page.index("Chen, Lily") < page.index("Rivera, Sofia")
    assert 'value="18"' in page and 'value="M L"' in page
    assert "90.0 %" in page and "0.0 %" in page
    assert "flag-missing flag-late" in page
    assert cast.sofia.number not in page


def test_the_grid_average_is_the_familys_average(cast: Cast, term: Term) -> None:
    quiz = add_assignment(term.math_q2, "Quiz", 20, TODAY, term.tests)
    homework = add_assignment(term.math_q2, "Homework 1", 10, TODAY, term.homework)
    add_score(quiz, cast.sofia, "15")
    add_score(homework, cast.sofia, "9.5", late=True)

    page = open_grid(cast, term)

    family = course_snapshots(cast.sofia, term.q2, TODAY, sections=[term.math])[0]
    assert f"{family.average.percent} %" in page
    assert family.letter == "B"


def test_work_families_cannot_see_yet_is_not_in_the_average(
    cast: Cast, term: Term
) -> None:
    seen = add_assignment(term.math_q2, "Quiz", 10, TODAY, term.tests)
    later = add_assignment(
        term.math_q2, "Test", 10, TODAY + datetime.timedelta(days=7), term.tests
    )
    add_score(seen, cast.sofia, "10")
    add_score(later, cast.sofia, "0")

    page = open_grid(cast, term)

    assert "100.0 %" in page
    assert "Families see it from Dec 7" in page


def test_assignments_show_newest_due_date_first(cast: Cast, term: Term) -> None:
    add_assignment(term.math_q2, "Older", 10, TODAY - datetime.timedelta(days=9))
    add_assignment(term.math_q2, "Newer", 10, TODAY)

    page = open_grid(cast, term)

    assert page.index("Newer") < page.index("Older")


def test_students_in_the_section_during_the_period_only(cast: Cast, term: Term) -> None:
    add_assignment(term.math_q2, "Quiz", 10, TODAY)
    left = Student.objects.create(
        number="100301",
        first_name="Ada",
        last_name="Abbott",
        grade=7,
        school=cast.middle,
    )
    Enrollment.objects.create(
        student=left,
        section=term.math,
        start=datetime.date(2026, 8, 31),
        dropped_on=datetime.date(2026, 10, 1),
    )
    moved = Student.objects.create(
        number="100302",
        first_name="Ben",
        last_name="Baker",
        grade=7,
        school=cast.middle,
    )
    Enrollment.objects.create(
        student=moved,
        section=term.math,
        start=datetime.date(2026, 8, 31),
        dropped_on=datetime.date(2026, 11, 20),
    )

    page = open_grid(cast, term)

    assert "Abbott" not in page
    assert "Baker, Ben" in page and "dropped Nov 20" in page


def test_the_current_period_opens_by_default(cast: Cast, term: Term) -> None:
    url = reverse("teaching:current_gradebook", args=[term.math.public_id])

    response = cast.client_for(term.teacher).get(url)

    assert response["Location"] == grid_url(term)


def test_the_gradebook_is_made_on_first_open(cast: Cast, term: Term) -> None:
    url = reverse("teaching:gradebook", args=[term.math.public_id, term.q1.pk])

    response = cast.client_for(term.teacher).get(url)

    assert response.status_code == 200
    assert Gradebook.objects.get(section=term.math, marking_period=term.q1)


def test_a_period_the_section_does_not_have_is_not_found(
    cast: Cast, term: Term
) -> None:
    term.math.marking_periods.remove(term.q1)
    url = reverse("teaching:gradebook", args=[term.math.public_id, term.q1.pk])

    assert cast.client_for(term.teacher).get(url).status_code == 404


def test_another_teachers_section_is_not_found(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.other_teacher)
    q1 = reverse("teaching:gradebook", args=[term.math.public_id, term.q1.pk])

    assert client.get(grid_url(term)).status_code == 404
    assert client.get(q1).status_code == 404
    assert not Gradebook.objects.filter(marking_period=term.q1).exists()
    url = reverse("teaching:gradebook", args=[uuid.uuid4(), term.q2.pk])
    assert client.get(url).status_code == 404


def test_families_students_and_office_are_refused(
    cast: Cast, term: Term, staff: Staff
) -> None:
    for account in [cast.rivera, cast.lily_account, staff.middle_office]:
        assert cast.client_for(account).get(grid_url(term)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(term: Term) -> None:
    response = Client().get(grid_url(term))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_page_is_not_cached_and_carries_the_codes(cast: Cast, term: Term) -> None:
    add_assignment(term.math_q2, "Quiz", 10, TODAY)

    response = cast.client_for(term.teacher).get(grid_url(term))

    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "Missing: counts as zero" in page and "Shift</kbd>+<kbd>F2" in page
    assert 'name="csrf-token"' in page


def test_the_grid_needs_the_same_queries_for_a_bigger_class(
    cast: Cast, term: Term
) -> None:
    quiz = add_assignment(term.math_q2, "Quiz", 10, TODAY, term.tests)
    client = cast.client_for(term.teacher)
    with CaptureQueriesContext(connection) as small:
        client.get(grid_url(term))

    for index in range(5):
        student = Student.objects.create(
            number=f"1009{index}",
            first_name="Sam",
            last_name=f"Pupil{index}",
            grade=7,
            school=cast.middle,
        )
        enroll(term.math, student)
        add_score(quiz, student, "7")
    with CaptureQueriesContext(connection) as big:
        client.get(grid_url(term))

    assert len(big.captured_queries) == len(small.captured_queries)


def test_the_staff_home_links_each_section_to_its_gradebook(
    cast: Cast, term: Term
) -> None:
    page = cast.client_for(term.teacher).get(reverse("staff:home")).content.decode()

    url = reverse("teaching:current_gradebook", args=[term.math.public_id])
    assert f'href="{url}"' in page


def test_work_without_a_category_is_pointed_out_when_weighted(
    cast: Cast, term: Term
) -> None:
    add_assignment(term.math_q2, "Loose quiz", 10, TODAY)

    page = open_grid(cast, term)

    assert "Not in the average:" in page and "Loose quiz" in page
