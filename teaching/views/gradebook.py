"""A teacher's gradebook grid: students by assignments, saved cell by cell."""

import datetime
from collections import defaultdict
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Account
from gradebook.averages import Average
from gradebook.changes import set_score
from gradebook.models import Assignment, Category, Gradebook, Score
from gradebook.snapshot import course_snapshots, grading_scale, snapshot
from records.models import Enrollment, MarkingPeriod, Section, Student
from staff.access import signed_in, teacher_section
from teaching.grid import (
    CellError,
    Row,
    Typed,
    build_rows,
    cell_flags,
    cell_text,
    counted_assignments,
    is_empty,
    parse_cell,
    score_values,
)

COMMENT_LIMIT = 500


def section_periods(section: Section) -> list[MarkingPeriod]:
    return list(section.marking_periods.order_by("start"))


def default_period(section: Section, today: datetime.date) -> MarkingPeriod:
    """The section's marking period running today, else the latest one started."""
    periods = section.marking_periods.all()
    current = periods.current(today) or periods.order_by("start").first()
    if current is None:
        raise Http404
    return current


def open_gradebook(
    request: HttpRequest, section_id: UUID, period_id: int
) -> tuple[Section, Gradebook]:
    """The teacher's own section and its gradebook for the period, made on first use."""
    section = teacher_section(request, section_id)
    period = get_object_or_404(section.marking_periods, pk=period_id)

    book, _ = Gradebook.objects.select_related("marking_period").get_or_create(
        section=section, marking_period=period
    )
    return section, book


def section_assignment(section: Section, assignment_id: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related("gradebook__marking_period"),
        pk=assignment_id,
        gradebook__section=section,
    )


def roster(section: Section, period: MarkingPeriod) -> list[Enrollment]:
    """The section's students at any time in the marking period, by last name."""
    return list(
        Enrollment.objects.filter(section=section, start__lte=period.end)
        .filter(Q(dropped_on__isnull=True) | Q(dropped_on__gt=period.start))
        .select_related("student")
        .order_by("student__last_name", "student__first_name", "student__pk")
    )


def enrolled_student(
    section: Section, period: MarkingPeriod, public_id: UUID
) -> Student:
    for enrollment in roster(section, period):
        if enrollment.student.public_id == public_id:
            return enrollment.student
    raise Http404


def grid_rows(
    section: Section,
    book: Gradebook,
    enrollments: list[Enrollment],
    assignments: list[Assignment],
    today: datetime.date,
) -> list[Row]:
    """Every student's cells and running average, in a fixed number of queries."""
    scores: dict[int, dict[int, Score]] = defaultdict(dict)
    for score in Score.objects.filter(assignment__gradebook=book):
        scores[score.student_id][score.assignment_id] = score
    categories = {book.pk: list(Category.objects.filter(gradebook=book))}
    counted = {book.pk: counted_assignments(assignments, today)}
    scale = grading_scale()

    def average(own: dict[int, Score]) -> tuple[Average, str]:
        course = snapshot(section, book, categories, counted, own, scale)
        return course.average, course.letter

    return build_rows(enrollments, assignments, scores, average)


def uncategorized(book: Gradebook, assignments: list[Assignment]) -> list[Assignment]:
    """In a weighted gradebook, assignments without a category count for nothing."""
    if book.method != Gradebook.Method.WEIGHTED:
        return []
    return [assignment for assignment in assignments if assignment.category is None]


@login_required
def current_gradebook(request: HttpRequest, section_id: UUID) -> HttpResponse:
    section = teacher_section(request, section_id)

    period = default_period(section, timezone.localdate())
    return redirect("teaching:gradebook", section.public_id, period.pk)


@login_required
def gradebook(request: HttpRequest, section_id: UUID, period_id: int) -> HttpResponse:
    section, book = open_gradebook(request, section_id, period_id)

    today = timezone.localdate()
    assignments = list(book.assignments.select_related("category"))
    enrollments = roster(section, book.marking_period)

    context = {
        "section": section,
        "book": book,
        "period": book.marking_period,
        "periods": section_periods(section),
        "assignments": assignments,
        "uncounted": uncategorized(book, assignments),
        "rows": grid_rows(section, book, enrollments, assignments, today),
        "today": today,
    }
    return render(request, "teaching/gradebook.html", context)


