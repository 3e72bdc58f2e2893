import re
from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, Term
from family.tests.sofia_grades import Graded, grade_sofia
from records.models import Student


def url(student: Student) -> str:
    return reverse("family:missing", args=[student.public_id])


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def graded(cast: Cast, term: Term) -> Graded:
    return grade_sofia(cast, term)


def test_missing_work_from_every_course_on_one_page(
    cast: Cast, term: Term, graded: Graded
) -> None:
    page = text(cast.client_for(cast.rivera).get(url(cast.sofia)).text)

    assert "Missing work in Q2" in page
    assert "2 assignments are missing, worth 15 points in all." in page
    worksheet, reading_log = page.index("Worksheet 6"), page.index("Reading log")
    assert "Worksheet 6 Math 7 · Homework Due Mon 30 Nov · 10 points possible" in page
    assert "Reading log English 7 Due Wed 25 Nov · 5 points possible" in page
    assert worksheet < reading_log  # newest due date first


def test_each_course_links_to_its_page(cast: Cast, term: Term, graded: Graded) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia)).text

    link = reverse("family:course", args=[cast.sofia.public_id, term.english.public_id])
    assert f'href="{link}"' in page


def test_excused_and_not_yet_visible_work_is_not_listed(
    cast: Cast, term: Term, graded: Graded
) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia)).text

    assert graded.quiz.title not in page  # missing, then excused
    assert graded.hidden.title not in page  # families see it from tomorrow
    assert graded.worksheet_5.title not in page  # handed in


def test_nothing_missing_is_good_news(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia)).text

    assert "No missing work. Well done." in page
    assert "missing-list" not in page


def test_only_this_childs_work(cast: Cast, term: Term, graded: Graded) -> None:
    page = cast.client_for(cast.chen).get(url(cast.lily)).text

    assert "No missing work. Well done." in page


def test_the_tab_is_marked_as_the_current_page(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia)).text

    assert f'href="{url(cast.sofia)}" aria-current="page"' in page


def test_the_page_is_not_cached(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia))

    assert response["Cache-Control"] == "no-store"


def test_a_student_sees_her_own_missing_work(cast: Cast, term: Term) -> None:
    assert cast.client_for(cast.lily_account).get(url(cast.lily)).status_code == 200


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia)).status_code == 404
