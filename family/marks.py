"""A student's attendance marks, loaded in one query, as the pure rules read them."""

import datetime

from attendance.models import AttendanceMark
from family import calendar
from records.models import Student


def marks_between(
    student: Student, first: datetime.date, last: datetime.date
) -> list[calendar.Mark]:
    """Every mark of the student from `first` to `last`, in one query."""
    rows = (
        AttendanceMark.objects.filter(student=student)
        .between(first, last)
        .select_related("code", "section__course")
    )
    return [as_mark(row) for row in rows]


def as_mark(row: AttendanceMark) -> calendar.Mark:
    section = row.section
    return calendar.Mark(
        date=row.date,
        period=section.period if section else None,
        course=section.course.title if section else "",
        code=row.code.code,
        meaning=row.code.meaning,
        kind=row.code.kind,
        excused=row.code.excused,
        counts_as_absence=row.code.counts_as_absence,
        comment=row.comment,
    )
