"""Load the demo district; every step matches what is there, so it can run again."""

import datetime
import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Exists, OuterRef

from accounts.models import Account
from attendance.models import AttendanceMark
from demo import absences, grades, roster, schedules
from gradebook.models import Assignment, ReportCardGrade, Score
from records.models import Contact, Enrollment, School, Section, Student, StudentContact

CITY = "Middletown"
STATE = "CT"
POSTAL_CODE = "06457"


@dataclass(frozen=True)
class Summary:
    schools: int
    students: int
    contacts: int
    accounts: int
    sections: int
    enrollments: int
    assignments: int
    scores: int
    attendance_marks: int
    report_card_grades: int


def school_year_start(today: datetime.date) -> int:
    """The year the current school year began; a new one begins in September."""
    return today.year if today.month >= 9 else today.year - 1


def birth_date_for(grade: int, number: str, year_start: int) -> datetime.date:
    """A birthday that makes the student grade + 5 years old on September 1."""
    earliest = datetime.date(year_start - grade - 6, 9, 2)

    # Seeded by the student number, so each student keeps the same birthday.
    days = random.Random(number).randrange(365)
    return earliest + datetime.timedelta(days=days)


def level_for(grade: int) -> str:
    return School.Level.MIDDLE if grade <= 8 else School.Level.HIGH


def load(today: datetime.date) -> Summary:
    with transaction.atomic():
        schools = load_schools()
        load_students(schools, school_year_start(today))
        load_households()
        office = load_staff()
        load_school_office(schools[School.Level.MIDDLE])
        load_school_year(schools, office)

    return Summary(
        schools=School.objects.count(),
        students=Student.objects.count(),
        contacts=Contact.objects.count(),
        accounts=Account.objects.count(),
        sections=Section.objects.count(),
        enrollments=Enrollment.objects.count(),
        assignments=Assignment.objects.count(),
        scores=Score.objects.count(),
        attendance_marks=AttendanceMark.objects.count(),
        report_card_grades=ReportCardGrade.objects.count(),
    )


def load_schools() -> dict[str, School]:
    middle, _ = School.objects.get_or_create(
        name=roster.MIDDLE_SCHOOL, defaults={"level": School.Level.MIDDLE}
    )
    high, _ = School.objects.get_or_create(
        name=roster.HIGH_SCHOOL, defaults={"level": School.Level.HIGH}
    )
    return {School.Level.MIDDLE: middle, School.Level.HIGH: high}


def load_students(schools: dict[str, School], year_start: int) -> None:
    for pupil in roster.PUPILS:
        student, _ = Student.objects.update_or_create(
            number=pupil.number,
            defaults={
                "first_name": pupil.first_name,
                "last_name": pupil.last_name,
                "grade": pupil.grade,
                "school": schools[level_for(pupil.grade)],
                "birth_date": birth_date_for(pupil.grade, pupil.number, year_start),
                "active": True,
            },
        )

        if pupil.username:
            link_student_account(student, pupil)


def link_student_account(student: Student, pupil: roster.Pupil) -> None:
    student.account = ensure_account(
        pupil.username,
        roster.STUDENT_PASSWORD,
        kind=Account.Kind.STUDENT,
        first_name=pupil.first_name,
        last_name=pupil.last_name,
    )
    student.save(update_fields=["account"])


def load_households() -> None:
    for household in roster.HOUSEHOLDS:
        students = list(Student.objects.filter(number__in=household.numbers))
        for person in household.people:
            contact = ensure_contact(person, household, students)
            link_students(contact, person, students)


def ensure_contact(
    person: roster.Person, household: roster.Household, students: list[Student]
) -> Contact:
    contact = find_contact(person, students) or Contact(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
    )

    contact.phone = household.phone
    contact.address_line1 = household.address
    contact.address_line2 = household.address_line2
    contact.city = CITY
    contact.state = STATE
    contact.postal_code = POSTAL_CODE
    if person.username:
        contact.account = parent_account(person)

    contact.save()
    return contact


def find_contact(person: roster.Person, students: Iterable[Student]) -> Contact | None:
    """The record for this person kept for these students, or one kept for nobody.

    Names and email alone are not enough: one parent may have two records on file,
    each kept for different children, as a second school's system would keep them.
    """
    same_person = Contact.objects.filter(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
    ).order_by("pk")
    links = StudentContact.objects.filter(contact=OuterRef("pk"))

    kept_for_these = same_person.filter(Exists(links.filter(student__in=students)))
    kept_for_nobody = same_person.filter(~Exists(links))
    return kept_for_these.first() or kept_for_nobody.first()


def link_students(
    contact: Contact, person: roster.Person, students: Iterable[Student]
) -> None:
    for student in students:
        StudentContact.objects.update_or_create(
            student=student,
            contact=contact,
            defaults={
                "relationship": person.relationship,
                "online_access": person.online_access,
            },
        )


def parent_account(person: roster.Person) -> Account:
    return ensure_account(
        person.username,
        roster.PARENT_PASSWORD,
        kind=Account.Kind.PARENT,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
    )


def load_staff() -> Account:
    """The district office: every school, and the Django admin."""
    return ensure_account(
        roster.STAFF_USERNAME,
        roster.STAFF_PASSWORD,
        kind=Account.Kind.DISTRICT,
        first_name="Main",
        last_name="Office",
        email="office@example.org",
        is_staff=True,
        is_superuser=True,
    )


def load_school_office(school: School) -> Account:
    """The middle school's office: its own families only."""
    return ensure_account(
        roster.SCHOOL_OFFICE_USERNAME,
        roster.STAFF_PASSWORD,
        kind=Account.Kind.STAFF,
        school=school,
        first_name="Memorial",
        last_name="Office",
        email="office@memorial.example.org",
    )


def load_school_year(schools: dict[str, School], office: Account) -> None:
    """The 2026-2027 school year, in its second marking period on the story's day."""
    periods = schedules.load_calendar()
    teachers = load_teachers()
    by_name = {school.name: school for school in schools.values()}
    sections = schedules.load_sections(by_name, teachers, periods.values())
    schedules.load_enrollments(sections)

    grades.load_grade_bands()
    grades.load_gradebooks(sections, periods)
    grades.post_report_cards(periods["Q1"], sections)
    absences.load_marks(absences.load_codes(), office)


def load_teachers() -> dict[str, Account]:
    return {
        teacher.username: ensure_account(
            teacher.username,
            roster.TEACHER_PASSWORD,
            kind=Account.Kind.TEACHER,
            first_name=teacher.first_name,
            last_name=teacher.last_name,
            email=teacher.email,
        )
        for teacher in roster.TEACHERS
    }


def ensure_account(username: str, password: str, **fields: Any) -> Account:
    """The account with this username in any case, made with the demo password."""
    account, created = Account.objects.get_or_create(
        username__iexact=username, defaults={"username": username, **fields}
    )

    # Only a new account gets the password, so one changed since keeps working.
    if created:
        account.password = demo_hash(password)
        account.save(update_fields=["password"])
    return account


@functools.cache
def demo_hash(password: str) -> str:
    """One hash per demo password, which is published anyway: the load stays quick."""
    return make_password(password)
