"""Build a large school inside a transaction, time the family pages, roll it back.

Nothing the benchmark builds is kept: the whole run is one transaction that is
rolled back at the end, on success and on failure alike.
"""

import datetime
import math
import random
import statistics
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from demo.grades import GRADE_BANDS
from gradebook.averages import letter_for
from gradebook.models import (
    Assignment,
    Category,
    GradeBand,
    Gradebook,
    ReportCardGrade,
    Score,
)
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

CLASS_SIZE = 25
SECTIONS_PER_TEACHER = 5
ASSIGNMENTS_PER_SECTION = 20
BATCH = 5000

SUBJECTS = (
    "English",
    "Mathematics",
    "Science",
    "Social Studies",
    "World Language",
    "Physical Education",
    "Art",
)
FIRST_NAMES = (
    "Ava",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Felix",
    "Grace",
    "Hugo",
    "Iris",
    "Jon",
    "Kira",
    "Leo",
    "Maya",
    "Nico",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sam",
    "Tara",
)
LAST_NAMES = (
    "Adams",
    "Baker",
    "Cruz",
    "Diaz",
    "Evans",
    "Fox",
    "Gupta",
    "Hill",
    "Ito",
    "Jones",
    "Khan",
    "Lopez",
    "Moore",
    "Novak",
    "Ortiz",
    "Price",
    "Reed",
    "Silva",
    "Tran",
    "Young",
)

M = TypeVar("M", bound=models.Model)
GUARDIAN = StudentContact.Relationship.GUARDIAN


@dataclass(frozen=True)
class Page:
    label: str
    url_name: str
    per: str  # "parent", "child" or "course": what the address needs


PAGES = (
    Page("children", "family:children", "parent"),
    Page("child overview", "family:child", "child"),
    Page("course", "family:course", "course"),
    Page("missing work", "family:missing", "child"),
    Page("attendance", "family:attendance", "child"),
    Page("schedule", "family:schedule", "child"),
    Page("report cards", "family:report_cards", "child"),
)


@dataclass
class Timing:
    page: Page
    seconds: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Report:
    students: int
    rows: int
    build_seconds: float
    parents: int
    children: int
    timings: list[Timing]
    notes: list[str]


@dataclass
class Family:
    account: Account
    children: list[Student]


@dataclass
class Built:
    """What the benchmark made and needs again to open the pages."""

    families: list[Family] = field(default_factory=list)
    schedules: dict[int, list[Section]] = field(default_factory=dict)


