import datetime
import re
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from conftest import Cast, Term, add_assignment, add_score
from family.tests.sofia_grades import Graded, grade_sofia
from family.views.course import category_groups, plain_number
from gradebook.models import Category
from gradebook.snapshot import course_snapshots
from records.models import Section, Student


def url(student: Student, section: Section) -> str:
    return reverse("family:course", args=[student.public_id, section.public_id])


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def row(html: str, title: str) -> str:
    """The table row of one assignment, as text."""
    start = html.index(f">{title}</th>") + 1
    return text(html[start : html.index("</tr>", start)])


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def graded(cast: Cast, term: Term) -> Graded:
    return grade_sofia(cast, term)


@pytest.fixture
def math_page(cast: Cast, term: Term, graded: Graded) -> str:
    response = cast.client_for(cast.rivera).get(url(cast.sofia, term.math))

    assert response.status_code == 200
    return response.content.decode()


def test_the_header_names_the_teacher_with_an_email_link(math_page: str) -> None:
    page = text(math_page)

    assert "Math 7 Teacher Rosa Alvarez" in page
    assert 'href="mailto:ralvarez@schools.example.org"' in math_page
    assert "Period 2 Room Room 102 Marking period Q2" in page
    assert "Gradebook updated 28 Nov 2026" in page


def test_the_weighted_average_is_explained_category_by_category(
    math_page: str,
) -> None:
    page = text(math_page)

    assert "Running average 70.0 % C" in page
    assert "grades by weighted categories" in page
    assert "Tests weight 60 % 45 / 50 90.0 % 60.0 %" in page
    assert "Homework weight 40 % 8 / 20 40.0 % 40.0 %" in page


def test_what_missing_work_costs_is_stated(math_page: str) -> None:
    page = text(math_page)

    assert "1 assignment is missing and counts as zero." in page
    assert (
        "Missing work lowers this average by 16.0 points: "
        "it would be 86.0 % without it." in page
    )


def test_the_rounding_rule_is_stated(math_page: str) -> None:
    assert "rounded to one decimal place, halves up" in math_page


def test_a_category_with_nothing_graded_is_shown_left_out(
    cast: Cast, term: Term, graded: Graded
) -> None:
    Category.objects.create(gradebook=term.math_q2, name="Projects", weight=20)

    page = text(cast.client_for(cast.rivera).get(url(cast.sofia, term.math)).text)

    assert "Projects weight 20 % — Nothing graded yet Left out" in page
    assert "the other categories count for more" in page
    assert "Tests weight 60 % 45 / 50 90.0 % 60.0 %" in page  # 60 of the 100 graded


def test_a_total_points_course_says_so(cast: Cast, term: Term, graded: Graded) -> None:
    page = text(cast.client_for(cast.rivera).get(url(cast.sofia, term.english)).text)

    assert "Running average 72.0 % C" in page
    assert "grades by total points: 18 points earned out of 25 possible" in page
    assert "it would be 90.0 % without it" in page


def test_assignments_are_grouped_by_category_newest_first(math_page: str) -> None:
    tests = math_page.index("<h4>Tests")
    homework = math_page.index("<h4>Homework")

    assert tests < math_page.index("Unit 3 test") < homework
    assert homework < math_page.index("Worksheet 6") < math_page.index("Worksheet 5")


def test_scores_flags_and_comments_are_shown(math_page: str) -> None:
    assert row(math_page, "Unit 3 test") == "Unit 3 test Fri 20 Nov 45 / 50"
    assert row(math_page, "Worksheet 6") == "Worksheet 6 Mon 30 Nov 0 / 10 Missing"
    assert row(math_page, "Worksheet 5") == (
        "Worksheet 5 Tue 24 Nov 8 / 10 Teacher's comment: Show your steps next time."
    )


def test_late_and_excused_work_is_marked_in_words(
    cast: Cast, term: Term, graded: Graded
) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia, term.english)).text

    assert row(page, "Personal essay") == (
        "Personal essay Wed 18 Nov 18 / 20 Late Teacher's comment: A vivid opening."
    )
    assert row(page, "Vocabulary quiz") == (
        "Vocabulary quiz Fri 27 Nov — No score, out of 10 Excused"
    )


def test_ungraded_and_incomplete_work(cast: Cast, term: Term) -> None:
    later = add_assignment(term.english_q2, "Poem", 10, datetime.date(2026, 12, 2))
    draft = add_assignment(term.english_q2, "Draft", 10, datetime.date(2026, 12, 1))
    add_score(draft, cast.sofia, "4", incomplete=True)

    page = cast.client_for(cast.rivera).get(url(cast.sofia, term.english)).text

    assert row(page, later.title) == "Poem Wed 2 Dec — No score, out of 10"
    assert row(page, draft.title) == "Draft Tue 1 Dec 4 / 10 Incomplete"
    assert "No grades yet" in page


def test_an_assignment_not_visible_yet_is_not_shown(
    math_page: str, graded: Graded
) -> None:
    assert graded.hidden.title not in math_page


def test_the_average_over_time_is_drawn_without_a_script(math_page: str) -> None:
    chart = math_page[math_page.index("<svg") : math_page.index("</svg>")]

    assert 'role="img"' in chart
    assert "<title" in chart and "The running average over Q2" in chart
    assert "From 90.0 % on 20 Nov to 70.0 % on 30 Nov, over 3 due dates." in chart
    assert chart.count("<circle") == 3
    assert "<script" not in math_page


def test_the_numbers_behind_the_chart_are_in_a_table(math_page: str) -> None:
    assert "Mon 30 Nov 70.0 %" in text(math_page)


def test_a_course_without_a_gradebook_says_so(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.lucas, term.biology)).text

    assert "has not set up a gradebook for this marking period yet" in page
    assert "No assignments posted yet." in page
    assert "<svg" not in page


def test_the_page_is_not_cached(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia, term.math))

    assert response["Cache-Control"] == "no-store"


def test_a_student_opens_her_own_course(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.lily_account).get(url(cast.lily, term.math))

    assert response.status_code == 200
    assert "Math 7" in response.text


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia, term.math)).status_code == 404


def test_another_students_section_gets_404(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.rivera)

    assert client.get(url(cast.sofia, term.biology)).status_code == 404
    assert client.get(url(cast.lucas, term.math)).status_code == 404


def test_an_unknown_section_gets_404(cast: Cast, term: Term) -> None:
    page = reverse("family:course", args=[cast.sofia.public_id, uuid.uuid4()])

    assert cast.client_for(cast.rivera).get(page).status_code == 404


def test_a_dropped_section_gets_404(cast: Cast, term: Term) -> None:
    cast.sofia.enrollments.filter(section=term.english).update(
        dropped_on=datetime.date(2026, 11, 2)
    )

    client = cast.client_for(cast.rivera)
    assert client.get(url(cast.sofia, term.english)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    response = Client().get(url(cast.sofia, term.math))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_points_are_written_as_a_teacher_writes_them() -> None:
    assert plain_number(Decimal("18.00")) == "18"
    assert plain_number(Decimal("8.50")) == "8.5"
    assert plain_number(Decimal("100.00")) == "100"
    assert plain_number(Decimal("0.00")) == "0"


def test_work_without_a_category_is_one_group(cast: Cast, term: Term) -> None:
    add_assignment(term.english_q2, "Poem", 10, datetime.date(2026, 12, 2))

    (course,) = course_snapshots(
        cast.sofia, term.q2, datetime.date(2026, 12, 3), [term.english]
    )

    assert [group.name for group in category_groups(course)] == ["All assignments"]
