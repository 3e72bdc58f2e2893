"""Changing scores and report card grades, always into the record of changes."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Account
from audit.record import record_changes, snapshot
from gradebook.models import Assignment, ReportCardGrade, Score
from records.models import MarkingPeriod, Section, Student

SCORE_FIELDS = ["points", "missing", "late", "excused", "incomplete", "comment"]
REPORT_CARD_FIELDS = ["mark", "percent", "comment", "posted_on"]


@transaction.atomic
def set_score(
    actor: Account | None, assignment: Assignment, student: Student, **values: Any
) -> Score:
    """Save a student's score on an assignment; the gradebook counts as updated."""
    score, created = Score.objects.select_for_update().get_or_create(
        assignment=assignment, student=student
    )
    before = {} if created else snapshot(score, SCORE_FIELDS)

    for name, value in values.items():
        setattr(score, name, value)
    score.updated_at = timezone.now()
    score.save()

    if record_changes(actor, "score", score, before, SCORE_FIELDS, student):
        assignment.gradebook.touch()
    return score


@transaction.atomic
def post_report_card_grade(
    actor: Account | None,
    student: Student,
    section: Section,
    period: MarkingPeriod,
    mark: str,
    posted_on: datetime.date,
    percent: Decimal | None = None,
    comment: str = "",
) -> ReportCardGrade:
    """Post (or correct) the official mark for a course and marking period."""
    grade, created = ReportCardGrade.objects.select_for_update().get_or_create(
        student=student,
        section=section,
        marking_period=period,
        defaults={"mark": mark, "posted_on": posted_on},
    )
    before = {} if created else snapshot(grade, REPORT_CARD_FIELDS)

    grade.mark, grade.percent, grade.comment = mark, percent, comment
    grade.posted_on, grade.posted_by = posted_on, actor
    grade.save()

    record_changes(
        actor, "report card grade", grade, before, REPORT_CARD_FIELDS, student
    )
    return grade
