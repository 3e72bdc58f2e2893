"""Writing the roster: schools, school years, courses, sections, people, enrollments.

Records are matched by sourcedId, so what the office keeps that OneRoster does
not carry (a school's level, a section's meeting days, a contact's address and
account, a link's online access) is never touched.
"""

from collections import defaultdict
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from accounts.models import Account
from exchange.plan import (
    CONTACTS,
    COURSES,
    ENROLLMENTS,
    LINKS,
    PERIODS,
    SCHOOLS,
    SECTIONS,
    STUDENTS,
    TEACHERS,
    YEARS,
)
from exchange.run import Run
from exchange.writing import batches, imported, pk_map, sync, update
from records.models import (
    Contact,
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
    StudentContact,
)

LINK_FIELDS = ["relationship", "online_access"]


def write_schools(run: Run) -> None:
    plan = run.plan
    existing = imported(School)
    for sid, want in plan.schools.items():
        if sid not in existing:
            match = School.objects.filter(
                sourced_id__isnull=True, name__iexact=want.name
            ).first()
            if match is not None:
                existing[sid] = match

    wanted = {sid: {"name": want.name} for sid, want in plan.schools.items()}
    synced = sync(
        School,
        wanted,
        existing,
        run.summary[SCHOOLS],
        new=lambda sid, _: {"level": plan.schools[sid].level},
    )
    run.schools = pk_map(existing) | pk_map(synced.objects)
    run.step("Writing schools", len(wanted))


def write_sessions(run: Run) -> None:
    plan = run.plan
    existing_years = imported(SchoolYear)
    years = {
        sid: {"name": want.name, "start": want.start, "end": want.end}
        for sid, want in plan.years.items()
    }
    synced = sync(SchoolYear, years, existing_years, run.summary[YEARS])
    run.years = pk_map(existing_years) | pk_map(synced.objects)

    existing_periods = imported(MarkingPeriod)
    periods = {
        sid: {
            "school_year_id": run.years[want.year],
            "name": want.name,
            "start": want.start,
            "end": want.end,
        }
        for sid, want in plan.periods.items()
    }
    # OneRoster has no mid-point: the middle day is a default the office may move.
    synced_periods = sync(
        MarkingPeriod,
        periods,
        existing_periods,
        run.summary[PERIODS],
        new=lambda sid, _: {"midpoint": plan.periods[sid].midpoint},
    )
    run.periods = pk_map(existing_periods) | pk_map(synced_periods.objects)
    run.step("Writing school years", len(years) + len(periods))


def write_courses(run: Run) -> None:
    existing = imported(Course)
    wanted = {
        sid: {
            "title": want.title,
            "code": want.code,
            "school_id": run.schools[want.school],
        }
        for sid, want in run.plan.courses.items()
    }
    synced = sync(Course, wanted, existing, run.summary[COURSES])
    run.courses = pk_map(existing) | pk_map(synced.objects)
    run.step("Writing courses", len(wanted))


def write_teachers(run: Run) -> None:
    plan = run.plan
    existing = imported(Account, kind=Account.Kind.TEACHER)
    adopt_teachers(run, existing)
    wanted = {
        sid: {
            "username": want.username,
            "first_name": want.first_name,
            "last_name": want.last_name,
            "email": want.email,
            "is_active": want.active,
        }
        for sid, want in plan.teachers.items()
    }
    # Teachers get their credentials from the office, never from the district.
    password = make_password(None)
    synced = sync(
        Account,
        wanted,
        existing,
        run.summary[TEACHERS],
        new=lambda *_: {"kind": Account.Kind.TEACHER, "password": password},
    )
    run.teachers = pk_map(existing) | pk_map(synced.objects)
    remove_teachers(run, existing)
    run.step("Writing teachers", len(wanted))


def adopt_teachers(run: Run, existing: dict[str, Account]) -> None:
    """A teacher account made by hand before the first import takes its sourcedId."""
    missing = {
        want.username.lower(): sid
        for sid, want in run.plan.teachers.items()
        if sid not in existing
    }
    if not missing:
        return
    for account in Account.objects.filter(
        kind=Account.Kind.TEACHER, sourced_id__isnull=True
    ):
        sid = missing.get(account.username.lower())
        if sid is not None:
            existing[sid] = account


