"""Report card grades for tests, posted on a chosen day."""

import datetime

from gradebook.models import ReportCardGrade
from records.models import MarkingPeriod, Section, Student

# The Friday after the first marking period ends, a few weeks before TODAY.
Q1_POSTED = datetime.date(2026, 11, 13)
TOMORROW = datetime.date(2026, 12, 4)


def post_grade(
    student: Student,
    section: Section,
    period: MarkingPeriod,
    mark: str,
    comment: str = "",
    posted_on: datetime.date = Q1_POSTED,
) -> ReportCardGrade:
    return ReportCardGrade.objects.create(
        student=student,
        section=section,
        marking_period=period,
        mark=mark,
        comment=comment,
        posted_on=posted_on,
    )
