"""Missing work across all of a child's courses, on one page."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from family.access import student_for, student_page
from family.numbers import plain_number
from family.periods import periods_for
from gradebook.snapshot import AssignmentLine, CourseSnapshot, course_snapshots
from records.models import Section


@dataclass(frozen=True)
class MissingRow:
    section: Section
    line: AssignmentLine
    possible: str


def missing_rows(courses: Sequence[CourseSnapshot]) -> list[MissingRow]:
    """Every missing assignment, newest due date first."""
    rows = [
        MissingRow(
            section=course.section,
            line=line,
            possible=plain_number(line.assignment.points_possible),
        )
        for course in courses
        for line in course.missing_lines
    ]
    return sorted(
        rows,
        key=lambda row: (row.line.assignment.due_on, row.line.assignment.pk),
        reverse=True,
    )


def points_missing(rows: Sequence[MissingRow]) -> str:
    total = sum((row.line.assignment.points_possible for row in rows), Decimal(0))
    return plain_number(total)


@login_required
def missing(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    today = timezone.localdate()
    periods = periods_for(request, today)
    period = periods.shown
    courses = course_snapshots(student, period, today) if period else []
    rows = missing_rows(courses)

    context = student_page(request, student, "missing") | {
        "periods": periods,
        "rows": rows,
        "points": points_missing(rows),
    }
    return render(request, "family/missing.html", context)