def student_average(
    student: Student, section: Section, period: MarkingPeriod
) -> dict[str, str | None]:
    """The running average as the family's pages show it, read the same way."""
    course = course_snapshots(
        student, period, timezone.localdate(), sections=[section]
    )[0]
    percent = course.average.percent
    return {
        "average": None if percent is None else str(percent),
        "letter": course.letter,
    }


def typed_values(
    request: HttpRequest, assignment: Assignment, score: Score | None
) -> dict[str, object]:
    """What the request asks to change: the cell's text, the comment, or both."""
    values: dict[str, object] = {}
    if "value" in request.POST:
        typed = parse_cell(request.POST["value"], assignment.points_possible)
        values |= score_values(typed, score)
    if "comment" in request.POST:
        comment = request.POST["comment"].strip()
        if len(comment) > COMMENT_LIMIT:
            raise CellError(f"A comment can be at most {COMMENT_LIMIT} characters.")
        values["comment"] = comment
    if not values:
        raise CellError("Nothing to save: send a score or a comment.")
    return values


@require_POST
@login_required
def save_score(
    request: HttpRequest, section_id: UUID, assignment_id: int, student_id: UUID
) -> HttpResponse:
    """Save one cell; answer with the cell as stored and the student's new average."""
    section = teacher_section(request, section_id)
    assignment = section_assignment(section, assignment_id)
    period = assignment.gradebook.marking_period
    student = enrolled_student(section, period, student_id)

    current = Score.objects.filter(assignment=assignment, student=student).first()
    try:
        values = typed_values(request, assignment, current)
    except CellError as error:
        return JsonResponse({"error": error.message}, status=400)

    score = set_score(signed_in(request), assignment, student, **values)

    answer = {
        "text": cell_text(score),
        "flags": cell_flags(score),
        "comment": score.comment,
    }
    return JsonResponse(answer | student_average(student, section, period))


@require_POST
@login_required
def set_column(
    request: HttpRequest, section_id: UUID, assignment_id: int
) -> HttpResponse:
    """Give every empty cell of one assignment the same score, such as full marks."""
    section = teacher_section(request, section_id)
    assignment = section_assignment(section, assignment_id)
    period = assignment.gradebook.marking_period
    back = redirect("teaching:gradebook", section.public_id, period.pk)

    try:
        typed = parse_cell(request.POST.get("value", ""), assignment.points_possible)
    except CellError as error:
        messages.error(request, f"{assignment.title}: {error.message}")
        return back
    if typed.clears or typed.toggles_late:
        messages.error(
            request,
            f"{assignment.title}: type a score or a code for the empty cells, "
            "such as the points possible or M.",
        )
        return back

    filled = fill_empty(signed_in(request), assignment, roster(section, period), typed)
    messages.success(request, filled_message(assignment, filled))
    return back


def fill_empty(
    actor: Account,
    assignment: Assignment,
    enrollments: list[Enrollment],
    typed: Typed,
) -> list[Score]:
    """Give the typed score to each student in class on the due date with none yet."""
    scores = {score.student_id: score for score in assignment.scores.all()}
    due = assignment.due_on
    empty = [
        enrollment.student
        for enrollment in enrollments
        if enrollment.start <= due
        and (enrollment.dropped_on is None or enrollment.dropped_on > due)
        and is_empty(scores.get(enrollment.student_id))
    ]

    return [
        set_score(actor, assignment, student, **score_values(typed, None))
        for student in empty
    ]


def filled_message(assignment: Assignment, filled: list[Score]) -> str:
    if not filled:
        return f"{assignment.title} has no empty cells: nothing changed."
    cells = "cell" if len(filled) == 1 else "cells"
    text = cell_text(filled[0])
    return f"{assignment.title}: {len(filled)} empty {cells} set to {text}."