class Builder:
    """Makes a school of the given size with bulk inserts, counting the rows."""

    def __init__(self, students: int, seed: int, today: datetime.date) -> None:
        self.size = students
        self.rng = random.Random(seed)
        self.today = today
        self.rows = 0
        self.password = make_password(None)
        self.built = Built()
        self.classes: list[tuple[Section, list[Student]]] = []

    def add(self, objects: Sequence[M]) -> list[M]:
        if not objects:
            return []
        model = type(objects[0])
        created = model._default_manager.bulk_create(objects, batch_size=1000)
        self.rows += len(created)
        return created

    def build(self) -> Built:
        current, previous = self.marking_periods()
        school = self.add([School(name="Benchmark High School", level="high")])[0]
        students = self.students(school)
        self.families(students)
        self.sections(school, students, (current, previous))
        self.grades(current)
        self.report_cards(previous)
        self.attendance(students)
        return self.built

    def marking_periods(self) -> tuple[MarkingPeriod, MarkingPeriod]:
        """The marking period running today, and the one before it, made if needed."""
        current = MarkingPeriod.objects.current(self.today)
        if current is None or not current.contains(self.today):
            current = self.new_period("Benchmark 2", -40, 40)
        previous = (
            MarkingPeriod.objects.filter(end__lt=current.start).order_by("-end").first()
        )
        if previous is None:
            previous = self.new_period("Benchmark 1", -100, -41, current.start)
        return current, previous

    def new_period(
        self, name: str, first: int, last: int, before: datetime.date | None = None
    ) -> MarkingPeriod:
        anchor = self.today if before is None else before
        start = anchor + datetime.timedelta(days=first)
        end = anchor + datetime.timedelta(days=last)
        year = self.add([SchoolYear(name=f"{name} year", start=start, end=end)])[0]
        middle = start + (end - start) / 2
        period = MarkingPeriod(
            school_year=year, name=name, start=start, end=end, midpoint=middle
        )
        return self.add([period])[0]

    def students(self, school: School) -> list[Student]:
        return self.add(
            [
                Student(
                    number=f"9{n:06d}",
                    first_name=self.rng.choice(FIRST_NAMES),
                    last_name=self.rng.choice(LAST_NAMES),
                    grade=9 + n % 4,
                    school=school,
                )
                for n in range(self.size)
            ]
        )

    def families(self, students: list[Student]) -> None:
        """Households of one to three children, with one or two parents each."""
        order = self.rng.sample(students, len(students))
        households = []
        while order:
            size = self.rng.choice([1, 1, 2, 2, 3])
            households.append(order[:size])
            order = order[size:]

        parents = [
            (children, self.parent(n, second))
            for n, children in enumerate(households)
            for second in range(1 if self.rng.random() < 0.7 else 2)
        ]
        accounts = self.add([account for _, account in parents])
        contacts = self.add(
            [
                Contact(
                    first_name=a.first_name,
                    last_name=a.last_name,
                    email=a.email,
                    account=a,
                )
                for a in accounts
            ]
        )
        self.add(
            [
                StudentContact(student=child, contact=contact, relationship=GUARDIAN)
                for (children, _), contact in zip(parents, contacts, strict=True)
                for child in children
            ]
        )
        self.built.families = [
            Family(account, children)
            for (children, _), account in zip(parents, accounts, strict=True)
        ]

    def parent(self, household: int, second: int) -> Account:
        username = f"benchmark-parent-{household:05d}-{second}"
        return Account(
            username=username,
            password=self.password,
            kind=Account.Kind.PARENT,
            first_name=self.rng.choice(FIRST_NAMES),
            last_name=self.rng.choice(LAST_NAMES),
            email=f"{username}@example.org",
        )

    def sections(
        self,
        school: School,
        students: list[Student],
        periods: Iterable[MarkingPeriod],
    ) -> None:
        """Seven periods a day; in each, the students split into classes of 25."""
        per_period = math.ceil(len(students) / CLASS_SIZE)
        teachers = self.teachers(math.ceil(7 * per_period / SECTIONS_PER_TEACHER))
        courses = self.courses(school)

        for period, subject in enumerate(SUBJECTS, start=1):
            order = sorted(students, key=lambda s: (s.grade, self.rng.random()))
            for n in range(per_period):
                group = order[n * CLASS_SIZE : (n + 1) * CLASS_SIZE]
                teacher = teachers[(n + period * per_period) % len(teachers)]
                section = Section(
                    course=courses[subject, group[0].grade],
                    teacher=teacher,
                    period=period,
                    room=f"Room {100 + n}",
                )
                self.classes.append((section, group))

        self.add([section for section, _ in self.classes])
        self.enroll(periods)

    def teachers(self, count: int) -> list[Account]:
        return self.add(
            [
                Account(
                    username=f"benchmark-teacher-{n:04d}",
                    password=self.password,
                    kind=Account.Kind.TEACHER,
                    first_name=self.rng.choice(FIRST_NAMES),
                    last_name=self.rng.choice(LAST_NAMES),
                    email=f"benchmark-teacher-{n:04d}@schools.example.org",
                )
                for n in range(max(count, 1))
            ]
        )

    def courses(self, school: School) -> dict[tuple[str, int], Course]:
        keys = [(subject, grade) for subject in SUBJECTS for grade in range(9, 13)]
        courses = self.add(
            [
                Course(title=f"{subject} {grade}", school=school)
                for subject, grade in keys
            ]
        )
        return dict(zip(keys, courses, strict=True))

    def enroll(self, periods: Iterable[MarkingPeriod]) -> None:
        through = Section.marking_periods.through
        self.add(
            [
                through(section_id=section.pk, markingperiod_id=period.pk)
                for section, _ in self.classes
                for period in periods
            ]
        )

        start = self.today - datetime.timedelta(days=120)
        self.add(
            [
                Enrollment(student=student, section=section, start=start)
                for section, group in self.classes
                for student in group
            ]
        )
        for section, group in self.classes:
            for student in group:
                self.built.schedules.setdefault(student.pk, []).append(section)

    def grades(self, period: MarkingPeriod) -> None:
        """A gradebook per section, twenty assignments, a score for every student."""
        books = self.add(
            [
                Gradebook(
                    section=section,
                    marking_period=period,
                    method="weighted" if n % 2 else "points",
                    updated_at=timezone.now() - datetime.timedelta(days=n % 9),
                )
                for n, (section, _) in enumerate(self.classes)
            ]
        )
        categories = self.add(
            [
                Category(gradebook=book, name=name, weight=Decimal(weight))
                for book in books
                for name, weight in (("Tests", 50), ("Quizzes", 20), ("Homework", 30))
            ]
        )
        assignments = self.add(
            [
                self.assignment(book, categories[3 * b : 3 * b + 3], n, period)
                for b, book in enumerate(books)
                for n in range(ASSIGNMENTS_PER_SECTION)
            ]
        )
        self.scores(assignments)

    def assignment(
        self,
        book: Gradebook,
        categories: list[Category],
        n: int,
        period: MarkingPeriod,
    ) -> Assignment:
        span = max((self.today - period.start).days, 1)
        due = period.start + datetime.timedelta(
            days=(n + 1) * span // ASSIGNMENTS_PER_SECTION
        )
        category = categories[0 if n % 7 == 6 else 1 if n % 3 == 2 else 2]
        possible = {"Tests": 100, "Quizzes": 20, "Homework": 10}[category.name]
        return Assignment(
            gradebook=book,
            category=category,
            title=f"{category.name} {n + 1}",
            points_possible=Decimal(possible),
            assigned_on=due - datetime.timedelta(days=2),
            due_on=due,
            visible_from=due - datetime.timedelta(days=2),
        )

    def scores(self, assignments: list[Assignment]) -> None:
        """A score per student and assignment, inserted in batches to spare memory."""
        batch: list[Score] = []
        for n, (_, group) in enumerate(self.classes):
            first = n * ASSIGNMENTS_PER_SECTION
            for assignment in assignments[first : first + ASSIGNMENTS_PER_SECTION]:
                batch += [self.score(assignment, student) for student in group]
            if len(batch) >= BATCH:
                self.add(batch)
                batch = []
        self.add(batch)

    def score(self, assignment: Assignment, student: Student) -> Score:
        draw = self.rng.random()
        possible = assignment.points_possible
        points = (possible * Decimal(self.rng.randint(60, 100)) / 100).quantize(
            Decimal(1)
        )
        return Score(
            assignment=assignment,
            student=student,
            points=None if draw < 0.05 else points,
            missing=draw < 0.03,
            excused=0.03 <= draw < 0.05,
            late=0.05 <= draw < 0.08,
        )

    def report_cards(self, period: MarkingPeriod) -> None:
        """Posted grades for the marking period before, one per enrollment."""
        if not GradeBand.objects.exists():
            self.add([GradeBand(letter=x, minimum=Decimal(m)) for x, m in GRADE_BANDS])
        scale = [(letter, Decimal(minimum)) for letter, minimum in GRADE_BANDS]
        posted_on = min(period.end + datetime.timedelta(days=7), self.today)

        grades = []
        for section, group in self.classes:
            for student in group:
                percent = Decimal(self.rng.randint(550, 1000)) / 10
                grades.append(
                    ReportCardGrade(
                        student=student,
                        section=section,
                        marking_period=period,
                        mark=letter_for(percent, scale),
                        percent=percent,
                        posted_on=posted_on,
                    )
                )
        self.add(grades)

    def attendance(self, students: list[Student]) -> None:
        """A few absences and tardies per student in the last six weeks."""
        absent = self.code("BA", "Absent", AttendanceCode.Kind.ABSENT)
        tardy = self.code("BT", "Tardy", AttendanceCode.Kind.TARDY)
        days = [self.today - datetime.timedelta(days=n) for n in range(1, 43)]
        weekdays = [day for day in days if day.isoweekday() <= 5]

        marks = []
        for student in students:
            for n, day in enumerate(self.rng.sample(weekdays, 3)):
                section = self.built.schedules[student.pk][n] if n else None
                code = tardy if section else absent
                marks.append(
                    AttendanceMark(
                        student=student, date=day, section=section, code=code
                    )
                )
        self.add(marks)

    def code(self, code: str, meaning: str, kind: str) -> AttendanceCode:
        found = AttendanceCode.objects.filter(kind=kind).first()
        if found:
            return found
        return self.add(
            [
                AttendanceCode(
                    code=code,
                    meaning=meaning,
                    kind=kind,
                    counts_as_absence=kind == AttendanceCode.Kind.ABSENT,
                )
            ]
        )[0]


