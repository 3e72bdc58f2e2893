"""What an import will make Homeroom hold, record by record, keyed by sourcedId.

The plan is built from the package without writing anything; applying it
creates, updates and removes records until the database matches it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from records.models import StudentContact

GUARDIAN = StudentContact.Relationship.GUARDIAN
OTHER = StudentContact.Relationship.OTHER
# OneRoster cannot say mother or father: a parent is filed as a guardian.
RELATIONSHIPS = {"parent": GUARDIAN, "guardian": GUARDIAN, "relative": OTHER}

SCHOOLS = "schools"
YEARS = "school years"
PERIODS = "marking periods"
COURSES = "courses"
SECTIONS = "sections"
TEACHERS = "teachers"
STUDENTS = "students"
CONTACTS = "contacts"
LINKS = "contact links"
ENROLLMENTS = "enrollments"
GRADEBOOKS = "gradebooks"
CATEGORIES = "categories"
ASSIGNMENTS = "assignments"
SCORES = "scores"
KINDS = (
    SCHOOLS,
    YEARS,
    PERIODS,
    COURSES,
    SECTIONS,
    TEACHERS,
    STUDENTS,
    CONTACTS,
    LINKS,
    ENROLLMENTS,
    GRADEBOOKS,
    CATEGORIES,
    ASSIGNMENTS,
    SCORES,
)


@dataclass(frozen=True)
class SchoolWant:
    name: str
    level: str  # used only when the school is new: the office may change it


@dataclass(frozen=True)
class YearWant:
    name: str
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class PeriodWant:
    year: str
    name: str
    start: datetime.date
    end: datetime.date

    @property
    def midpoint(self) -> datetime.date:
        return self.start + (self.end - self.start) / 2


@dataclass(frozen=True)
class CourseWant:
    title: str
    code: str
    school: str


@dataclass(frozen=True)
class SectionWant:
    course: str
    room: str
    period: int
    homeroom: bool
    periods: tuple[str, ...]  # marking periods, by sourcedId


@dataclass(frozen=True)
class TeacherWant:
    username: str
    first_name: str
    last_name: str
    email: str
    active: bool


@dataclass(frozen=True)
class StudentWant:
    number: str
    first_name: str
    last_name: str
    grade: int
    school: str


@dataclass(frozen=True)
class ContactWant:
    first_name: str
    last_name: str
    email: str
    phone: str


@dataclass(frozen=True)
class EnrollmentWant:
    student: str
    section: str
    start: datetime.date
    dropped_on: datetime.date | None


@dataclass(frozen=True)
class CategoryWant:
    name: str
    weight: Decimal


@dataclass(frozen=True)
class AssignmentWant:
    book: tuple[str, str]  # section and marking period
    category: str  # sourcedId, or "" for none
    title: str
    possible: Decimal
    assigned: datetime.date
    due: datetime.date


@dataclass
class Plan:
    schools: dict[str, SchoolWant] = field(default_factory=dict)
    years: dict[str, YearWant] = field(default_factory=dict)
    periods: dict[str, PeriodWant] = field(default_factory=dict)
    courses: dict[str, CourseWant] = field(default_factory=dict)
    sections: dict[str, SectionWant] = field(default_factory=dict)
    teachers: dict[str, TeacherWant] = field(default_factory=dict)
    students: dict[str, StudentWant] = field(default_factory=dict)
    contacts: dict[str, ContactWant] = field(default_factory=dict)
    # (student, contact) → relationship, used only for a new link.
    links: dict[tuple[str, str], str] = field(default_factory=dict)
    enrollments: dict[str, EnrollmentWant] = field(default_factory=dict)
    # Section → its primary teacher; None: no teacher in a bulk file.
    section_teachers: dict[str, str | None] = field(default_factory=dict)
    # Student → birth date, from demographics.
    birth_dates: dict[str, datetime.date | None] = field(default_factory=dict)
    # (section, marking period) → whether its categories are weighted.
    gradebooks: dict[tuple[str, str], bool] = field(default_factory=dict)
    categories: dict[tuple[str, str, str], CategoryWant] = field(default_factory=dict)
    assignments: dict[str, AssignmentWant] = field(default_factory=dict)
    category_sids: set[str] = field(default_factory=set)  # all in categories.csv
    # Kinds whose file is bulk: what it no longer lists is removed.
    complete: set[str] = field(default_factory=set)
    # Kinds → sourcedIds a delta file marks tobedeleted.
    deleted: dict[str, set[str]] = field(default_factory=dict)
    # Teachers a delta file takes off a section: section → teacher.
    teachers_off: dict[str, str] = field(default_factory=dict)
    birth_dates_complete: bool = False
    results: bool = False  # whether there is a results file to stream

    def deletions(self, kind: str) -> set[str]:
        return self.deleted.get(kind, set())
