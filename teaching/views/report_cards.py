"""Posting report card grades for a section once its marking period has ended."""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.forms import BoundField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_POST

from accounts.models import Account
from gradebook.changes import post_report_card_grade
from gradebook.models import Assignment, Category, Gradebook, ReportCardGrade, Score
from gradebook.snapshot import CourseSnapshot, grading_scale
from gradebook.snapshot import snapshot as course_snapshot
from records.models import Enrollment, MarkingPeriod, Section, Student
from staff.access import teacher_account, teacher_section
from teaching.posting import (
    EXTRA_MARKS,
    allowed_marks,
    clean_mark,
    default_period,
    may_post,
    needs_posting,
    starting_mark,
    suggested_mark,
)

MARK_LIMIT = 10
COMMENT_LIMIT = 500


@dataclass(frozen=True)
class GradeRow:
    """One student: the running average, the suggested letter, any posted grade."""

    student: Student
    course: CourseSnapshot
    suggested: str
    posted: ReportCardGrade | None


@dataclass(frozen=True)
class ClassGrades:
    rows: list[GradeRow]
    letters: list[str]  # the grading scale, highest first


@dataclass(frozen=True)
class SheetRow:
    grade: GradeRow
    mark: BoundField
    comment: BoundField


def mark_field(student: Student) -> str:
    return f"mark-{student.public_id}"


def comment_field(student: Student) -> str:
    return f"comment-{student.public_id}"


