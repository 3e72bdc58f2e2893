"""The child's pages make a fixed number of queries, whatever the amount of data."""

import datetime
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.models import AttendanceMark
from conftest import (
    Cast,
    Term,
    add_assignment,
    add_score,
    enroll,
    make_section,
    make_student,
)
from gradebook.models import Category, Gradebook
from records.models import Student, StudentContact

FIRST_DUE = datetime.date(2026, 11, 9)
MOST_QUERIES = 20  # a ceiling as well, so that new queries are noticed


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def add_work(book: Gradebook, student: Student, first: int, last: int) -> None:
    """Graded assignments numbered first to last, some missing, late or excused."""
    categories: list[Category | None] = [*book.categories.all()] or [None]
    for number in range(first, last):
        assignment = add_assignment(
            book,
            f"Assignment {number}",
            10,
            FIRST_DUE + datetime.timedelta(days=number % 24),
            categories[number % len(categories)],
        )
        add_score(
            assignment,
            student,
            str(number % 11),
            missing=number % 5 == 0,
            late=number % 7 == 0,
            excused=number % 9 == 0,
            comment="Good effort." if number % 4 == 0 else "",
        )
    book.touch()


def add_course(cast: Cast, term: Term, student: Student, period: int) -> None:
    section = make_section(f"Elective {period}", cast.middle, term.teacher, period)
    section.marking_periods.set([term.q1, term.q2])
    enroll(section, student)
    book = Gradebook.objects.create(
        section=section, marking_period=term.q2, method="weighted"
    )
    Category.objects.create(gradebook=book, name="Quizzes", weight=Decimal(70))
    Category.objects.create(gradebook=book, name="Practice", weight=Decimal(30))
    add_work(book, student, 0, 25)


def small(cast: Cast, term: Term) -> None:
    """One child on the account; two courses of three assignments each."""
    StudentContact.objects.filter(student=cast.lucas).update(online_access=False)
    add_work(term.math_q2, cast.sofia, 0, 3)
    add_work(term.english_q2, cast.sofia, 0, 3)


def large(cast: Cast, term: Term) -> None:
    """Three children on the account; six courses of 25 assignments, absences."""
    StudentContact.objects.filter(student=cast.lucas).update(online_access=True)
    third = make_student("100103", "Mateo", "Rivera", 6, cast.middle)
    StudentContact.objects.create(student=third, contact=cast.maria)
    enroll(term.math, third)

    add_work(term.math_q2, cast.sofia, 3, 25)
    add_work(term.english_q2, cast.sofia, 3, 25)
    for period in range(4, 8):
        add_course(cast, term, cast.sofia, period)
    for day in range(9, 30):
        AttendanceMark.objects.create(
            student=cast.sofia,
            date=datetime.date(2026, 11, day),
            section=term.math if day % 2 else None,
            code=term.absent if day % 3 else term.tardy,
        )


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    return len(queries)


def counts_at_two_sizes(cast: Cast, term: Term, url: Callable[[], str]) -> list[int]:
    client = cast.client_for(cast.rivera)
    small(cast, term)
    client.get(url())  # the first request also loads the session

    counts = [count_queries(client, url())]
    large(cast, term)
    counts.append(count_queries(client, url()))
    return counts


def test_the_overview(cast: Cast, term: Term) -> None:
    page = reverse("family:child", args=[cast.sofia.public_id])

    fewer, more = counts_at_two_sizes(cast, term, lambda: page)

    assert fewer == more <= MOST_QUERIES


def test_an_earlier_marking_period_on_the_overview(cast: Cast, term: Term) -> None:
    page = reverse("family:child", args=[cast.sofia.public_id])

    fewer, more = counts_at_two_sizes(cast, term, lambda: f"{page}?period={term.q1.pk}")

    assert fewer == more <= MOST_QUERIES


def test_the_course_page(cast: Cast, term: Term) -> None:
    page = reverse("family:course", args=[cast.sofia.public_id, term.math.public_id])

    fewer, more = counts_at_two_sizes(cast, term, lambda: page)

    assert fewer == more <= MOST_QUERIES


def test_missing_work(cast: Cast, term: Term) -> None:
    page = reverse("family:missing", args=[cast.sofia.public_id])

    fewer, more = counts_at_two_sizes(cast, term, lambda: page)

    assert fewer == more <= MOST_QUERIES
