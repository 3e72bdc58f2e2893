"""The OneRoster export: Homeroom imports its own package again unchanged."""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import models

from accounts.models import Account
from conftest import TODAY, Cast, Term, add_assignment, add_score
from exchange.export import NO_CATEGORY, ExportReport, export_contacts, export_package
from exchange.importing import import_package
from exchange.summary import Summary
from gradebook.models import Assignment, Category, Gradebook, Score
from gradebook.snapshot import course_snapshots
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
def grades(cast: Cast, term: Term) -> Term:
    """The term with scores of every kind, a birth date and a dropped enrollment."""
    for period in (term.q1, term.q2):
        # OneRoster carries no mid-point: an import puts it halfway.
        period.midpoint = period.start + (period.end - period.start) / 2
        period.save()
    essays = Category.objects.create(gradebook=term.english_q2, name="Essays")

    quiz = add_assignment(term.math_q2, "Quiz 3", 20, day(11, 20), term.tests)
    worksheet = add_assignment(
        term.math_q2, "Worksheet", 10, day(11, 24), term.homework
    )
    essay = add_assignment(term.english_q2, "Essay", 50, day(11, 25), essays)
    add_score(quiz, cast.sofia, "18", comment="Careful work, well shown")
    add_score(quiz, cast.lily, None, excused=True)
    add_score(worksheet, cast.sofia, None, missing=True)
    add_score(worksheet, cast.lily, "7.5", late=True)
    add_score(essay, cast.sofia, "41", incomplete=True, comment='Said "more", then')

    cast.sofia.birth_date = datetime.date(2013, 4, 2)
    cast.sofia.save()
    Enrollment.objects.filter(student=cast.lily, section=term.math).update(
        dropped_on=day(12, 18)
    )
    return term


def day(month: int, number: int) -> datetime.date:
    return datetime.date(2026, month, number)


def export() -> tuple[bytes, ExportReport]:
    out = io.BytesIO()
    report = export_package(out)
    return out.getvalue(), report


