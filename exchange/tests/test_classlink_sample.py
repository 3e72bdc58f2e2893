"""The Ed-Fi/ClassLink OneRoster 1.1 export, read from ../shared as it is."""

import datetime

import pytest

from accounts.models import Account
from exchange.importing import import_package
from exchange.package import read_package
from exchange.summary import Summary
from exchange.tests.packages import CLASSLINK
from records.models import (
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary() -> Summary:
    outcome = import_package(CLASSLINK)
    assert isinstance(outcome, Summary), outcome
    return outcome


def test_it_has_no_problem_and_reads_as_oneroster_1_1() -> None:
    package = read_package(CLASSLINK)

    assert package.problems == []
    assert package.version == "1.1"


def test_the_counts(summary: Summary) -> None:
    assert Student.objects.count() == 8
    assert Account.objects.filter(kind=Account.Kind.TEACHER).count() == 2
    assert Section.objects.count() == 2
    assert SchoolYear.objects.count() + MarkingPeriod.objects.count() == 3
    assert School.objects.get().name == "Grand Bend High School"
    assert summary["enrollments"].created == 10


def test_its_blemishes_are_warnings(summary: Summary) -> None:
    found = {(w.file, w.line, w.column) for w in summary.warnings}

    assert ("manifest.csv", 2, "value") in found  # manifest.version is "1"
    assert ("orgs.csv", 1, "") in found  # metadata.* columns
    assert ("users.csv", 10, "") in found  # teachers' rows end in an extra comma
    assert ("users.csv", 10, "username") in found  # "Kelley Heidi Christian"


def test_the_semesters_become_marking_periods(summary: Summary) -> None:
    fall, spring = MarkingPeriod.objects.order_by("start")

    assert (fall.name, fall.start, fall.end) == (
        "2020-2021 Fall Semester",
        datetime.date(2020, 8, 17),
        datetime.date(2020, 12, 18),
    )
    assert spring.school_year.name == "2020-2021 School Year"
    assert fall.midpoint == datetime.date(2020, 10, 17)


def test_the_district_course_is_filed_under_the_school_of_its_classes(
    summary: Summary,
) -> None:
    english = Section.objects.get(sourced_id="25590100101Trad120ENG112011")

    assert english.course.school.level == "high"
    assert (english.course.title, english.room, english.period) == (
        "English I",
        "120",
        1,
    )
    assert english.marking_periods.count() == 2
    assert english.teacher is not None
    assert english.teacher.username == "Sara.Preston@studentgps.org"


def test_students_take_their_number_from_user_ids(summary: Summary) -> None:
    mary = Student.objects.get(sourced_id="604863")

    assert (mary.number, mary.grade) == ("863", 9)
    assert mary.birth_date == datetime.date(1997, 5, 30)


def test_the_fall_and_spring_rows_make_one_enrollment(summary: Summary) -> None:
    enrollment = Enrollment.objects.get(
        student__sourced_id="604863", section__sourced_id="25590100102Trad220ALG112011"
    )

    assert enrollment.start == datetime.date(2020, 8, 17)
    assert enrollment.dropped_on == datetime.date(2021, 5, 28)
    assert enrollment.sourced_id == "8622A96A-9287-4BAA-BD1F-3DB11A74524E"


def test_a_second_import_changes_nothing(summary: Summary) -> None:
    again = import_package(CLASSLINK)

    assert isinstance(again, Summary)
    assert not again.changed
