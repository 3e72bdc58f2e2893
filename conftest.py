"""The fixed cast every test uses: two families, a student and an outsider."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from accounts.models import Account
from attendance.models import AttendanceCode
from gradebook.models import Assignment, Category, GradeBand, Gradebook, Score
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

PASSWORD = "correct horse battery staple"  # noqa: S105


@dataclass
class Cast:
    middle: School
    high: School
    rivera: Account  # parent of Sofia and Lucas
    maria: Contact
    sofia: Student
    lucas: Student
    chen: Account  # parent of Lily
    wei: Contact
    lily: Student
    lily_account: Account  # Lily's own student account
    outsider: Account  # signed in, linked to nobody

    def client_for(self, account: Account) -> Client:
        client = Client()
        client.force_login(account)
        session = client.session
        session["signed_in_at"] = 4102444800.0  # far future: never too old
        session.save()
        return client


def make_account(
    username: str, kind: str = Account.Kind.PARENT, **fields: str
) -> Account:
    account = Account(username=username, kind=kind, **fields)
    account.set_password(PASSWORD)
    account.save()
    return account


def make_student(
    number: str, first: str, last: str, grade: int, school: School
) -> Student:
    return Student.objects.create(
        number=number, first_name=first, last_name=last, grade=grade, school=school
    )


def make_contact(first: str, last: str, email: str, *students: Student) -> Contact:
    contact = Contact.objects.create(
        first_name=first,
        last_name=last,
        email=email,
        phone="860-555-0100",
        address_line1="12 Elm Street",
        city="Middletown",
        state="CT",
        postal_code="06457",
    )
    for student in students:
        StudentContact.objects.create(
            student=student,
            contact=contact,
            relationship=StudentContact.Relationship.MOTHER,
        )
    return contact


@pytest.fixture
def cast(db: None) -> Cast:
    middle = School.objects.create(name="Memorial Middle School", level="middle")
    high = School.objects.create(name="Lyman High School", level="high")

    sofia = make_student("100101", "Sofia", "Rivera", 7, middle)
    lucas = make_student("100102", "Lucas", "Rivera", 10, high)
    lily = make_student("100201", "Lily", "Chen", 8, middle)

    rivera = make_account(
        "mrivera", first_name="Maria", last_name="Rivera", email="maria@example.org"
    )
    maria = make_contact("Maria", "Rivera", "maria@example.org", sofia, lucas)
    maria.account = rivera
    maria.save()

    chen = make_account(
        "wchen", first_name="Wei", last_name="Chen", email="wei@example.org"
    )
    wei = make_contact("Wei", "Chen", "wei@example.org", lily)
    wei.account = chen
    wei.save()

    lily_account = make_account("lchen", kind=Account.Kind.STUDENT)
    lily.account = lily_account
    lily.save()

    outsider = make_account("outsider", first_name="Olive", last_name="Outsider")

    return Cast(
        middle=middle,
        high=high,
        rivera=rivera,
        maria=maria,
        sofia=sofia,
        lucas=lucas,
        chen=chen,
        wei=wei,
        lily=lily,
        lily_account=lily_account,
        outsider=outsider,
    )


# A term in progress: the second marking period, on a frozen "today".
TODAY = datetime.date(2026, 12, 3)


@dataclass
class Term:
    year: SchoolYear
    q1: MarkingPeriod
    q2: MarkingPeriod
    teacher: Account  # Ms. Alvarez: Sofia's math and Lily's math
    other_teacher: Account  # Mr. Brooks: Sofia's English and Lucas's biology
    math: Section  # period 2, weighted: tests 60, homework 40; Sofia and Lily
    english: Section  # period 3, total points; Sofia only
    biology: Section  # period 1 at the high school; Lucas only
    math_q2: Gradebook
    english_q2: Gradebook
    tests: Category
    homework: Category
    absent: AttendanceCode  # unexcused absence
    tardy: AttendanceCode


def make_section(
    course: str, school: School, teacher: Account, period: int, *periods: MarkingPeriod
) -> Section:
    section = Section.objects.create(
        course=Course.objects.create(title=course, school=school),
        teacher=teacher,
        period=period,
        room=f"Room {100 + period}",
    )
    section.marking_periods.set(periods)
    return section


def enroll(section: Section, *students: Student) -> None:
    for student in students:
        Enrollment.objects.create(
            student=student, section=section, start=datetime.date(2026, 8, 31)
        )


@pytest.fixture
def term(cast: Cast) -> Term:
    """Two marking periods, three sections, two gradebooks; no scores yet."""
    year = SchoolYear.objects.create(
        name="2026-2027",
        start=datetime.date(2026, 8, 31),
        end=datetime.date(2027, 6, 18),
    )
    q1 = MarkingPeriod.objects.create(
        school_year=year,
        name="Q1",
        start=datetime.date(2026, 8, 31),
        end=datetime.date(2026, 11, 6),
        midpoint=datetime.date(2026, 10, 2),
    )
    q2 = MarkingPeriod.objects.create(
        school_year=year,
        name="Q2",
        start=datetime.date(2026, 11, 9),
        end=datetime.date(2027, 1, 22),
        midpoint=datetime.date(2026, 12, 15),
    )
    teacher = make_account(
        "alvarez",
        kind=Account.Kind.TEACHER,
        first_name="Rosa",
        last_name="Alvarez",
        email="ralvarez@schools.example.org",
    )
    other = make_account(
        "brooks",
        kind=Account.Kind.TEACHER,
        first_name="Sam",
        last_name="Brooks",
        email="sbrooks@schools.example.org",
    )
    math = make_section("Math 7", cast.middle, teacher, 2, q1, q2)
    english = make_section("English 7", cast.middle, other, 3, q1, q2)
    biology = make_section("Biology", cast.high, other, 1, q1, q2)
    enroll(math, cast.sofia, cast.lily)
    enroll(english, cast.sofia)
    enroll(biology, cast.lucas)

    math_q2 = Gradebook.objects.create(
        section=math, marking_period=q2, method="weighted"
    )
    english_q2 = Gradebook.objects.create(
        section=english, marking_period=q2, method="points"
    )
    tests = Category.objects.create(gradebook=math_q2, name="Tests", weight=Decimal(60))
    homework = Category.objects.create(
        gradebook=math_q2, name="Homework", weight=Decimal(40)
    )
    for letter, minimum in [("A", 90), ("B", 80), ("C", 70), ("D", 60), ("F", 0)]:
        GradeBand.objects.create(letter=letter, minimum=Decimal(minimum))
    absent = AttendanceCode.objects.create(
        code="A", meaning="Absent, unexcused", kind="absent", counts_as_absence=True
    )
    tardy = AttendanceCode.objects.create(code="T", meaning="Tardy", kind="tardy")
    AttendanceCode.objects.create(
        code="AE",
        meaning="Absent, excused",
        kind="absent",
        excused=True,
        counts_as_absence=True,
    )

    return Term(
        year,
        q1,
        q2,
        teacher,
        other,
        math,
        english,
        biology,
        math_q2,
        english_q2,
        tests,
        homework,
        absent,
        tardy,
    )


def add_assignment(
    book: Gradebook,
    title: str,
    possible: int,
    due: datetime.date,
    category: Category | None = None,
) -> Assignment:
    return Assignment.objects.create(
        gradebook=book,
        category=category,
        title=title,
        points_possible=Decimal(possible),
        assigned_on=due - datetime.timedelta(days=3),
        due_on=due,
        visible_from=due - datetime.timedelta(days=3),
    )


def add_score(
    assignment: Assignment,
    student: Student,
    points: str | None = None,
    **flags: bool | str,
) -> Score:
    return Score.objects.create(
        assignment=assignment,
        student=student,
        points=None if points is None else Decimal(points),
        **flags,
    )


@dataclass
class Staff:
    middle_office: Account  # office staff of Memorial Middle School
    high_office: Account  # office staff of Lyman High School
    district: Account  # a district administrator: every school


@pytest.fixture
def staff(cast: Cast) -> Staff:
    middle_office = make_account(
        "middle.office",
        kind=Account.Kind.STAFF,
        first_name="Pat",
        last_name="Office",
        email="office@middle.example.org",
    )
    middle_office.school = cast.middle
    middle_office.save()
    high_office = make_account(
        "high.office",
        kind=Account.Kind.STAFF,
        first_name="Lee",
        last_name="Office",
        email="office@high.example.org",
    )
    high_office.school = cast.high
    high_office.save()
    district = make_account(
        "district.admin",
        kind=Account.Kind.DISTRICT,
        first_name="Dana",
        last_name="District",
        email="dana@district.example.org",
    )
    return Staff(middle_office, high_office, district)


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A page in another language leaves it active in the thread: start over."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