def rows(package: bytes, file: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        if file not in archive.namelist():
            return []
        text = archive.read(file).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def imported(package: bytes, contacts: bytes | None = None) -> Summary:
    outcome = import_package(
        io.BytesIO(package),
        contacts=None if contacts is None else io.BytesIO(contacts),
    )
    assert isinstance(outcome, Summary), [str(problem) for problem in outcome]
    return outcome


def test_the_package_imports_again_unchanged(grades: Term) -> None:
    package, _ = export()
    updated = dict(Gradebook.objects.values_list("pk", "updated_at"))

    summary = imported(package)

    assert summary.warnings == []
    assert all(counts.total == 0 for counts in summary.counts.values()), summary.table()
    assert dict(Gradebook.objects.values_list("pk", "updated_at")) == updated


def test_a_mid_point_the_office_moved_survives_the_round_trip(grades: Term) -> None:
    grades.q2.midpoint = day(12, 18)
    grades.q2.save()
    package, _ = export()

    summary = imported(package)

    grades.q2.refresh_from_db()
    assert grades.q2.midpoint == day(12, 18)
    assert all(counts.total == 0 for counts in summary.counts.values()), summary.table()


def test_the_package_holds_every_record(grades: Term) -> None:
    package, report = export()

    assert report.rows == {
        "orgs.csv": 3,  # the district and two schools
        "academicSessions.csv": 3,
        "courses.csv": 3,
        "classes.csv": 3,
        "users.csv": 7,  # three students, two teachers, two contacts
        "roles.csv": 7,
        "enrollments.csv": 7,  # four students' and three teachers'
        "demographics.csv": 1,
        "categories.csv": 3,
        "lineItems.csv": 3,
        "results.csv": 5,
    }
    manifest = {
        row["propertyName"]: row["value"] for row in rows(package, "manifest.csv")
    }
    assert manifest["oneroster.version"] == "1.2"
    assert manifest["file.results"] == "bulk"
    assert manifest["file.userProfiles"] == "absent"


def test_scores_keep_their_marks_and_comments(cast: Cast, grades: Term) -> None:
    package, _ = export()

    results: dict[tuple[str | None, str | None], dict[str, str]] = {
        (row["lineItemSourcedId"], row["studentSourcedId"]): row
        for row in rows(package, "results.csv")
    }
    quiz = Assignment.objects.get(title="Quiz 3").sourced_id
    worksheet = Assignment.objects.get(title="Worksheet").sourced_id
    sofia = Student.objects.get(pk=cast.sofia.pk).sourced_id
    lily = Student.objects.get(pk=cast.lily.pk).sourced_id
    assert results[quiz, sofia]["score"] == "18"
    assert results[quiz, sofia]["comment"] == "Careful work, well shown"
    assert results[quiz, lily]["scoreStatus"] == "exempt"
    assert results[worksheet, sofia]["missing"] == "true"
    assert results[worksheet, sofia]["score"] == ""
    assert (results[worksheet, lily]["score"], results[worksheet, lily]["late"]) == (
        "7.5",
        "true",
    )


def test_records_made_in_homeroom_keep_the_sourced_ids_they_are_given(
    cast: Cast, grades: Term
) -> None:
    first, report = export()

    cast.sofia.refresh_from_db()
    assert cast.sofia.sourced_id == f"homeroom-student-{cast.sofia.pk}"
    assert report.identified["student"] == 3
    assert report.identified["score"] == 5

    second, again = export()
    assert sum(again.identified.values()) == 0
    assert rows(second, "users.csv") == rows(first, "users.csv")
    assert rows(second, "results.csv") == rows(first, "results.csv")


def test_sourced_ids_from_the_district_are_kept(cast: Cast, grades: Term) -> None:
    School.objects.filter(pk=cast.middle.pk).update(sourced_id="SCH-MEMORIAL")
    Student.objects.filter(pk=cast.sofia.pk).update(sourced_id="STU-100101")

    package, _ = export()

    assert rows(package, "orgs.csv")[1]["sourcedId"] == "SCH-MEMORIAL"
    users = [row["sourcedId"] for row in rows(package, "users.csv")]
    assert "STU-100101" in users
    assert not imported(package).changed


def test_a_sourced_id_another_record_holds_is_not_given_again(cast: Cast) -> None:
    # A package exported from another Homeroom brought this one its sourcedIds.
    School.objects.filter(pk=cast.high.pk).update(
        sourced_id=f"homeroom-school-{cast.middle.pk}"
    )

    export()

    cast.middle.refresh_from_db()
    assert cast.middle.sourced_id == f"homeroom-school-{cast.middle.pk}-2"


def test_inactive_students_are_left_out(cast: Cast, grades: Term) -> None:
    Student.objects.filter(pk=cast.lucas.pk).update(active=False)

    package, report = export()

    numbers = [row["identifier"] for row in rows(package, "users.csv")]
    assert cast.lucas.number not in numbers
    assert report.left_out == ["1 inactive students, with their enrollments and scores"]
    assert Student.objects.get(pk=cast.lucas.pk).sourced_id is None
    assert not imported(package).changed
    assert not Student.objects.get(pk=cast.lucas.pk).active


def test_a_section_with_no_marking_period_is_left_out(cast: Cast, grades: Term) -> None:
    grades.biology.marking_periods.clear()

    package, report = export()

    classes = [row["title"] for row in rows(package, "classes.csv")]
    assert classes == ["Math 7 (2)", "English 7 (3)"]
    assert report.left_out == [
        "1 sections with no marking period, with their enrollments and gradebooks"
    ]
    assert Section.objects.get(pk=grades.biology.pk).sourced_id is None


def test_a_total_points_gradebook_has_its_weights_written_as_zero(
    grades: Term,
) -> None:
    english = Category.objects.get(gradebook=grades.english_q2)
    english.weight = Decimal(25)
    english.save()

    package, _ = export()

    weights = {row["title"]: row["weight"] for row in rows(package, "categories.csv")}
    assert weights == {"Tests": "60", "Homework": "40", "Essays": "0"}


def test_categories_that_differ_get_sourced_ids_of_their_own(
    grades: Term,
) -> None:
    q1_book = Gradebook.objects.create(
        section=grades.math, marking_period=grades.q1, method="weighted"
    )
    earlier = Category.objects.create(
        gradebook=q1_book, name="Tests", weight=Decimal(70), sourced_id="CAT-T"
    )
    add_assignment(q1_book, "Quiz 1", 20, day(10, 1), earlier)
    Category.objects.filter(pk=grades.tests.pk).update(sourced_id="CAT-T")

    package, _ = export()

    categories = {row["sourcedId"]: row for row in rows(package, "categories.csv")}
    assert categories["CAT-T"]["weight"] == "60"
    grades.tests.refresh_from_db()
    earlier.refresh_from_db()
    assert grades.tests.sourced_id == "CAT-T"
    assert earlier.sourced_id == f"homeroom-category-{earlier.pk}"
    assert categories[earlier.sourced_id]["weight"] == "70"
    assert not imported(package).changed


def test_an_assignment_with_no_category_is_filed_under_one(grades: Term) -> None:
    add_assignment(grades.english_q2, "Reading log", 5, day(11, 30))

    package, _ = export()

    items = {row["title"]: row for row in rows(package, "lineItems.csv")}
    assert items["Reading log"]["categorySourcedId"] == NO_CATEGORY
    categories = {row["sourcedId"]: row for row in rows(package, "categories.csv")}
    assert categories[NO_CATEGORY]["weight"] == "0"


def snapshot() -> dict[str, set[tuple[Any, ...]]]:
    """What OneRoster carries, by sourcedId, to compare two databases."""
    return {
        "schools": set(School.objects.values_list("sourced_id", "name")),
        "years": set(
            SchoolYear.objects.values_list("sourced_id", "name", "start", "end")
        ),
        "periods": set(
            MarkingPeriod.objects.values_list(
                "sourced_id",
                "school_year__sourced_id",
                "name",
                "start",
                "end",
                "midpoint",
            )
        ),
        "courses": set(
            Course.objects.values_list("sourced_id", "title", "code", "school__name")
        ),
        "sections": set(
            Section.objects.values_list(
                "sourced_id",
                "course__sourced_id",
                "teacher__username",
                "period",
                "room",
                "is_homeroom",
                "marking_periods__sourced_id",
            )
        ),
        "teachers": set(
            Account.objects.filter(kind=Account.Kind.TEACHER).values_list(
                "sourced_id", "username", "first_name", "last_name", "email"
            )
        ),
        "students": set(
            Student.objects.values_list(
                "sourced_id",
                "number",
                "first_name",
                "last_name",
                "grade",
                "school__sourced_id",
                "birth_date",
                "active",
            )
        ),
        "contacts": set(
            Contact.objects.values_list(
                "sourced_id",
                "first_name",
                "last_name",
                "email",
                "phone",
                "address_line1",
                "city",
                "postal_code",
            )
        ),
        "links": set(
            StudentContact.objects.values_list(
                "student__sourced_id",
                "contact__sourced_id",
                "relationship",
                "online_access",
            )
        ),
        "enrollments": set(
            Enrollment.objects.values_list(
                "sourced_id",
                "student__sourced_id",
                "section__sourced_id",
                "start",
                "dropped_on",
            )
        ),
        "gradebooks": set(
            Gradebook.objects.filter(assignments__isnull=False).values_list(
                "section__sourced_id", "marking_period__sourced_id", "method"
            )
        ),
        "categories": set(
            Category.objects.values_list(
                "gradebook__section__sourced_id", "sourced_id", "name", "weight"
            )
        ),
        "assignments": set(
            Assignment.objects.values_list(
                "sourced_id",
                "gradebook__section__sourced_id",
                "gradebook__marking_period__sourced_id",
                "category__name",
                "title",
                "points_possible",
                "assigned_on",
                "due_on",
                "visible_from",
            )
        ),
        "scores": set(
            Score.objects.values_list(
                "sourced_id",
                "assignment__sourced_id",
                "student__sourced_id",
                "points",
                "missing",
                "late",
                "excused",
                "incomplete",
                "comment",
            )
        ),
    }


def sofias_averages() -> list[tuple[str, Decimal | None]]:
    """Her running averages in the second marking period, as her parents see them."""
    sofia = Student.objects.get(number="100101")
    q2 = MarkingPeriod.objects.get(name="Q2")
    return [
        (course.section.course.title, course.average.percent)
        for course in course_snapshots(sofia, q2, TODAY)
    ]


def empty_homeroom() -> None:
    """Every record OneRoster carries deleted, those that others depend on last."""
    dependent_first: list[type[models.Model]] = [
        Score,
        Assignment,
        Category,
        Gradebook,
        Enrollment,
        StudentContact,
        Contact,
        Student,
        Section,
        Course,
        MarkingPeriod,
        SchoolYear,
        School,
    ]
    for model in dependent_first:
        model._default_manager.all().delete()
    Account.objects.filter(kind=Account.Kind.TEACHER).delete()


def test_the_package_and_contacts_file_rebuild_an_empty_homeroom(
    cast: Cast, grades: Term
) -> None:
    StudentContact.objects.filter(student=cast.lucas).update(online_access=False)
    package, _ = export()
    contacts = io.BytesIO()
    assert export_contacts(contacts) == 3
    before, averages = snapshot(), sofias_averages()

    empty_homeroom()
    summary = imported(package, contacts.getvalue())

    assert summary["students"].created == 3
    assert summary["scores"].created == 5
    assert snapshot() == before
    assert sofias_averages() == averages
    assert averages == [("Math 7", Decimal("54.0")), ("English 7", None)]