def run(students: int, parents: int, seed: int) -> Report:
    """Build, time and roll back: the database is left as it was."""
    with transaction.atomic():
        try:
            return build_and_time(students, parents, seed)
        finally:
            transaction.set_rollback(True)


def build_and_time(students: int, parents: int, seed: int) -> Report:
    builder = Builder(students, seed, timezone.localdate())

    started = time.perf_counter()
    built = builder.build()
    build_seconds = time.perf_counter() - started

    sample = random.Random(seed).sample(
        built.families, min(parents, len(built.families))
    )
    pages = [page for page in PAGES if page_exists(page)]
    timings = time_pages(sample, built, pages)

    return Report(
        students=students,
        rows=builder.rows,
        build_seconds=build_seconds,
        parents=len(sample),
        children=sum(len(family.children) for family in sample),
        timings=timings,
        notes=[
            f"{page.url_name} is not there yet: {page.label} skipped."
            for page in PAGES
            if page not in pages
        ],
    )


def page_exists(page: Page) -> bool:
    try:
        address(page, uuid.uuid4(), uuid.uuid4())
    except NoReverseMatch:
        return False
    return True


def address(page: Page, student: uuid.UUID, section: uuid.UUID) -> str:
    if page.per == "parent":
        return reverse(page.url_name)
    if page.per == "child":
        return reverse(page.url_name, args=[student])
    return reverse(page.url_name, args=[student, section])


