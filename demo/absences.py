"""Load the district's attendance codes and the demo's absences and tardies."""

import datetime
import random
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from demo import catalog
from records.models import Enrollment, Section, Student

ABSENT = AttendanceCode.Kind.ABSENT
TARDY = AttendanceCode.Kind.TARDY
DISMISSED = AttendanceCode.Kind.DISMISSED

# code, meaning, kind, excused, counts as an absence
CODES = (
    ("A", "Absent, unexcused", ABSENT, False, True),
    ("AE", "Absent, excused", ABSENT, True, True),
    ("T", "Tardy, unexcused", TARDY, False, False),
    ("TE", "Tardy, excused", TARDY, True, False),
    ("D", "Dismissed early", DISMISSED, True, False),
)

EXCUSES = ("Doctor's note", "Family emergency", "Illness, note from home")
DISMISSALS = ("Dentist appointment", "Picked up by a parent at noon")


@dataclass(frozen=True)
class Mark:
    """An attendance exception the demo's story needs on a given day."""

    number: str
    date: datetime.date
    code: str
    period: int | None = None  # None for the whole day
    comment: str = ""


# Sofia was late to first period once; Lucas missed a day for the dentist.
STORY_MARKS = (
    Mark("100101", datetime.date(2026, 11, 17), "T", period=1),
    Mark("100102", datetime.date(2026, 11, 19), "AE", comment="Dentist appointment"),
)
STORY_STUDENTS = frozenset(mark.number for mark in STORY_MARKS)


def load_codes() -> dict[str, AttendanceCode]:
    codes = {}
    for code, meaning, kind, excused, counts in CODES:
        codes[code], _ = AttendanceCode.objects.update_or_create(
            code=code,
            defaults={
                "meaning": meaning,
                "kind": kind,
                "excused": excused,
                "counts_as_absence": counts,
            },
        )
    return codes


def load_marks(codes: Mapping[str, AttendanceCode], office: Account) -> None:
    """Absences, tardies and early dismissals from the first day to the story's."""
    days = catalog.school_days(catalog.YEAR_START, catalog.STORY_DAY)
    schedules = current_sections()

    marks = []
    for student in Student.objects.order_by("number"):
        sections = schedules[student.pk]
        if student.number in STORY_STUDENTS:
            planned = [m for m in STORY_MARKS if m.number == student.number]
        else:
            planned = drawn_marks(student.number, days)
        marks += [
            attendance_mark(student, mark, sections, codes, office) for mark in planned
        ]

    AttendanceMark.objects.bulk_create(
        [mark for mark in marks if mark is not None], ignore_conflicts=True
    )


def current_sections() -> dict[int, list[Section]]:
    """Each student's sections in the second quarter, by period."""
    schedules = defaultdict(list)
    enrollments = (
        Enrollment.objects.on(catalog.STORY_DAY)
        .select_related("section__teacher")
        .order_by("section__period")
    )
    for enrollment in enrollments:
        schedules[enrollment.student_id].append(enrollment.section)
    return schedules


def drawn_marks(number: str, days: list[datetime.date]) -> list[Mark]:
    """A student's exceptions, drawn the same way every time: each on its own day."""
    rng = random.Random(f"{number} attendance")
    absences = rng.choice([0, 0, 1, 1, 2, 3, 4])
    tardies = rng.choice([0, 1, 1, 2, 3])
    dismissals = rng.choice([0, 0, 0, 1])
    skipped = rng.choice([0, 0, 0, 1])
    dates = rng.sample(days, absences + tardies + dismissals + skipped)

    marks = []
    for day in dates[:absences]:
        excused = rng.random() < 0.6
        comment = rng.choice(EXCUSES) if excused else ""
        marks.append(Mark(number, day, "AE" if excused else "A", comment=comment))
    for day in dates[absences : absences + tardies]:
        code = "TE" if rng.random() < 0.3 else "T"
        marks.append(Mark(number, day, code, period=rng.choice([1, 1, 1, 2, 5])))
    for day in dates[absences + tardies : absences + tardies + dismissals]:
        marks.append(Mark(number, day, "D", comment=rng.choice(DISMISSALS)))
    for day in dates[absences + tardies + dismissals :]:
        marks.append(Mark(number, day, "A", period=rng.randint(2, 7)))
    return marks


def attendance_mark(
    student: Student,
    mark: Mark,
    sections: list[Section],
    codes: Mapping[str, AttendanceCode],
    office: Account,
) -> AttendanceMark | None:
    """The mark as the office or the teacher took it; None if no class met then."""
    section = None
    recorded_by: Account | None = office
    if mark.period is not None:
        meeting = [s for s in sections if s.meets_on(mark.date)]
        section = next((s for s in meeting if s.period == mark.period), None)
        if section is None:
            return None
        recorded_by = section.teacher

    hour = 8 if section is None else 7 + section.period
    taken = datetime.datetime.combine(mark.date, datetime.time(hour, 10))
    return AttendanceMark(
        student=student,
        date=mark.date,
        section=section,
        code=codes[mark.code],
        comment=mark.comment,
        recorded_by=recorded_by,
        recorded_at=timezone.make_aware(taken),
    )