def remove_teachers(run: Run, existing: dict[str, Account]) -> None:
    plan = run.plan
    gone = plan.deletions(TEACHERS)
    if TEACHERS in plan.complete:
        gone = gone | (set(existing) - set(plan.teachers))
    leaving = [existing[sid] for sid in gone if sid in existing]
    leaving = [account for account in leaving if account.is_active]
    for account in leaving:
        account.is_active = False
    update(Account, leaving, ["is_active"])
    run.summary[TEACHERS].removed += len(leaving)


def write_sections(run: Run) -> None:
    plan = run.plan
    existing = imported(Section)
    imported_teachers = set(run.teachers.values())
    wanted = {}
    for sid, want in plan.sections.items():
        values: dict[str, Any] = {
            "course_id": run.courses[want.course],
            "room": want.room,
            "period": want.period,
            "is_homeroom": want.homeroom,
        }
        teacher = section_teacher(run, sid, existing.get(sid), imported_teachers)
        if teacher is not False:
            values["teacher_id"] = teacher
        wanted[sid] = values

    synced = sync(Section, wanted, existing, run.summary[SECTIONS])
    run.sections = pk_map(existing) | pk_map(synced.objects)
    changed = {record.pk for record, _ in synced.updated}
    changed |= {synced.objects[sid].pk for sid in synced.objects if sid not in existing}
    set_marking_periods(run, changed)
    set_teachers_on_file(run, existing)
    remove_sections(run, existing)
    run.step("Writing sections", len(wanted))


def section_teacher(
    run: Run, sid: str, section: Section | None, imported_teachers: set[int]
) -> int | bool | None:
    """The teacher to set; False to keep what the section has."""
    plan = run.plan
    current = section.teacher_id if section else None
    teacher: int | bool | None = False
    if sid in plan.section_teachers:
        named = plan.section_teachers[sid]
        teacher = run.teachers[named] if named else None
        if teacher is None and current is not None and current not in imported_teachers:
            teacher = False  # a teacher the office set stays until the file names one
    off = plan.teachers_off.get(sid)
    if off and run.teachers.get(off) == current and teacher is False:
        teacher = None
    return teacher


def set_marking_periods(run: Run, counted: set[int]) -> None:
    """Each section's marking periods as the file says; the office's own stay."""
    through = Section.marking_periods.through
    sections = {sid: run.sections[sid] for sid in run.plan.sections}
    imported_periods = set(run.periods.values())
    current: dict[int, set[int]] = defaultdict(set)
    for part in batches(list(sections.values())):
        for section_id, period_id in through._default_manager.filter(
            section_id__in=part
        ).values_list("section_id", "markingperiod_id"):
            current[section_id].add(period_id)

    adding, removing = [], []
    for sid, want in run.plan.sections.items():
        pk = sections[sid]
        wanted = {run.periods[period] for period in want.periods}
        mine = current[pk] & imported_periods
        adding += [(pk, period) for period in wanted - mine]
        removing += [(pk, period) for period in mine - wanted]
        if wanted != mine and pk not in counted:
            run.summary[SECTIONS].updated += 1

    through._default_manager.bulk_create(
        [through(section_id=s, markingperiod_id=p) for s, p in adding], batch_size=2000
    )
    for section_id, period_id in removing:
        through._default_manager.filter(
            section_id=section_id, markingperiod_id=period_id
        ).delete()


def set_teachers_on_file(run: Run, existing: dict[str, Section]) -> None:
    """A delta file may name or take off the teacher of a section it does not list."""
    plan = run.plan
    sids = (set(plan.section_teachers) | set(plan.teachers_off)) - set(plan.sections)
    imported_teachers = set(run.teachers.values())
    changed = []
    for sid in sids:
        section = existing.get(sid)
        if section is None:
            continue
        teacher = section_teacher(run, sid, section, imported_teachers)
        if teacher is not False and section.teacher_id != teacher:
            section.teacher_id = teacher  # type: ignore[assignment]
            changed.append(section)
    update(Section, changed, ["teacher"])
    run.summary[SECTIONS].updated += len(changed)


