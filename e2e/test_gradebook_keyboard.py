"""A teacher enters a column of scores for a class of 30 with the keyboard only.

The live server runs in a thread, so nothing here freezes the clock: the term's
second marking period is the latest one started on any day after it begins.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect
from pytest_django.fixtures import Settings

from conftest import PASSWORD, TODAY, Cast, Term, add_assignment, add_score, enroll
from e2e.test_seed_walk import accessibility_problems, path_is, sign_in
from gradebook.models import Assignment, Score
from records.models import Student

CLASS_SIZE = 30


@dataclass
class Classroom:
    students: list[Student]  # as the grid lists them: by last name
    quiz: Assignment  # 20 points, Tests
    homework: Assignment  # 10 points, Homework, already graded


@pytest.fixture
def classroom(cast: Cast, term: Term, settings: Settings) -> Classroom:
    """Ms. Alvarez's math class, grown to 30 students, with one graded homework."""
    settings.HOMEROOM_STAFF_TWO_FACTOR = False
    others = [
        Student.objects.create(
            number=f"2001{index:02d}",
            first_name="Sam",
            last_name=f"Pupil{index:02d}",
            grade=7,
            school=cast.middle,
        )
        for index in range(1, CLASS_SIZE - 1)
    ]
    enroll(term.math, *others)

    homework = add_assignment(term.math_q2, "Homework 4", 10, TODAY, term.homework)
    quiz = add_assignment(term.math_q2, "Quiz 5", 20, TODAY, term.tests)
    students = sorted([cast.sofia, cast.lily, *others], key=lambda s: s.last_name)
    for student in students:
        add_score(homework, student, "10")
    return Classroom(students, quiz, homework)


def quiz_score(index: int) -> int:
    return 10 + index % 11


def weighted(score: int) -> str:
    """The running average with homework full (40 %) and this quiz score (60 %)."""
    percent = (Decimal(score) / 20 * 60 + 40).quantize(Decimal("0.1"))
    return f"{percent} %"


def open_gradebook(page: Page, term: Term) -> None:
    page.goto("/sign-in/")
    sign_in(page, term.teacher.username, PASSWORD)
    expect(page).to_have_url(path_is(reverse("staff:home")))

    page.get_by_role("link", name="Gradebook for Math 7, period 2").click()
    grid = reverse("teaching:gradebook", args=[term.math.public_id, term.q2.pk])
    expect(page).to_have_url(path_is(grid))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Q2")


def cell(page: Page, assignment: Assignment, student: Student) -> Locator:
    return page.get_by_role("textbox", name=f"{assignment.title}, {student.full_name}")


def average_of(page: Page, student: Student) -> Locator:
    row = page.locator(f'tr[data-student="{student.public_id}"]')
    return row.locator("td.running-average .percent")


def test_a_teacher_types_a_column_of_scores_with_the_keyboard(
    page: Page, cast: Cast, term: Term, classroom: Classroom
) -> None:
    open_gradebook(page, term)
    students, quiz = classroom.students, classroom.quiz
    for student in students:
        expect(average_of(page, student)).to_have_text("100.0 %")

    cell(page, quiz, students[0]).focus()
    for index in range(len(students)):
        page.keyboard.type(str(quiz_score(index)))
        page.keyboard.press("Enter")

    expect(page.locator("#grid-status")).to_have_text("All scores are saved.")
    for index, student in enumerate(students):
        expect(average_of(page, student)).to_have_text(weighted(quiz_score(index)))
    stored = {
        score.student_id: score.points
        for score in Score.objects.filter(assignment=quiz)
    }
    assert stored == {
        student.pk: Decimal(quiz_score(index)) for index, student in enumerate(students)
    }

    page.reload()
    for index, student in enumerate(students):
        expect(cell(page, quiz, student)).to_have_value(str(quiz_score(index)))
        expect(average_of(page, student)).to_have_text(weighted(quiz_score(index)))


def test_codes_comments_and_mistakes_by_keyboard(
    page: Page, cast: Cast, term: Term, classroom: Classroom
) -> None:
    open_gradebook(page, term)
    first, second = classroom.students[:2]
    quiz, homework = classroom.quiz, classroom.homework

    cell(page, quiz, first).focus()
    page.keyboard.type("99")
    page.keyboard.press("Enter")
    expect(cell(page, quiz, first)).to_have_attribute("aria-invalid", "true")
    expect(page.locator("td.invalid .cell-error")).to_contain_text(
        "99 is more than three times the 20 points possible"
    )

    page.keyboard.type("m")
    page.keyboard.press("Tab")
    expect(cell(page, homework, second)).to_be_focused()
    page.keyboard.type("8L")
    page.keyboard.press("ArrowUp")
    expect(cell(page, homework, first)).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.type("18")
    page.keyboard.press("Shift+F2")
    page.keyboard.type("Corrected after review.")
    page.keyboard.press("Enter")

    expect(cell(page, quiz, first)).to_be_focused()
    expect(page.locator("#grid-status")).to_have_text("All scores are saved.")
    expect(cell(page, quiz, second)).to_have_value("M")
    expect(cell(page, homework, second)).to_have_value("8 L")
    expect(average_of(page, second)).to_have_text("32.0 %")
    expect(page.locator("td.invalid")).to_have_count(0)
    first_quiz = Score.objects.get(assignment=quiz, student=first)
    assert first_quiz.points == Decimal(18)
    assert first_quiz.comment == "Corrected after review."
    assert Score.objects.get(assignment=quiz, student=second).missing


def test_the_gradebook_passes_an_accessibility_check(
    page: Page, cast: Cast, term: Term, classroom: Classroom
) -> None:
    open_gradebook(page, term)
    problems = accessibility_problems(page, "gradebook")

    cell(page, classroom.quiz, classroom.students[0]).focus()
    page.keyboard.type("x")
    page.keyboard.press("Enter")
    expect(page.locator(".cell-error")).to_have_count(1)
    problems += accessibility_problems(page, "gradebook, with a refused score")

    page.keyboard.press("Shift+F2")
    expect(page.get_by_role("dialog")).to_be_visible()
    problems += accessibility_problems(page, "gradebook, comment dialog")
    page.keyboard.press("Escape")

    page.get_by_role("link", name="Add an assignment").click()
    problems += accessibility_problems(page, "add an assignment")
    page.go_back()
    page.get_by_role("link", name=re.compile("Grading method")).click()
    problems += accessibility_problems(page, "grading method and categories")

    assert problems == [], "\n".join(problems)
