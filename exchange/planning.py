"""From the records read to the plan: schools, school years, courses and sections."""

import datetime
from collections import defaultdict

from exchange import columns as c
from exchange.context import Context
from exchange.plan import (
    CourseWant,
    PeriodWant,
    SchoolWant,
    SectionWant,
    YearWant,
)
from exchange.reading import Session
from records.models import School

SCHOOL_YEAR = "schoolYear"
# Sessions that become marking periods, finest first: a school year without
# grading periods is marked by its terms, else its semesters, else as a whole.
PERIOD_TYPES = ("gradingPeriod", "term", "semester", SCHOOL_YEAR)
MADE_UP_YEAR = "homeroom-school-year-{year}"


def plan_orgs(ctx: Context) -> None:
    orgs = ctx.parsed.orgs
    for org in orgs.values():
        if org.parent:
            ctx.resolves(c.ORGS, org.line, "parentSourcedId", c.ORGS, org.parent)

    for sid, org in orgs.items():
        if org.type == "school":
            ctx.plan.schools[sid] = SchoolWant(org.name, School.Level.MIDDLE)


def set_school_levels(ctx: Context) -> None:
    """A new school's level from its students' grades: high if none is below 9."""
    grades = defaultdict(list)
    for student in ctx.plan.students.values():
        grades[student.school].append(student.grade)

    for sid, school in ctx.plan.schools.items():
        if grades[sid] and min(grades[sid]) >= 9:
            ctx.plan.schools[sid] = SchoolWant(school.name, School.Level.HIGH)


def is_school(ctx: Context, sid: str) -> bool:
    org = ctx.parsed.orgs.get(sid)
    if org is not None:
        return org.type == "school"
    return ctx.on_file(c.ORGS, sid)


def plan_sessions(ctx: Context) -> None:
    sessions = ctx.parsed.sessions
    for session in sessions.values():
        if session.parent:
            ctx.resolves(
                c.SESSIONS, session.line, "parentSourcedId", c.SESSIONS, session.parent
            )

    by_year: dict[str, list[Session]] = defaultdict(list)
    for session in sessions.values():
        if session.type != SCHOOL_YEAR:
            by_year[year_of(ctx, session)].append(session)
    for session in sessions.values():
        if session.type == SCHOOL_YEAR:
            ctx.plan.years[session.sid] = YearWant(
                session.title, session.start, session.end
            )
            by_year[session.sid].append(session)

    for year, members in by_year.items():
        plan_periods(ctx, year, members)


def year_of(ctx: Context, session: Session) -> str:
    """The school year a session belongs to: by its parents, else by its year."""
    sessions = ctx.parsed.sessions
    parent = sessions.get(session.parent)
    for _ in range(len(sessions)):
        if parent is None:
            break
        if parent.type == SCHOOL_YEAR:
            return parent.sid
        parent = sessions.get(parent.parent)

    for other in sessions.values():
        if other.type == SCHOOL_YEAR and other.year == session.year:
            return other.sid
    return made_up_year(ctx, session)


def made_up_year(ctx: Context, session: Session) -> str:
    """A school year for sessions that name none, spanning them all."""
    sid = MADE_UP_YEAR.format(year=session.year)
    same_year = [s for s in ctx.parsed.sessions.values() if s.year == session.year]
    if sid not in ctx.plan.years:
        ctx.warn(
            c.SESSIONS,
            session.line,
            "schoolYear",
            f"No session of type schoolYear covers {session.year}. Homeroom made "
            "one from the dates of that year's sessions.",
        )
    ctx.plan.years[sid] = YearWant(
        f"{session.year - 1}-{session.year}",
        min(s.start for s in same_year),
        max(s.end for s in same_year),
    )
    return sid


def plan_periods(ctx: Context, year: str, sessions: list[Session]) -> None:
    for kind in PERIOD_TYPES:
        chosen = [session for session in sessions if session.type == kind]
        if chosen:
            break
    else:
        return

    # A delta file may bring one new term of a year whose grading periods are
    # already on file: it is not a marking period then.
    on_file = ctx.may_use_database(c.SESSIONS) and any(
        period.year_sid == year for period in ctx.onfile.periods.values()
    )
    if kind != PERIOD_TYPES[0] and on_file:
        return

    for session in chosen:
        ctx.plan.periods[session.sid] = PeriodWant(
            year, session.title, session.start, session.end
        )


