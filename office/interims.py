"""An interim progress report: where a student stands part way through a period.

The numbers come from the same course snapshots and attendance totals as the
child's overview, so the report, the email and the family's pages agree.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.text import slugify

from accounts.models import Account
from family.views.overview import AttendanceSummary, attendance_summary, graded_courses
from gradebook.snapshot import CourseSnapshot, course_snapshots
from office.models import InterimRequest
from records.models import MarkingPeriod, Section, Student
from staff.access import office_students


@dataclass(frozen=True)
class Comment:
    """A teacher's comment on one score, with the assignment it is about."""

    assignment: str
    text: str


@dataclass(frozen=True)
class InterimCourse:
    snapshot: CourseSnapshot

    @property
    def section(self) -> Section:
        return self.snapshot.section

    @property
    def percent(self) -> Decimal | None:
        return self.snapshot.average.percent

    @property
    def letter(self) -> str:
        return self.snapshot.letter

    @property
    def missing(self) -> list[str]:
        return [line.assignment.title for line in self.snapshot.missing_lines]

    @property
    def comments(self) -> list[Comment]:
        return [
            Comment(line.assignment.title, line.score.comment)
            for line in self.snapshot.lines
            if line.score is not None and line.score.comment
        ]


@dataclass(frozen=True)
class InterimReport:
    student: Student
    period: MarkingPeriod
    day: datetime.date
    courses: list[InterimCourse]
    attendance: AttendanceSummary

    @property
    def filename(self) -> str:
        """A download name that says what it is and holds no student number."""
        name = slugify(f"{self.student.full_name} {self.period.name}")
        return f"interim-report-{name}.pdf"


def interim_report(student: Student, today: datetime.date) -> InterimReport | None:
    """The student's courses and attendance so far, or None before any period."""
    period = MarkingPeriod.objects.current(today)
    if period is None:
        return None

    courses = graded_courses(course_snapshots(student, period, today))
    return InterimReport(
        student=student,
        period=period,
        day=today,
        courses=[InterimCourse(course) for course in courses],
        attendance=attendance_summary(student, period, today),
    )


def office_requests(account: Account) -> QuerySet[InterimRequest]:
    """The interim requests of the students this office account may see."""
    return InterimRequest.objects.filter(
        student__in=office_students(account)
    ).select_related("student__school", "account", "sent_by")
