"""Report cards as families see them: posted report card grades, by marking period."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import QuerySet
from django.utils.text import slugify

from gradebook.models import ReportCardGrade
from records.models import MarkingPeriod, Student


@dataclass(frozen=True)
class ReportCard:
    """One student's posted report card grades for one marking period."""

    marking_period: MarkingPeriod
    grades: list[ReportCardGrade]

    @property
    def posted_on(self) -> datetime.date:
        return max(grade.posted_on for grade in self.grades)

    @property
    def filename(self) -> str:
        """A download name that says what it is and holds no student number."""
        return f"report-card-{slugify(self.marking_period.name)}.pdf"


def posted_grades(student: Student, today: datetime.date) -> QuerySet[ReportCardGrade]:
    """The student's report card grades whose posting date has come, newest first."""
    return (
        ReportCardGrade.objects.filter(student=student, posted_on__lte=today)
        .select_related(
            "marking_period__school_year", "section__course", "section__teacher"
        )
        .order_by(
            "-marking_period__start",
            "marking_period_id",
            "section__period",
            "section__course__title",
        )
    )


def posted_report_cards(student: Student, today: datetime.date) -> list[ReportCard]:
    """Every marking period with a posted grade, the latest first, in one query."""
    grades = posted_grades(student, today)
    by_period = groupby(grades, key=lambda grade: grade.marking_period)
    return [ReportCard(period, list(lines)) for period, lines in by_period]


def posted_report_card(
    student: Student, marking_period_id: int, today: datetime.date
) -> ReportCard | None:
    """One marking period's report card, or None while nothing in it is posted."""
    grades = list(
        posted_grades(student, today).filter(marking_period_id=marking_period_id)
    )
    if not grades:
        return None

    return ReportCard(grades[0].marking_period, grades)
