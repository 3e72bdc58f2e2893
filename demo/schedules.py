"""Load the school year, its teachers, courses and sections, and every schedule."""

from collections.abc import Iterable, Mapping

from accounts.models import Account
from demo import catalog, roster
from records.models import (
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
)


def load_calendar() -> dict[str, MarkingPeriod]:
    """The school year and its quarters, by name."""
    year, _ = SchoolYear.objects.update_or_create(
        name=catalog.YEAR_NAME,
        defaults={"start": catalog.YEAR_START, "end": catalog.YEAR_END},
    )

    periods = {}
    for quarter in catalog.QUARTERS:
        periods[quarter.name], _ = MarkingPeriod.objects.update_or_create(
            school_year=year,
            name=quarter.name,
            defaults={
                "start": quarter.start,
                "end": quarter.end,
                "midpoint": catalog.midpoint(quarter),
            },
        )
    return periods


def load_sections(
    schools: Mapping[str, School],
    teachers: Mapping[str, Account],
    periods: Iterable[MarkingPeriod],
) -> dict[str, Section]:
    """One section of every course on the timetable, by course code."""
    rooms = {teacher.username: teacher.room for teacher in roster.TEACHERS}
    sections = {}
    for offering in catalog.OFFERINGS:
        course, _ = Course.objects.update_or_create(
            school=schools[offering.school],
            code=offering.code,
            defaults={"title": offering.title},
        )
        section, _ = Section.objects.update_or_create(
            course=course,
            period=offering.period,
            defaults={
                "teacher": teachers[offering.teacher],
                "room": rooms[offering.teacher],
                "meeting_days": offering.meeting_days,
            },
        )
        section.marking_periods.set(periods)
        sections[offering.code] = section
    return sections


def load_enrollments(sections: Mapping[str, Section]) -> None:
    """Every student takes every course of their grade, from the first day."""
    dropped = {(drop.number, drop.code): drop.on for drop in catalog.DROPS}
    students = {student.number: student for student in Student.objects.all()}
    for pupil in roster.PUPILS:
        for offering in offerings_for(pupil.grade):
            Enrollment.objects.update_or_create(
                student=students[pupil.number],
                section=sections[offering.code],
                defaults={
                    "start": catalog.ENROLLED_ON,
                    "dropped_on": dropped.get((pupil.number, offering.code)),
                },
            )


def offerings_for(grade: int) -> list[catalog.Offering]:
    return [offering for offering in catalog.OFFERINGS if offering.grade == grade]