def remove_sections(run: Run, existing: dict[str, Section]) -> None:
    """A section no longer listed keeps its grades; its students are dropped."""
    plan = run.plan
    gone = plan.deletions(SECTIONS)
    if SECTIONS in plan.complete:
        gone = gone | (set(existing) - set(plan.sections))
    ids = [existing[sid].pk for sid in gone if sid in existing]
    open_ones = Enrollment.objects.filter(section_id__in=ids).filter(
        Q(dropped_on__isnull=True) | Q(dropped_on__gt=run.today)
    )
    run.summary[SECTIONS].removed += open_ones.values("section_id").distinct().count()
    open_ones.update(dropped_on=run.today)


def write_students(run: Run) -> None:
    plan = run.plan
    existing = imported(Student)
    adopt_students(run, existing)
    wanted = {}
    for sid, want in plan.students.items():
        values: dict[str, Any] = {
            "number": want.number,
            "first_name": want.first_name,
            "last_name": want.last_name,
            "grade": want.grade,
            "school_id": run.schools[want.school],
            "active": True,
        }
        if sid in plan.birth_dates or plan.birth_dates_complete:
            values["birth_date"] = plan.birth_dates.get(sid)
        wanted[sid] = values

    synced = sync(Student, wanted, existing, run.summary[STUDENTS])
    run.students = pk_map(existing) | pk_map(synced.objects)
    set_birth_dates_on_file(run, existing)
    remove_students(run, existing)
    run.step("Writing students", len(wanted))


def adopt_students(run: Run, existing: dict[str, Student]) -> None:
    """A student on file under the same number takes the sourcedId."""
    plan = run.plan
    missing = {
        want.number: sid for sid, want in plan.students.items() if sid not in existing
    }
    for part in batches(list(missing)):
        for student in Student.objects.filter(number__in=part):
            if student.sourced_id is None or student.sourced_id not in plan.students:
                existing.pop(student.sourced_id or "", None)
                existing[missing[student.number]] = student


def set_birth_dates_on_file(run: Run, existing: dict[str, Student]) -> None:
    plan = run.plan
    changed = []
    for sid, student in existing.items():
        if sid in plan.students:
            continue
        if sid in plan.birth_dates or plan.birth_dates_complete:
            birth_date = plan.birth_dates.get(sid)
            if student.birth_date != birth_date:
                student.birth_date = birth_date
                changed.append(student)
    update(Student, changed, ["birth_date"])
    run.summary[STUDENTS].updated += len(changed)


def remove_students(run: Run, existing: dict[str, Student]) -> None:
    """A student no longer listed is marked inactive: families stop seeing them."""
    plan = run.plan
    gone = plan.deletions(STUDENTS)
    if STUDENTS in plan.complete:
        gone = gone | (set(existing) - set(plan.students))
    leaving = [existing[sid] for sid in gone if sid in existing]
    leaving = [student for student in leaving if student.active]
    for student in leaving:
        student.active = False
    update(Student, leaving, ["active"])
    run.summary[STUDENTS].removed += len(leaving)


def write_contacts(run: Run) -> None:
    """Names, and email and phone when the file has them: a blank erases nothing."""
    plan = run.plan
    existing = imported(Contact)
    wanted = {}
    for sid, want in plan.contacts.items():
        values = {"first_name": want.first_name, "last_name": want.last_name}
        if want.email or sid not in existing:
            values["email"] = want.email
        if want.phone or sid not in existing:
            values["phone"] = want.phone
        wanted[sid] = values

    synced = sync(Contact, wanted, existing, run.summary[CONTACTS])
    for contact, before in synced.updated:
        run.log.changed("contact", contact, before)
    run.contacts = pk_map(existing) | pk_map(synced.objects)
    remove_contacts(run, existing)
    run.step("Writing contacts", len(wanted))