class PostGradesForm(forms.Form):
    def __init__(
        self, rows: Sequence[GradeRow], marks: Sequence[str], *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows, self.marks = rows, marks

        for row in rows:
            name = row.student.full_name
            self.fields[mark_field(row.student)] = forms.CharField(
                label=f"Mark for {name}",
                max_length=MARK_LIMIT,
                required=False,
                initial=starting_mark(row.posted, row.suggested),
                widget=forms.TextInput(
                    attrs={"list": "report-card-marks", "autocomplete": "off"}
                ),
            )
            self.fields[comment_field(row.student)] = forms.CharField(
                label=f"Comment for {name}",
                max_length=COMMENT_LIMIT,
                required=False,
                initial=row.posted.comment if row.posted else "",
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for row in self.rows:
            field = mark_field(row.student)
            mark = clean_mark(cleaned.get(field) or "")
            cleaned[field] = mark
            if error := self.mark_error(row, mark):
                self.add_error(field, error)
        return cleaned

    def mark_error(self, row: GradeRow, mark: str) -> str:
        name = row.student.full_name
        if mark and mark not in self.marks:
            return (
                f"“{mark}” is not a report card mark. Use one of "
                f"{', '.join(self.marks)}."
            )
        if not mark and row.posted:
            return (
                f"{name}'s grade is already posted, so it cannot be left blank: "
                "enter the corrected mark."
            )
        return ""

    def posting(self, student: Student) -> tuple[str, str]:
        """The mark and comment to post for one student."""
        comment = (self.cleaned_data.get(comment_field(student)) or "").strip()
        return self.cleaned_data.get(mark_field(student)) or "", comment


@login_required
def report_card_grades(request: HttpRequest, section_id: UUID) -> HttpResponse:
    section = teacher_section(request, section_id)

    today = timezone.localdate()
    periods = list(section.marking_periods.order_by("start"))
    period = next(
        (p for p in periods if str(p.pk) == request.GET.get("period")),
        default_period(periods, today),
    )
    if period is None:
        context = {"staff_tab": "teaching", "section": section, "periods": []}
        return render(request, "teaching/post_grades.html", context)

    grades = class_grades(section, period, today)
    form = PostGradesForm(grades.rows, allowed_marks(grades.letters))
    return render_sheet(request, section, period, periods, grades, form)


@login_required
@require_POST
def post_grades(request: HttpRequest, section_id: UUID, period_id: int) -> HttpResponse:
    section = teacher_section(request, section_id)
    actor = teacher_account(request)
    period = get_object_or_404(section.marking_periods, pk=period_id)

    today = timezone.localdate()
    if not may_post(period, today):
        messages.error(request, not_yet_message(period))
        return redirect(page_url(section, period))

    grades = class_grades(section, period, today)
    form = PostGradesForm(grades.rows, allowed_marks(grades.letters), request.POST)
    if not form.is_valid():
        periods = list(section.marking_periods.order_by("start"))
        return render_sheet(request, section, period, periods, grades, form, 400)

    new, corrected = post_all(actor, section, period, grades.rows, form, today)
    messages.success(request, posted_message(section, period, new, corrected))
    return redirect(page_url(section, period))


def class_grades(
    section: Section, period: MarkingPeriod, today: datetime.date
) -> ClassGrades:
    """Every student's running average and posted grade, in a fixed number of queries.

    The averages come from the same snapshot the family pages use, over the
    assignments families can see today, so the numbers agree everywhere.
    """
    students = enrolled_students(section, period, today)
    book = Gradebook.objects.filter(section=section, marking_period=period).first()
    categories, assignments = book_setup(book, today)
    scores = scores_by_student(book, students)
    scale = grading_scale()
    posted = {
        grade.student_id: grade
        for grade in ReportCardGrade.objects.filter(
            section=section, marking_period=period, student__in=students
        )
    }

    rows = []
    for student in students:
        course = course_snapshot(
            section, book, categories, assignments, scores[student.pk], scale
        )
        suggested = suggested_mark(course.average.percent, scale)
        rows.append(GradeRow(student, course, suggested, posted.get(student.pk)))
    return ClassGrades(rows, [letter for letter, _ in scale])


def enrolled_students(
    section: Section, period: MarkingPeriod, today: datetime.date
) -> list[Student]:
    """The class list on the period's last day, or today while it is running."""
    last_day = min(today, period.end) if period.contains(today) else period.end
    enrollments = (
        Enrollment.objects.on(max(last_day, period.start))
        .filter(section=section)
        .select_related("student")
        .order_by("student__last_name", "student__first_name")
    )
    return [enrollment.student for enrollment in enrollments]


def book_setup(
    book: Gradebook | None, today: datetime.date
) -> tuple[dict[int, list[Category]], dict[int, list[Assignment]]]:
    """The gradebook's categories and the assignments families can see today."""
    categories: dict[int, list[Category]] = defaultdict(list)
    assignments: dict[int, list[Assignment]] = defaultdict(list)
    if book is None:
        return categories, assignments

    categories[book.pk] = list(Category.objects.filter(gradebook=book))
    assignments[book.pk] = list(
        Assignment.objects.filter(
            gradebook=book, visible_from__lte=today
        ).select_related("category")
    )
    return categories, assignments


def scores_by_student(
    book: Gradebook | None, students: list[Student]
) -> defaultdict[int, dict[int, Score]]:
    scores: defaultdict[int, dict[int, Score]] = defaultdict(dict)
    if book is None:
        return scores

    for score in Score.objects.filter(assignment__gradebook=book, student__in=students):
        scores[score.student_id][score.assignment_id] = score
    return scores


@transaction.atomic
def post_all(
    actor: Account,
    section: Section,
    period: MarkingPeriod,
    rows: list[GradeRow],
    form: PostGradesForm,
    today: datetime.date,
) -> tuple[int, int]:
    """Post each new or corrected grade through the record of changes."""
    new = corrected = 0
    for row in rows:
        mark, comment = form.posting(row.student)
        if not needs_posting(row.posted, mark, comment):
            continue

        post_report_card_grade(
            actor,
            row.student,
            section,
            period,
            mark,
            posted_on=today,
            percent=row.course.average.percent,
            comment=comment,
        )
        if row.posted is None:
            new += 1
        else:
            corrected += 1
    return new, corrected


def posted_message(
    section: Section, period: MarkingPeriod, new: int, corrected: int
) -> str:
    where = f"{section.course.title}, {period.name}"
    if new == corrected == 0:
        return f"Nothing changed for {where}: every grade was already posted as shown."
    return (
        f"Report card grades posted for {where}: {new} new, {corrected} corrected. "
        "Families see them on their report card page from today."
    )


def not_yet_message(period: MarkingPeriod) -> str:
    end = dateformat.format(period.end, "l j F Y")
    return (
        f"{period.name} ends on {end}. Report card grades can be posted from that "
        "day; nothing was posted."
    )


def page_url(section: Section, period: MarkingPeriod) -> str:
    url = reverse("teaching:report_card_grades", args=[section.public_id])
    return f"{url}?period={period.pk}"


def render_sheet(
    request: HttpRequest,
    section: Section,
    period: MarkingPeriod,
    periods: list[MarkingPeriod],
    grades: ClassGrades,
    form: PostGradesForm,
    status: int = 200,
) -> HttpResponse:
    rows = [
        SheetRow(row, form[mark_field(row.student)], form[comment_field(row.student)])
        for row in grades.rows
    ]

    context = {
        "staff_tab": "teaching",
        "section": section,
        "period": period,
        "periods": periods,
        "open": may_post(period, timezone.localdate()),
        "rows": rows,
        "form": form,
        "letters": grades.letters,
        "extras": EXTRA_MARKS.items(),
        "marks": form.marks,
    }
    return render(request, "teaching/post_grades.html", context, status=status)
