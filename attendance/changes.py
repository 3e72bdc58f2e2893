"""Marking and clearing attendance, always into the record of changes."""

import datetime

from django.db import transaction

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from audit.record import record_changes, record_removal, snapshot
from records.models import Section, Student

MARK_FIELDS = ["code", "comment"]


@transaction.atomic
def set_mark(
    actor: Account | None,
    student: Student,
    day: datetime.date,
    code: AttendanceCode,
    section: Section | None = None,
    comment: str = "",
) -> AttendanceMark:
    """Mark a student for a whole day (no section) or one class period."""
    mark = (
        AttendanceMark.objects.select_for_update()
        .filter(student=student, date=day, section=section)
        .first()
    )
    before = {} if mark is None else snapshot(mark, MARK_FIELDS)
    if mark is None:
        mark = AttendanceMark(student=student, date=day, section=section, code=code)

    mark.code, mark.comment, mark.recorded_by = code, comment, actor
    mark.save()

    record_changes(actor, "attendance", mark, before, MARK_FIELDS, student)
    return mark


@transaction.atomic
def clear_mark(
    actor: Account | None,
    student: Student,
    day: datetime.date,
    section: Section | None = None,
) -> bool:
    """Remove a mark: the student was present after all. False when there was none."""
    mark = AttendanceMark.objects.filter(
        student=student, date=day, section=section
    ).first()
    if mark is None:
        return False

    record_removal(actor, "attendance", mark, MARK_FIELDS, student)
    mark.delete()
    return True