def remove_contacts(run: Run, existing: dict[str, Contact]) -> None:
    """A contact gone from the district's file loses its links to the students.

    The contact and its account stay, so the links come back if the contact
    returns; until then the account sees none of those students.
    """
    plan = run.plan
    gone = plan.deletions(CONTACTS)
    if CONTACTS in plan.complete:
        gone = gone | (set(existing) - set(plan.contacts))
    ids = [existing[sid].pk for sid in gone if sid in existing]
    links = list(StudentContact.objects.filter(contact_id__in=ids))
    remove_links(run, links)
    run.summary[CONTACTS].removed += len({link.contact_id for link in links})


def remove_links(run: Run, links: list[StudentContact]) -> None:
    for link in links:
        run.log.removed("student_contact", link, LINK_FIELDS, link.student_id)
    for part in batches([link.pk for link in links]):
        StudentContact.objects.filter(pk__in=part).delete()
    run.summary[LINKS].removed += len(links)


def write_links(run: Run) -> None:
    plan = run.plan
    current = {
        (link.student_id, link.contact_id): link
        for link in StudentContact.objects.filter(contact__sourced_id__isnull=False)
    }
    wanted = {
        (run.students[student], run.contacts[contact]): relationship
        for (student, contact), relationship in plan.links.items()
    }
    new = [
        StudentContact(student_id=student, contact_id=contact, relationship=kind)
        for (student, contact), kind in wanted.items()
        if (student, contact) not in current
    ]
    StudentContact.objects.bulk_create(new, batch_size=2000)
    run.summary[LINKS].created += len(new)

    if LINKS in plan.complete:
        students = set(run.students.values())
        stale = [
            link
            for pair, link in current.items()
            if pair not in wanted and link.student_id in students
        ]
        remove_links(run, stale)
    run.step("Linking contacts", len(wanted))


def write_enrollments(run: Run) -> None:
    plan = run.plan
    existing, by_pair = enrollments_on_file()
    for sid, want in plan.enrollments.items():
        pair = (run.students[want.student], run.sections[want.section])
        held = by_pair.get(pair)
        if sid in existing or held is None:
            continue
        if held.sourced_id is None or held.sourced_id not in plan.enrollments:
            existing.pop(held.sourced_id or "", None)
            existing[sid] = held

    wanted = {
        sid: {
            "student_id": run.students[want.student],
            "section_id": run.sections[want.section],
            "start": want.start,
            "dropped_on": want.dropped_on,
        }
        for sid, want in plan.enrollments.items()
    }
    sync(Enrollment, wanted, existing, run.summary[ENROLLMENTS])
    drop_enrollments(run, existing)
    run.step("Writing enrollments", len(wanted))


def enrollments_on_file() -> tuple[
    dict[str, Enrollment], dict[tuple[int, int], Enrollment]
]:
    """Enrollments in imported sections, by sourcedId and by student and section."""
    records = Enrollment.objects.filter(section__sourced_id__isnull=False)
    by_sid, by_pair = {}, {}
    for enrollment in records:
        by_pair[enrollment.student_id, enrollment.section_id] = enrollment
        if enrollment.sourced_id:
            by_sid[enrollment.sourced_id] = enrollment
    return by_sid, by_pair


def drop_enrollments(run: Run, existing: dict[str, Enrollment]) -> None:
    """An enrollment no longer listed ends today, unless it has ended already."""
    plan = run.plan
    gone = plan.deletions(ENROLLMENTS)
    if ENROLLMENTS in plan.complete:
        gone = gone | (set(existing) - set(plan.enrollments))
    leaving = [existing[sid] for sid in gone if sid in existing]
    leaving = [e for e in leaving if e.dropped_on is None or e.dropped_on > run.today]
    for enrollment in leaving:
        enrollment.dropped_on = run.today
    update(Enrollment, leaving, ["dropped_on"])
    run.summary[ENROLLMENTS].removed += len(leaving)
