"""A child's overview: what a parent opens most."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from family import calendar
from family.access import student_for, student_page
from family.marks import marks_between
from family.periods import Periods, periods_for
from family.views.interim import interim_requests
from gradebook.snapshot import CourseSnapshot, course_snapshots, enrolled_sections
from records.models import MarkingPeriod, Section, Student


@dataclass(frozen=True)
class AttendanceSummary:
    first: datetime.date
    last: datetime.date
    totals: calendar.Totals


def attendance_summary(
    student: Student, period: MarkingPeriod, today: datetime.date
) -> AttendanceSummary:
    """Absences, tardies and early dismissals so far in the period."""
    last = min(today, period.end)
    marks = marks_between(student, period.start, last)
    return AttendanceSummary(period.start, last, calendar.totals(marks))


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
        "attendance": attendance_summary(student, period, today) if period else None,
        "interim_requests": interim_requests(request, student),
    }
    return render(request, "family/overview.html", context)
