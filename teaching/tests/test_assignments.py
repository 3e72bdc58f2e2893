from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from audit.models import Change
from conftest import TODAY, Cast, Staff, Term, add_assignment
from gradebook.models import Assignment, Category, Gradebook


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def new_url(term: Term, book: Gradebook) -> str:
    return reverse(
        "teaching:add_assignment",
        args=[book.section.public_id, book.marking_period_id],
    )


def setup_url(term: Term, book: Gradebook) -> str:
    return reverse(
        "teaching:gradebook_setup",
        args=[book.section.public_id, book.marking_period_id],
    )


def assignment_fields(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Chapter 4 test",
        "category": "",
        "points_possible": "50",
        "assigned_on": "2026-12-01",
        "due_on": "2026-12-04",
        "visible_from": "",
    } | changes


def category_fields(rows: list[tuple[str, str, str]], initial: int) -> dict[str, str]:
    """The categories formset: (id, name, weight) per row, then two empty rows."""
    data = {
        "form-TOTAL_FORMS": str(len(rows) + 2),
        "form-INITIAL_FORMS": str(initial),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, (pk, name, weight) in enumerate(rows):
        data |= {f"form-{index}-id": pk, f"form-{index}-name": name}
        data[f"form-{index}-weight"] = weight
    return data


def math_categories(
    term: Term, tests: str, homework: str
) -> list[tuple[str, str, str]]:
    return [
        (str(term.tests.pk), "Tests", tests),
        (str(term.homework.pk), "Homework", homework),
    ]


def test_a_teacher_adds_an_assignment(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    fields = assignment_fields(category=str(term.tests.pk))

    response = client.post(new_url(term, term.math_q2), fields)

    assignment = Assignment.objects.get()
    assert response["Location"] == reverse(
        "teaching:gradebook", args=[term.math.public_id, term.q2.pk]
    )
    assert assignment.category == term.tests
    assert assignment.points_possible == Decimal(50)
    assert assignment.visible_from == assignment.assigned_on
    assert Change.objects.filter(subject="assignment", actor=term.teacher).exists()


def test_the_new_assignment_page_opens(cast: Cast, term: Term) -> None:
    response = cast.client_for(term.teacher).get(new_url(term, term.math_q2))

    assert response.status_code == 200
    assert 'value="2026-12-03"' in response.content.decode()


def test_a_teacher_edits_an_assignment(cast: Cast, term: Term) -> None:
    quiz = add_assignment(term.math_q2, "Quiz", 10, TODAY, term.tests)
    url = reverse("teaching:edit_assignment", args=[term.math.public_id, quiz.pk])
    fields = assignment_fields(
        title="Quiz 1", category=str(term.homework.pk), points_possible="12"
    )

    cast.client_for(term.teacher).post(url, fields)

    quiz.refresh_from_db()
    assert quiz.title == "Quiz 1" and quiz.category == term.homework
    changed = set(Change.objects.values_list("field", flat=True))
    assert {"title", "category", "points_possible"} <= changed


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"points_possible": "0"}, "Points possible: must be more than 0."),
        ({"points_possible": "-5"}, "Points possible: must be more than 0."),
        ({"due_on": "2026-11-30"}, "Due: the due date can&#x27;t be before"),
        ({"title": ""}, "Title: give the assignment a title."),
        ({"category": ""}, "Category: choose one."),
        ({"assigned_on": "soon"}, "Assigned: enter a date"),
    ],
)
def test_assignment_mistakes_name_the_field(
    cast: Cast, term: Term, fields: dict[str, str], message: str
) -> None:
    client = cast.client_for(term.teacher)
    data = assignment_fields(category=str(term.tests.pk)) | fields

    response = client.post(new_url(term, term.math_q2), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_total_points_gradebook_needs_no_category(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.other_teacher)

    client.post(new_url(term, term.english_q2), assignment_fields())

    assert Assignment.objects.get().category is None


def test_categories_of_another_gradebook_are_refused(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.other_teacher)
    fields = assignment_fields(category=str(term.tests.pk))

    response = client.post(new_url(term, term.english_q2), fields)

    assert "Category: choose one of this gradebook&#x27;s categories." in (
        response.content.decode()
    )
    assert not Assignment.objects.exists()


def test_weights_are_saved_when_they_add_up_to_100(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    data = category_fields(math_categories(term, "70", "30"), 2) | {
        "method": "weighted"
    }

    response = client.post(setup_url(term, term.math_q2), data)

    assert response.status_code == 302
    term.tests.refresh_from_db()
    assert term.tests.weight == Decimal(70)
    assert Change.objects.filter(subject="category", field="weight").count() == 2


def test_weights_that_do_not_add_up_are_refused(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    data = category_fields(math_categories(term, "70", "20"), 2) | {
        "method": "weighted"
    }

    response = client.post(setup_url(term, term.math_q2), data)

    page = response.content.decode()
    assert "Weight: the weights add up to 90 %" in page
    assert "must add up to 100 %" in page
    term.tests.refresh_from_db()
    assert term.tests.weight == Decimal(60)


def test_a_points_gradebook_ignores_the_total_of_weights(
    cast: Cast, term: Term
) -> None:
    client = cast.client_for(term.teacher)
    data = category_fields(math_categories(term, "0", "0"), 2) | {"method": "points"}

    client.post(setup_url(term, term.math_q2), data)

    term.math_q2.refresh_from_db()
    assert term.math_q2.method == Gradebook.Method.POINTS
    assert Change.objects.filter(subject="gradebook", field="method").exists()


def test_a_category_is_added_and_an_empty_one_removed(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    rows = [*math_categories(term, "50", "30"), ("", "Projects", "20")]
    data = category_fields(rows, 2) | {"method": "weighted"}
    data["form-5-name"] = ""

    client.post(setup_url(term, term.math_q2), data)

    names = set(
        Category.objects.filter(gradebook=term.math_q2).values_list("name", flat=True)
    )
    assert names == {"Tests", "Homework", "Projects"}

    data = category_fields(
        [
            *math_categories(term, "60", "40"),
            (str(Category.objects.get(name="Projects").pk), "Projects", "0"),
        ],
        3,
    ) | {"method": "weighted", "form-2-DELETE": "on"}
    client.post(setup_url(term, term.math_q2), data)

    assert not Category.objects.filter(name="Projects").exists()


def test_a_category_with_assignments_stays(cast: Cast, term: Term) -> None:
    add_assignment(term.math_q2, "Quiz", 10, TODAY, term.homework)
    client = cast.client_for(term.teacher)
    data = category_fields(
        [
            (str(term.tests.pk), "Tests", "100"),
            (str(term.homework.pk), "Homework", "0"),
        ],
        2,
    ) | {"method": "weighted", "form-1-DELETE": "on"}

    response = client.post(setup_url(term, term.math_q2), data)

    assert "“Homework” still has assignments" in response.content.decode()
    assert Category.objects.filter(pk=term.homework.pk).exists()


def test_two_categories_need_two_names(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    data = category_fields(
        [(str(term.tests.pk), "Tests", "60"), (str(term.homework.pk), "tests", "40")], 2
    ) | {"method": "weighted"}

    response = client.post(setup_url(term, term.math_q2), data)

    assert "appears twice" in response.content.decode()


def test_the_setup_page_opens(cast: Cast, term: Term) -> None:
    response = cast.client_for(term.teacher).get(setup_url(term, term.math_q2))

    assert response.status_code == 200
    assert "Weighted categories" in response.content.decode()


def test_another_teacher_cannot_set_up_or_edit(cast: Cast, term: Term) -> None:
    quiz = add_assignment(term.math_q2, "Quiz", 10, TODAY, term.tests)
    client = cast.client_for(term.other_teacher)
    edit = reverse("teaching:edit_assignment", args=[term.math.public_id, quiz.pk])

    assert client.get(setup_url(term, term.math_q2)).status_code == 404
    assert client.get(new_url(term, term.math_q2)).status_code == 404
    assert client.post(edit, assignment_fields(title="Mine")).status_code == 404
    quiz.refresh_from_db()
    assert quiz.title == "Quiz"


def test_families_office_and_visitors_are_refused(
    cast: Cast, term: Term, staff: Staff
) -> None:
    url = new_url(term, term.math_q2)

    for account in [cast.rivera, cast.lily_account, staff.middle_office]:
        assert cast.client_for(account).get(url).status_code == 403
    assert Client().get(url)["Location"].startswith(reverse("accounts:sign_in"))
