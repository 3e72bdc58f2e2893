"""From enrollments to the plan: students in sections, and each section's teacher."""

import datetime
from collections import defaultdict

from exchange import columns as c
from exchange.context import Context
from exchange.plan import EnrollmentWant
from exchange.reading import EnrollmentRecord


def plan_enrollments(ctx: Context) -> None:
    students: dict[tuple[str, str], list[EnrollmentRecord]] = defaultdict(list)
    teachers: dict[str, list[EnrollmentRecord]] = defaultdict(list)
    for record in ctx.parsed.enrollments.values():
        if not references_resolve(ctx, record):
            continue
        if not section_known(ctx, record.klass):
            continue
        if record.role == "student":
            if student_known(ctx, record):
                students[record.user, record.klass].append(record)
        elif record.role == "teacher":
            if teacher_known(ctx, record):
                teachers[record.klass].append(record)
        else:
            ctx.tally(
                c.ENROLLMENTS,
                record.line,
                "role",
                "{rows} enrolled administrators, proctors or aides (the first is "
                "on this line). Homeroom keeps only students and teachers in "
                "sections, so those were skipped.",
            )

    for group in students.values():
        add_enrollment(ctx, group)
    plan_section_teachers(ctx, teachers)


def references_resolve(ctx: Context, record: EnrollmentRecord) -> bool:
    line = record.line
    known = ctx.resolves(c.ENROLLMENTS, line, "classSourcedId", c.CLASSES, record.klass)
    known &= ctx.resolves(c.ENROLLMENTS, line, "userSourcedId", c.USERS, record.user)
    known &= ctx.resolves(c.ENROLLMENTS, line, "schoolSourcedId", c.ORGS, record.school)
    return known


def section_known(ctx: Context, klass: str) -> bool:
    """A class left out for a problem of its own is not reported again here."""
    return klass in ctx.plan.sections or ctx.on_file(c.CLASSES, klass)


def student_known(ctx: Context, record: EnrollmentRecord) -> bool:
    if record.user in ctx.plan.students or ctx.on_file_as(record.user, "students"):
        return True

    user = ctx.parsed.users.get(record.user)
    if user is not None and "student" not in user.roles:
        ctx.tally(
            c.ENROLLMENTS,
            record.line,
            "userSourcedId",
            "{rows} enrolled as students users who are not students (the first is "
            "on this line). Those enrollments were skipped.",
        )
    else:
        ctx.tally(
            c.ENROLLMENTS,
            record.line,
            "userSourcedId",
            "{rows} enrolled students who were skipped (the first is on this "
            "line). Those enrollments were skipped too.",
        )
    return False


def teacher_known(ctx: Context, record: EnrollmentRecord) -> bool:
    if record.user in ctx.plan.teachers or ctx.on_file_as(record.user, "teachers"):
        return True
    ctx.tally(
        c.ENROLLMENTS,
        record.line,
        "userSourcedId",
        "{rows} enrolled as teachers users who are not teachers in Homeroom (the "
        "first is on this line). Those enrollments were skipped.",
    )
    return False


def add_enrollment(ctx: Context, group: list[EnrollmentRecord]) -> None:
    """One enrollment per student and section, from the first start to the last end."""
    group.sort(key=lambda e: (e.begin or datetime.date.min, e.line))
    first = group[0]
    if len(group) > 1:
        ctx.tally(
            c.ENROLLMENTS,
            group[1].line,
            "userSourcedId",
            "{rows} enrolled a student again in a class they were already enrolled "
            "in (the first is on this line). Homeroom keeps one enrollment per "
            "student and section, from the earliest start to the latest end.",
        )

    start = first.begin or section_start(ctx, first.klass)
    if start is None:
        ctx.problem(
            c.ENROLLMENTS,
            first.line,
            "beginDate",
            "The enrollment has no beginDate, and its class has no marking period "
            "to start from. Fill in beginDate.",
        )
        return
    ends = [e.end for e in group]
    end = None if None in ends else max(e for e in ends if e is not None)
    ctx.plan.enrollments[first.sid] = EnrollmentWant(
        first.user, first.klass, start, end
    )


def section_start(ctx: Context, klass: str) -> datetime.date | None:
    """The first day of the section's first marking period."""
    section = ctx.plan.sections.get(klass)
    if section is not None:
        periods = section.periods
    else:
        periods = tuple(ctx.onfile.section_periods.get(klass, []))
    starts = [
        ctx.plan.periods[sid].start
        if sid in ctx.plan.periods
        else ctx.onfile.periods[sid].start
        for sid in periods
        if sid in ctx.plan.periods or sid in ctx.onfile.periods
    ]
    return min(starts, default=None)


def plan_section_teachers(
    ctx: Context, teachers: dict[str, list[EnrollmentRecord]]
) -> None:
    """The primary teacher, else the first named; a bulk file may leave none."""
    if not ctx.may_use_database(c.ENROLLMENTS):
        for klass in ctx.plan.sections:
            ctx.plan.section_teachers[klass] = None

    for klass, records in teachers.items():
        records.sort(key=lambda e: (not e.primary, e.line))
        ctx.plan.section_teachers[klass] = records[0].user

    for deletion in ctx.parsed.deletions.get(c.ENROLLMENTS, {}).values():
        row = deletion.row_values
        if row.get("role") == "teacher" and row.get("classSourcedId"):
            ctx.plan.teachers_off[row["classSourcedId"]] = row.get("userSourcedId", "")
