"""A student's courses for one marking period, loaded in a fixed number of queries.

Every page that shows averages (the child's overview, a course page, missing
work, interim reports) reads them from here, so the numbers always agree.
"""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from gradebook.averages import Average, Entry, letter_for, running_average
from gradebook.models import Assignment, Category, GradeBand, Gradebook, Score
from records.models import Enrollment, MarkingPeriod, Section, Student


@dataclass(frozen=True)
class AssignmentLine:
    assignment: Assignment
    category: str
    score: Score | None

    @property
    def missing(self) -> bool:
        return self.score is not None and self.score.missing and not self.score.excused

    def entry(self) -> Entry:
        score = self.score
        return Entry(
            category=self.category,
            possible=self.assignment.points_possible,
            points=score.points if score else None,
            missing=bool(score and score.missing),
            excused=bool(score and score.excused),
            incomplete=bool(score and score.incomplete),
        )


@dataclass(frozen=True)
class CourseSnapshot:
    section: Section
    gradebook: Gradebook | None
    weights: dict[str, Decimal] | None  # None for a total-points gradebook
    lines: list[AssignmentLine]  # visible to families, newest due date first
    average: Average
    letter: str

    @property
    def missing_lines(self) -> list[AssignmentLine]:
        return [line for line in self.lines if line.missing]

    @property
    def last_updated(self) -> datetime.datetime | None:
        return self.gradebook.updated_at if self.gradebook else None


def grading_scale() -> list[tuple[str, Decimal]]:
    return [(band.letter, band.minimum) for band in GradeBand.objects.all()]


def enrolled_sections(
    student: Student, period: MarkingPeriod, today: datetime.date
) -> list[Section]:
    """The student's sections in this marking period, by period."""
    last_day = min(today, period.end) if period.contains(today) else period.end
    enrollments = (
        Enrollment.objects.on(max(last_day, period.start))
        .filter(student=student, section__marking_periods=period)
        .select_related("section__course", "section__teacher")
        .order_by("section__period", "section__course__title")
    )
    return [enrollment.section for enrollment in enrollments]


def course_snapshots(
    student: Student,
    period: MarkingPeriod,
    today: datetime.date,
    sections: Sequence[Section] | None = None,
) -> list[CourseSnapshot]:
    """Every course of the student in the marking period, with its running average."""
    if sections is None:
        sections = enrolled_sections(student, period, today)
    gradebooks = {
        book.section_id: book
        for book in Gradebook.objects.filter(
            section__in=sections, marking_period=period
        )
    }
    categories = defaultdict(list)
    for category in Category.objects.filter(gradebook__in=gradebooks.values()):
        categories[category.gradebook_id].append(category)
    assignments = defaultdict(list)
    for assignment in Assignment.objects.filter(
        gradebook__in=gradebooks.values(), visible_from__lte=today
    ).select_related("category"):
        assignments[assignment.gradebook_id].append(assignment)
    scores = {
        score.assignment_id: score
        for score in Score.objects.filter(
            student=student, assignment__gradebook__in=gradebooks.values()
        )
    }
    scale = grading_scale()

    return [
        snapshot(
            section,
            gradebooks.get(section.pk),
            categories,
            assignments,
            scores,
            scale,
        )
        for section in sections
    ]


def snapshot(
    section: Section,
    book: Gradebook | None,
    categories: dict[int, list[Category]],
    assignments: dict[int, list[Assignment]],
    scores: dict[int, Score],
    scale: list[tuple[str, Decimal]],
) -> CourseSnapshot:
    if book is None:
        return CourseSnapshot(section, None, None, [], running_average(None, []), "")

    weights = None
    if book.method == Gradebook.Method.WEIGHTED:
        weights = {category.name: category.weight for category in categories[book.pk]}
    lines = [
        AssignmentLine(
            assignment=assignment,
            category=assignment.category.name if assignment.category else "",
            score=scores.get(assignment.pk),
        )
        for assignment in sorted(
            assignments[book.pk], key=lambda a: (a.due_on, a.pk), reverse=True
        )
    ]
    average = running_average(weights, [line.entry() for line in lines])
    return CourseSnapshot(
        section, book, weights, lines, average, letter_for(average.percent, scale)
    )


def average_over_time(course: CourseSnapshot) -> list[tuple[datetime.date, Decimal]]:
    """The running average as it stood after each due date, oldest first."""
    points = []
    dates = sorted({line.assignment.due_on for line in course.lines})
    for day in dates:
        entries = [
            line.entry() for line in course.lines if line.assignment.due_on <= day
        ]
        percent = running_average(course.weights, entries).percent
        if percent is not None:
            points.append((day, percent))
    return points