def time_pages(families: list[Family], built: Built, pages: list[Page]) -> list[Timing]:
    timings = {page: Timing(page) for page in pages}
    for family in families:
        client = signed_in(family.account)
        for page in pages:
            for path in addresses(page, family, built):
                timed_get(client, path, timings[page])
    return list(timings.values())


def signed_in(account: Account) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(account)
    session = client.session
    session["signed_in_at"] = time.time()
    session.save()
    return client


def addresses(page: Page, family: Family, built: Built) -> list[str]:
    """The page once per parent, or once per child (a course of theirs, in turn)."""
    if page.per == "parent":
        return [address(page, uuid.uuid4(), uuid.uuid4())]

    paths = []
    for n, child in enumerate(family.children):
        sections = built.schedules[child.pk]
        section = sections[n % len(sections)]
        paths.append(address(page, child.public_id, section.public_id))
    return paths


def timed_get(client: Client, path: str, timing: Timing) -> None:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path, secure=True)
        timing.seconds.append(time.perf_counter() - started)

    timing.queries.append(len(queries.captured_queries))
    timing.statuses.add(response.status_code)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def table(report: Report) -> list[str]:
    """The report as lines of text: what was built, then a row per page."""
    lines = [
        f"Built a school of {report.students:,} students in "
        f"{report.build_seconds:.1f} s: {report.rows:,} rows, "
        f"{report.rows / max(report.build_seconds, 1e-9):,.0f} rows per second.",
        f"Timed the pages of {report.parents} parents and their "
        f"{report.children} children on {connection.vendor}.",
        "",
        f"{'page':<16}{'requests':>9}{'median ms':>11}{'p95 ms':>9}"
        f"  queries per request",
    ]
    lines += [row(timing) for timing in report.timings if timing.seconds]
    lines += [note for timing in report.timings if (note := status_note(timing))]
    return lines + report.notes


def row(timing: Timing) -> str:
    milliseconds = [seconds * 1000 for seconds in timing.seconds]
    low, high = min(timing.queries), max(timing.queries)
    queries = str(low) if low == high else f"{low}-{high}"
    return (
        f"{timing.page.label:<16}{len(milliseconds):>9}"
        f"{statistics.median(milliseconds):>11.1f}"
        f"{percentile(milliseconds, 0.95):>9.1f}  {queries}"
    )


def status_note(timing: Timing) -> str:
    others = sorted(timing.statuses - {200})
    if not others:
        return ""
    answers = ", ".join(str(status) for status in others)
    return f"{timing.page.label} answered {answers} to some requests."
