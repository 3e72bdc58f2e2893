"""A hand-made OneRoster 1.2 set with parents and a gradebook, imported whole."""

import datetime
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Account
from exchange.importing import import_package
from exchange.package import read_package
from exchange.summary import Summary
from exchange.tests.packages import client_for, handmade
from gradebook.averages import Entry, running_average
from gradebook.models import Assignment, Category, Gradebook, Score
from records.models import (
    Contact,
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
    StudentContact,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def summary(tmp_path: Path) -> Summary:
    outcome = import_package(handmade().write(tmp_path / "set"))
    assert isinstance(outcome, Summary), outcome
    return outcome


def created(summary: Summary) -> dict[str, int]:
    return {kind: counts.created for kind, counts in summary.counts.items()}


def test_it_reads_without_a_problem(tmp_path: Path) -> None:
    package = read_package(handmade().write(tmp_path / "set"))

    assert package.problems == []
    assert package.version == "1.2"


def test_it_creates_each_kind(summary: Summary) -> None:
    assert created(summary) == {
        "schools": 1,
        "school years": 1,
        "marking periods": 2,
        "courses": 2,
        "sections": 2,
        "teachers": 1,
        "students": 2,
        "contacts": 2,
        "contact links": 2,
        "enrollments": 3,
        "gradebooks": 2,
        "categories": 3,
        "assignments": 4,
        "scores": 6,
    }


def test_the_warnings_name_what_was_skipped(summary: Summary) -> None:
    warnings = {(w.file, w.line, w.column): w.message for w in summary.warnings}

    assert "grades Homeroom does not serve" in warnings["users.csv", 4, "grades"]
    assert "neither students, teachers nor parents" in warnings["users.csv", 8, "role"]
    assert (
        "students who were skipped" in warnings["enrollments.csv", 7, "userSourcedId"]
    )


def test_the_school_year_and_its_grading_periods(summary: Summary) -> None:
    year = SchoolYear.objects.get(sourced_id="Y2027")
    q1, q2 = MarkingPeriod.objects.filter(school_year=year).order_by("start")

    assert (year.name, year.start, year.end) == (
        "2026-2027",
        datetime.date(2026, 8, 31),
        datetime.date(2027, 6, 18),
    )
    assert (q2.name, q2.start, q2.end) == (
        "Q2",
        datetime.date(2026, 11, 9),
        datetime.date(2027, 1, 22),
    )
    assert q1.midpoint == datetime.date(2026, 10, 3)
    assert q2.midpoint == datetime.date(2026, 12, 16)
    assert not MarkingPeriod.objects.filter(sourced_id="FALL").exists()


def test_a_middle_school_with_its_courses(summary: Summary) -> None:
    school = School.objects.get(sourced_id="SCH-1")

    assert (school.name, school.level) == ("Riverside Middle School", "middle")
    assert not School.objects.filter(sourced_id="DIST-1").exists()
    english = Course.objects.get(sourced_id="C-ENG")
    assert (english.title, english.code, english.school) == ("English 7", "EN7", school)


def test_sections_with_room_period_terms_and_teacher(summary: Summary) -> None:
    math = Section.objects.get(sourced_id="CL-MATH")
    english = Section.objects.get(sourced_id="CL-ENG")
    teacher = Account.objects.get(sourced_id="TCH-1")

    assert (math.room, math.period, math.teacher) == ("Room 12", 2, teacher)
    assert (english.room, english.period, english.teacher) == ("Room 14", 3, teacher)
    assert [p.sourced_id for p in math.marking_periods.order_by("start")] == [
        "GP1",
        "GP2",
    ]
    assert english.marking_periods.count() == 2
    assert math.meeting_days == "12345"


def test_a_teacher_account_without_a_password(summary: Summary) -> None:
    teacher = Account.objects.get(sourced_id="TCH-1")

    assert (teacher.username, teacher.kind) == ("rdiaz", Account.Kind.TEACHER)
    assert (teacher.first_name, teacher.email) == ("Rosa", "rdiaz@schools.example.org")
    assert not teacher.has_usable_password()


def test_students_with_numbers_grades_and_birth_dates(summary: Summary) -> None:
    ava = Student.objects.get(sourced_id="STU-1")
    ben = Student.objects.get(sourced_id="STU-2")

    assert (ava.number, ava.grade, ava.birth_date) == (
        "200101",
        7,
        datetime.date(2013, 4, 2),
    )
    assert ben.number == "200102"  # from userIds, as identifier is blank
    assert ben.school.sourced_id == "SCH-1"
    assert not Student.objects.filter(sourced_id="STU-3").exists()


def test_parents_are_linked_from_either_side(summary: Summary) -> None:
    maria = Contact.objects.get(sourced_id="PAR-1")
    links = StudentContact.objects.filter(contact=maria)

    assert sorted(link.student.first_name for link in links) == ["Ava", "Ben"]
    assert {link.relationship for link in links} == {"guardian"}
    assert all(link.online_access for link in links)
    assert (maria.email, maria.phone) == ("maria@example.org", "860-555-0142")
    assert not StudentContact.objects.filter(contact__sourced_id="GRD-1").exists()


def test_enrollments_start_with_the_first_marking_period(summary: Summary) -> None:
    ava = Student.objects.get(sourced_id="STU-1")
    english = Enrollment.objects.get(sourced_id="E-2")

    assert (english.student, english.start) == (ava, datetime.date(2026, 8, 31))
    assert english.dropped_on is None
    assert Enrollment.objects.get(sourced_id="E-3").start == datetime.date(2026, 9, 14)


def test_gradebooks_per_marking_period_with_weighted_categories(
    summary: Summary,
) -> None:
    q2 = Gradebook.objects.get(section__sourced_id="CL-MATH", marking_period__name="Q2")
    categories = {c.name: c.weight for c in Category.objects.filter(gradebook=q2)}
    q1 = Gradebook.objects.get(section__sourced_id="CL-MATH", marking_period__name="Q1")

    assert q2.method == Gradebook.Method.WEIGHTED
    assert categories == {"Tests": Decimal(60), "Homework": Decimal(40)}
    assert [a.sourced_id for a in q1.assignments.all()] == ["LI-4"]
    assert q2.updated_at is not None


def test_an_item_of_a_semester_goes_to_the_period_of_its_due_date(
    summary: Summary,
) -> None:
    worksheet = Assignment.objects.get(sourced_id="LI-3")

    assert worksheet.gradebook.marking_period.name == "Q2"
    assert worksheet.category is not None
    assert worksheet.category.name == "Homework"
    assert worksheet.visible_from == datetime.date(2026, 11, 27)


def test_line_items_keep_the_date_of_a_date_and_time(summary: Summary) -> None:
    worksheet = Assignment.objects.get(sourced_id="LI-2")

    assert worksheet.assigned_on == datetime.date(2026, 11, 23)
    assert worksheet.due_on == datetime.date(2026, 11, 24)
    assert worksheet.points_possible == Decimal(10)


def test_scores_with_their_marks(summary: Summary) -> None:
    scores = {score.sourced_id: score for score in Score.objects.all()}

    assert (scores["RS-1"].points, scores["RS-1"].comment) == (Decimal(45), "Well done")
    assert scores["RS-2"].missing and scores["RS-2"].points is None
    assert scores["RS-3"].late and not scores["RS-3"].missing
    assert scores["RS-4"].excused


def test_a_parent_sees_the_running_average_on_the_course_page(
    summary: Summary,
) -> None:
    parent = Account.objects.create(username="maria.lopez", kind=Account.Kind.PARENT)
    Contact.objects.filter(sourced_id="PAR-1").update(account=parent)
    ava = Student.objects.get(sourced_id="STU-1")
    math = Section.objects.get(sourced_id="CL-MATH")

    url = reverse("family:course", args=[ava.public_id, math.public_id])
    response = client_for(parent).get(url)

    expected = running_average(
        {"Tests": Decimal(60), "Homework": Decimal(40)},
        [
            Entry("Tests", Decimal(50), Decimal(45)),
            Entry("Homework", Decimal(10), None, missing=True),
            Entry("Homework", Decimal(10), Decimal(8)),
        ],
    )
    assert response.status_code == 200
    assert expected.percent == Decimal("70.0")
    assert response.context["course"].average.percent == expected.percent
    assert "70.0 %" in response.content.decode()
