"""A child's overview: what a parent opens most."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from attendance.models import AttendanceCode, AttendanceMark
from family.access import student_for, student_page
from gradebook.snapshot import CourseSnapshot, course_snapshots, enrolled_sections
from records.models import MarkingPeriod, Section, Student


@dataclass(frozen=True)
class Periods:
    """The marking period a page shows, the one running now, and those to pick from."""

    shown: MarkingPeriod | None
    current: MarkingPeriod | None
    started: list[MarkingPeriod]

    @property
    def query(self) -> str:
        """What links add to keep showing a period other than the current one."""
        if self.shown is None or self.shown == self.current:
            return ""
        return f"?period={self.shown.pk}"


@dataclass(frozen=True)
class AttendanceTotals:
    first: datetime.date
    last: datetime.date
    days_absent: int
    days_excused: int
    classes_missed: int
    tardies: int
    dismissals: int


def pick_period(
    started: Sequence[MarkingPeriod], wanted: str, current: MarkingPeriod | None
) -> MarkingPeriod | None:
    """The period asked for in the address if it has started, else the current one."""
    return next((period for period in started if str(period.pk) == wanted), current)


def periods_for(request: HttpRequest, today: datetime.date) -> Periods:
    current = MarkingPeriod.objects.current(today)
    if current is None:
        return Periods(None, None, [])

    started = list(
        MarkingPeriod.objects.filter(
            school_year_id=current.school_year_id, start__lte=today
        )
    )
    shown = pick_period(started, request.GET.get("period", ""), current)
    return Periods(shown, current, started)


def attendance_totals(
    student: Student, period: MarkingPeriod, today: datetime.date
) -> AttendanceTotals:
    """Absences, tardies and early dismissals so far in the period, in one query."""
    last = min(today, period.end)
    absent = Q(code__counts_as_absence=True)
    daily = Q(section__isnull=True)
    totals = (
        AttendanceMark.objects.filter(student=student)
        .between(period.start, last)
        .aggregate(
            days_absent=Count("date", filter=daily & absent, distinct=True),
            days_excused=Count(
                "date", filter=daily & absent & Q(code__excused=True), distinct=True
            ),
            classes_missed=Count("pk", filter=~daily & absent),
            tardies=Count("pk", filter=Q(code__kind=AttendanceCode.Kind.TARDY)),
            dismissals=Count(
                "date",
                filter=Q(code__kind=AttendanceCode.Kind.DISMISSED),
                distinct=True,
            ),
        )
    )
    return AttendanceTotals(first=period.start, last=last, **totals)


def graded_courses(courses: Sequence[CourseSnapshot]) -> list[CourseSnapshot]:
    """The courses a family follows grades in: every one but homeroom."""
    return [course for course in courses if not course.section.is_homeroom]


def meeting_today(sections: Sequence[Section], today: datetime.date) -> list[Section]:
    return [section for section in sections if section.meets_on(today)]


def todays_schedule(
    student: Student,
    periods: Periods,
    courses: Sequence[CourseSnapshot],
    today: datetime.date,
) -> list[Section]:
    """The sections that meet today, while a marking period is running."""
    current = periods.current
    if current is None or not current.contains(today):
        return []

    if periods.shown == current:
        sections = [course.section for course in courses]
    else:
        sections = enrolled_sections(student, current, today)
    return meeting_today(sections, today)


@login_required
def overview(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    today = timezone.localdate()
    periods = periods_for(request, today)
    period = periods.shown
    courses = course_snapshots(student, period, today) if period else []

    context = student_page(request, student, "overview") | {
        "today": today,
        "periods": periods,
        "courses": graded_courses(courses),
        "schedule": todays_schedule(student, periods, courses, today),
        "attendance": attendance_totals(student, period, today) if period else None,
    }
    return render(request, "family/overview.html", context)
