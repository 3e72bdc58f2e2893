"""One course of a child: the average explained, the chart, every assignment."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from family.access import student_for, student_page
from family.charts import Chart, line_chart
from family.numbers import plain_number
from family.periods import periods_for
from gradebook.averages import CategoryResult
from gradebook.models import Score
from gradebook.snapshot import (
    AssignmentLine,
    CourseSnapshot,
    average_over_time,
    course_snapshots,
    enrolled_sections,
)
from records.models import MarkingPeriod, Section, Student

OTHER = _("Other work")
ALL = _("All assignments")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Flag:
    name: str  # for the style sheet
    word: Promise


@dataclass(frozen=True)
class AssignmentRow:
    line: AssignmentLine
    earned: str | None  # None when there is no score to show
    possible: str
    flags: list[Flag]


@dataclass(frozen=True)
class CategoryRow:
    """One line of the average explained: a category and what it counts for."""

    name: str
    weight: str
    earned: str
    possible: str
    percent: Decimal | None
    share: Decimal


@dataclass(frozen=True)
class CategoryGroup:
    name: str
    weight: str | None  # None in a total-points gradebook
    rows: list[AssignmentRow]


def flags_for(score: Score | None) -> list[Flag]:
    if score is None:
        return []
    flags = [
        Flag("missing", _("Missing")) if score.missing and not score.excused else None,
        Flag("late", _("Late")) if score.late else None,
        Flag("excused", _("Excused")) if score.excused else None,
        Flag("incomplete", _("Incomplete")) if score.incomplete else None,
    ]
    return [flag for flag in flags if flag is not None]


def earned_text(line: AssignmentLine) -> str | None:
    """The points to show: zero for missing work, nothing when not graded."""
    if line.missing:
        return "0"
    if line.score is None or line.score.points is None:
        return None
    return plain_number(line.score.points)


def assignment_row(line: AssignmentLine) -> AssignmentRow:
    return AssignmentRow(
        line=line,
        earned=earned_text(line),
        possible=plain_number(line.assignment.points_possible),
        flags=flags_for(line.score),
    )


def category_name(name: str) -> str:
    return name or str(OTHER)


def category_groups(course: CourseSnapshot) -> list[CategoryGroup]:
    """Assignments by category, in the gradebook's category order, newest first."""
    rows: dict[str, list[AssignmentRow]] = {}
    for line in course.lines:
        rows.setdefault(line.category, []).append(assignment_row(line))

    order = [result.name for result in course.average.categories]
    order += [name for name in rows if name not in order]
    if list(rows) == [""]:
        return [CategoryGroup(str(ALL), None, rows[""])]

    weights = course.weights
    return [
        CategoryGroup(
            name=category_name(name),
            weight=None if weights is None else plain_number(weights.get(name, ZERO)),
            rows=rows[name],
        )
        for name in order
        if name in rows
    ]


def category_row(result: CategoryResult) -> CategoryRow:
    return CategoryRow(
        name=category_name(result.name),
        weight=plain_number(result.weight),
        earned=plain_number(result.earned),
        possible=plain_number(result.possible),
        percent=result.percent,
        share=result.share,
    )


def rescaled(results: Sequence[CategoryResult]) -> bool:
    """Whether some weighted category has nothing graded, so the others count more."""
    return any(result.percent is None and result.weight > 0 for result in results)


def points_totals(results: Sequence[CategoryResult]) -> tuple[str, str]:
    """Points earned and possible across all graded work."""
    earned = sum((result.earned for result in results), ZERO)
    possible = sum((result.possible for result in results), ZERO)
    return plain_number(earned), plain_number(possible)


def chart_for(
    course: CourseSnapshot, period: MarkingPeriod, today: datetime.date
) -> Chart | None:
    last = min(max(today, period.start), period.end)
    return line_chart(average_over_time(course), period.start, last)


def enrolled_section(
    student: Student,
    period: MarkingPeriod | None,
    today: datetime.date,
    public_id: UUID,
) -> tuple[Section, MarkingPeriod]:
    """The section and its period, if it is on the student's schedule; else 404."""
    if period is None:
        raise Http404
    for section in enrolled_sections(student, period, today):
        if section.public_id == public_id:
            return section, period
    raise Http404


@login_required
def course(request: HttpRequest, public_id: UUID, section_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    today = timezone.localdate()
    periods = periods_for(request, today)
    section, period = enrolled_section(student, periods.shown, today, section_id)
    (snapshot,) = course_snapshots(student, period, today, [section])

    results = snapshot.average.categories
    context = student_page(request, student, "course") | {
        "periods": periods,
        "course": snapshot,
        "weighted": snapshot.weights is not None,
        "categories": [category_row(result) for result in results],
        "rescaled": rescaled(results),
        "totals": points_totals(results),
        "groups": category_groups(snapshot),
        "chart": chart_for(snapshot, period, today),
    }
    return render(request, "family/course.html", context)