def plan_courses(ctx: Context) -> None:
    """Each course's school: its org if a school, else the school of its classes."""
    class_schools = defaultdict(list)
    for klass in ctx.parsed.classes.values():
        class_schools[klass.course].append((klass.line, klass.school))

    for sid, course in ctx.parsed.courses.items():
        if not ctx.resolves(c.COURSES, course.line, "orgSourcedId", c.ORGS, course.org):
            continue
        school = course_school(ctx, course.org, class_schools[sid])
        if school is None:
            ctx.tally(
                c.COURSES,
                course.line,
                "orgSourcedId",
                "{rows} named a course of no school, with no class at a school "
                "either (the first is on this line). Homeroom files a course under "
                "a school, so these were skipped.",
            )
            continue
        ctx.plan.courses[sid] = CourseWant(course.title, course.code, school)


def course_school(ctx: Context, org: str, classes: list[tuple[int, str]]) -> str | None:
    if is_school(ctx, org):
        return org
    schools = [school for _, school in classes if is_school(ctx, school)]
    return schools[0] if schools else None


def plan_sections(ctx: Context) -> None:
    plan = ctx.plan
    for sid, klass in ctx.parsed.classes.items():
        known = ctx.resolves(
            c.CLASSES, klass.line, "courseSourcedId", c.COURSES, klass.course
        )
        known &= ctx.resolves(
            c.CLASSES, klass.line, "schoolSourcedId", c.ORGS, klass.school
        )
        terms = [
            term
            for term in klass.terms
            if ctx.resolves(c.CLASSES, klass.line, "termSourcedIds", c.SESSIONS, term)
        ]
        if not known or len(terms) < len(klass.terms):
            continue
        if not is_school(ctx, klass.school):
            ctx.problem(
                c.CLASSES,
                klass.line,
                "schoolSourcedId",
                f"{klass.school!r} is not a school: a class belongs to an org of "
                "type school.",
            )
            continue

        course = plan.courses.get(klass.course)
        if course is not None and course.school != klass.school:
            ctx.tally(
                c.CLASSES,
                klass.line,
                "schoolSourcedId",
                "{rows} put a class at another school than the first class of its "
                "course (the first is on this line). Homeroom keeps a course at one "
                "school: the course is shown at that one.",
            )
        if klass.course not in plan.courses and not ctx.on_file(
            c.COURSES, klass.course
        ):
            continue

        periods = periods_within(ctx, terms)
        if not periods:
            ctx.tally(
                c.CLASSES,
                klass.line,
                "termSourcedIds",
                "{rows} named terms with no marking period within them (the first "
                "is on this line). Those sections have no marking period, so "
                "families see no grades for them.",
            )
        plan.sections[sid] = SectionWant(
            klass.course, klass.room, klass.period, klass.homeroom, periods
        )


def periods_within(ctx: Context, terms: list[str]) -> tuple[str, ...]:
    """The marking periods inside these terms, by sourcedId, in date order."""
    found: dict[str, datetime.date] = {}
    for term in terms:
        found.update(marking_periods_in(ctx, term))
    return tuple(sorted(found, key=lambda sid: (found[sid], sid)))


def marking_periods_in(ctx: Context, term: str) -> dict[str, datetime.date]:
    plan, onfile = ctx.plan, ctx.onfile
    if term in plan.periods:
        return {term: plan.periods[term].start}

    session = ctx.parsed.sessions.get(term)
    if session is not None:
        return {
            sid: period.start
            for sid, period in plan.periods.items()
            if session.start <= period.start and period.end <= session.end
        }

    if term in onfile.periods:
        return {term: onfile.periods[term].start}
    return {
        sid: period.start
        for sid, period in onfile.periods.items()
        if period.year_sid == term
    }
