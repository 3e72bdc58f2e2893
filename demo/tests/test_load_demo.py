import datetime
import re
from collections.abc import Iterator
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from demo import roster
from demo.district import birth_date_for, school_year_start
from gradebook.models import (
    Assignment,
    Category,
    GradeBand,
    Gradebook,
    ReportCardGrade,
    Score,
)
from records.models import (
    Contact,
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    Section,
    Student,
    StudentContact,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 2, 10)


@pytest.fixture(scope="module")
def district(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[str]:
    """The demo loaded once for this module's tests, and rolled back after them.

    Each test runs inside it in a savepoint of its own, so a test that changes
    something or loads the demo again leaves the next test the same district.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def load() -> str:
    out = StringIO()
    with time_machine.travel(datetime.datetime(2026, 2, 10, 12), tick=False):
        call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [
        School,
        Student,
        Contact,
        StudentContact,
        Account,
        MarkingPeriod,
        Course,
        Section,
        Enrollment,
        Gradebook,
        Category,
        Assignment,
        Score,
        GradeBand,
        ReportCardGrade,
        AttendanceCode,
        AttendanceMark,
    ]
    return {model.__name__: model._default_manager.count() for model in models}


def link(number: str, first: str, last: str) -> StudentContact:
    return StudentContact.objects.get(
        student__number=number, contact__first_name=first, contact__last_name=last
    )


def age_on(day: datetime.date, born: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def test_refuses_without_debug() -> None:
    before = counts()

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())

    assert counts() == before


@override_settings(DEBUG=True)
def test_loads_with_debug_and_no_force(district: str) -> None:
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "Demo district loaded" in out.getvalue()
    assert Student.objects.count() == 40


def test_loads_two_schools_and_forty_students(district: str) -> None:
    assert School.objects.count() == 2
    assert Student.objects.count() == 40
    grades = set(Student.objects.values_list("grade", flat=True))
    assert grades == set(range(6, 13))


def test_students_are_in_the_school_for_their_grade(district: str) -> None:
    middle = School.objects.get(name="Memorial Middle School")
    high = School.objects.get(name="Lyman High School")
    assert middle.level == School.Level.MIDDLE
    assert high.level == School.Level.HIGH
    assert {s.grade for s in middle.students.all()} == {6, 7, 8}
    assert {s.grade for s in high.students.all()} == {9, 10, 11, 12}


def test_student_numbers_have_six_digits(district: str) -> None:
    numbers = Student.objects.values_list("number", flat=True)
    assert all(re.fullmatch(r"\d{6}", number) for number in numbers)


def test_birth_dates_fit_the_grade(district: str) -> None:
    september = datetime.date(school_year_start(TODAY), 9, 1)
    for student in Student.objects.all():
        assert student.birth_date is not None
        assert age_on(september, student.birth_date) == student.grade + 5


def test_birth_dates_are_the_same_every_time() -> None:
    first = birth_date_for(7, "100101", 2025)

    assert birth_date_for(7, "100101", 2025) == first
    assert age_on(datetime.date(2025, 9, 1), first) == 12


def test_school_year_starts_in_september() -> None:
    assert school_year_start(datetime.date(2026, 8, 31)) == 2025
    assert school_year_start(datetime.date(2026, 9, 1)) == 2026


def test_names_include_accents(district: str) -> None:
    assert Student.objects.filter(first_name="José").exists()
    assert Student.objects.filter(first_name="Zoë").exists()


def test_contacts_live_in_middletown_with_demo_emails_and_phones(district: str) -> None:
    for contact in Contact.objects.all():
        assert contact.city == "Middletown"
        assert contact.state == "CT"
        assert re.fullmatch(r"860-555-01\d\d", contact.phone)
        assert contact.email == "" or re.fullmatch(
            r"[a-z.]+@example\.(org|com|net)", contact.email
        )


def test_some_families_have_children_in_both_schools(district: str) -> None:
    both = [
        contact
        for contact in Contact.objects.all()
        if contact.students.values("school").distinct().count() == 2
    ]
    assert len(both) >= 3


def test_running_twice_changes_no_counts(district: str) -> None:
    before = counts()

    load()

    assert counts() == before


def test_running_again_keeps_a_changed_password(district: str) -> None:
    maria = Account.objects.get(username="demo.parent")
    maria.set_password("a new password of her own")
    maria.save()

    load()

    assert (
        authenticate(None, username="demo.parent", password="portal-demo-2026") is None
    )


def test_running_again_keeps_an_account_made_since(district: str) -> None:
    newcomer = Account.objects.create(username="amorales")
    Contact.objects.filter(first_name="Ana").update(account=newcomer)

    load()

    assert Contact.objects.filter(account=newcomer).count() == 2


def test_demo_parent_signs_in_in_any_case(district: str) -> None:
    account = authenticate(None, username="Demo.Parent", password="portal-demo-2026")

    assert account is not None
    assert isinstance(account, Account)
    assert account.kind == Account.Kind.PARENT
    assert account.must_change_password is False


def test_demo_parent_is_maria_rivera_mother_of_sofia_and_lucas(district: str) -> None:
    maria = Contact.objects.get(account__username="demo.parent")
    assert (maria.first_name, maria.last_name) == ("Maria", "Rivera")
    assert maria.email == "maria.rivera@example.org"
    children = {(s.number, s.first_name, s.grade) for s in maria.students.all()}
    assert children == {("100101", "Sofia", 7), ("100102", "Lucas", 10)}
    assert link("100101", "Maria", "Rivera").relationship == "mother"


def test_okafor_parents_have_an_account_each_for_ethan(district: str) -> None:
    grace = link("100301", "Grace", "Okafor").contact
    daniel = link("100301", "Daniel", "Okafor").contact
    assert grace.account is not None
    assert grace.account.username == "gokafor"
    assert grace.email == "grace.okafor@example.com"
    assert daniel.account is not None
    assert daniel.account.username == "dokafor"
    assert daniel.email == "daniel.okafor@example.net"
    for username in ["gokafor", "dokafor"]:
        assert authenticate(None, username=username, password="portal-demo-2026")


def test_ana_morales_has_two_records_and_no_account(district: str) -> None:
    records = Contact.objects.filter(first_name="Ana", last_name="Morales")
    assert records.count() == 2
    assert {c.email for c in records} == {"ana.morales@example.org"}
    assert all(c.account is None for c in records)
    kept_for = {frozenset(c.students.values_list("number", flat=True)) for c in records}
    assert kept_for == {frozenset({"100401", "100402"}), frozenset({"100403"})}


def test_diego_is_the_oldest_morales(district: str) -> None:
    grades = dict(
        Student.objects.filter(last_name="Morales").values_list("number", "grade")
    )
    assert grades == {"100401": 11, "100402": 8, "100403": 6}


def test_robert_nguyen_has_no_email(district: str) -> None:
    robert = link("100501", "Robert", "Nguyen")
    assert robert.contact.email == ""
    assert robert.relationship == "father"
    assert robert.student.grade == 9


def test_thomas_walsh_has_no_online_access_but_claire_does(district: str) -> None:
    assert link("100601", "Thomas", "Walsh").online_access is False
    assert link("100601", "Claire", "Walsh").online_access is True
    assert link("100601", "Thomas", "Walsh").contact.email == "thomas.walsh@example.com"


def test_sofia_has_a_student_account(district: str) -> None:
    account = authenticate(None, username="sofia.rivera", password="student-demo-2026")

    assert isinstance(account, Account)
    assert account.kind == Account.Kind.STUDENT
    assert Student.objects.get(account=account).number == "100101"


def test_office_is_the_district_office_and_a_superuser(district: str) -> None:
    account = authenticate(None, username="office", password="office-demo-2026")

    assert isinstance(account, Account)
    assert account.kind == Account.Kind.DISTRICT
    assert account.is_staff
    assert account.is_superuser


def test_the_middle_school_office_sees_its_school(district: str) -> None:
    account = authenticate(
        None, username="memorial.office", password="office-demo-2026"
    )

    assert isinstance(account, Account)
    assert account.kind == Account.Kind.STAFF
    assert account.school is not None
    assert account.school.name == "Memorial Middle School"


def test_every_listed_sign_in_works(district: str) -> None:
    for sign_in in roster.SIGN_INS:
        assert authenticate(None, username=sign_in.username, password=sign_in.password)


def test_prints_counts_and_sign_ins(district: str) -> None:
    out = district

    assert "2 schools, 40 students" in out
    assert "demo.parent" in out
    assert "portal-demo-2026" in out
    assert "100401" in out


# The school year 2026-2027, in its second marking period on 3 December 2026.

STORY_DAY = datetime.date(2026, 12, 3)


def quarter(name: str) -> MarkingPeriod:
    return MarkingPeriod.objects.get(school_year__name="2026-2027", name=name)


def overlap(first: Section, second: Section) -> bool:
    same_days = set(first.meeting_days) & set(second.meeting_days)
    return first.period == second.period and bool(same_days)


def test_the_year_has_four_quarters_with_their_midpoints(district: str) -> None:
    quarters = MarkingPeriod.objects.filter(school_year__name="2026-2027")

    assert [q.name for q in quarters] == ["Q1", "Q2", "Q3", "Q4"]
    assert (quarter("Q1").start, quarter("Q1").end) == (
        datetime.date(2026, 8, 31),
        datetime.date(2026, 11, 6),
    )
    assert (quarter("Q2").start, quarter("Q2").end) == (
        datetime.date(2026, 11, 9),
        datetime.date(2027, 1, 22),
    )
    for period in quarters:
        assert period.start < period.midpoint < period.end
        assert period.midpoint.isoweekday() <= 5


def test_the_second_quarter_is_in_progress_on_the_story_day(district: str) -> None:
    current = MarkingPeriod.objects.current(STORY_DAY)

    assert current is not None
    assert current.name == "Q2"


def test_teachers_sign_in_with_school_emails(district: str) -> None:
    teachers = Account.objects.filter(kind=Account.Kind.TEACHER)

    assert teachers.count() == 14
    assert all(t.email.endswith("@schools.example.org") for t in teachers)
    assert authenticate(None, username="dfoster", password="teacher-demo-2026")
    for school, count in [("Memorial Middle School", 6), ("Lyman High School", 8)]:
        taught_here = teachers.filter(sections__course__school__name=school)
        assert taught_here.distinct().count() == count


def test_every_student_has_a_full_schedule_without_clashes(district: str) -> None:
    for student in Student.objects.all():
        sections = [
            e.section for e in Enrollment.objects.on(STORY_DAY).filter(student=student)
        ]

        assert len(sections) >= 6
        assert {s.course.school_id for s in sections} == {student.school_id}
        for n, section in enumerate(sections):
            assert not any(overlap(section, other) for other in sections[n + 1 :])


def test_no_teacher_is_due_in_two_rooms_at_once(district: str) -> None:
    for teacher in Account.objects.filter(kind=Account.Kind.TEACHER):
        sections = list(teacher.sections.all())
        for n, section in enumerate(sections):
            assert not any(overlap(section, other) for other in sections[n + 1 :])


def test_most_sections_meet_daily_and_some_on_alternate_days(district: str) -> None:
    days = list(Section.objects.values_list("meeting_days", flat=True))

    assert days.count("12345") > len(days) * 0.8
    assert "135" in days
    assert "24" in days


def test_sections_run_all_year(district: str) -> None:
    for section in Section.objects.all():
        assert section.marking_periods.count() == 4


def test_diego_dropped_spanish_when_the_first_quarter_ended(district: str) -> None:
    enrollment = Enrollment.objects.get(
        student__number="100401", section__course__code="LHS-SPA3"
    )

    assert enrollment.start == datetime.date(2026, 8, 31)
    assert enrollment.dropped_on == datetime.date(2026, 11, 9)
    assert not Enrollment.objects.on(STORY_DAY).filter(pk=enrollment.pk).exists()
    assert Enrollment.objects.filter(dropped_on__isnull=False).count() == 1


def test_about_twenty_assignments_per_section_so_far(district: str) -> None:
    for book in Gradebook.objects.filter(marking_period=quarter("Q2")):
        so_far = book.assignments.filter(
            due_on__gte=datetime.date(2026, 11, 9), due_on__lte=STORY_DAY
        )

        assert 18 <= so_far.count() <= 22
        assert book.assignments.filter(due_on__gt=STORY_DAY).exists()


def test_work_due_later_is_hidden_or_not_graded_yet(district: str) -> None:
    later = Assignment.objects.filter(
        gradebook__marking_period=quarter("Q2"), due_on__gt=STORY_DAY
    )

    assert later.filter(visible_from__gt=STORY_DAY).exists()
    assert later.filter(visible_from__lte=STORY_DAY).exists()
    assert not Score.objects.filter(assignment__in=later).exists()


def test_the_first_quarter_is_fully_graded(district: str) -> None:
    period = quarter("Q1")
    for book in Gradebook.objects.filter(marking_period=period):
        students = Enrollment.objects.on(period.start).filter(section=book.section)
        expected = book.assignments.count() * students.count()

        assert 19 <= book.assignments.count() <= 22
        assert Score.objects.filter(assignment__gradebook=book).count() == expected


def test_every_enrolled_student_has_a_score_on_graded_work(district: str) -> None:
    period = quarter("Q2")
    for book in Gradebook.objects.filter(marking_period=period):
        students = Enrollment.objects.on(period.start).filter(section=book.section)
        for assignment in book.assignments.filter(scores__isnull=False).distinct():
            assert assignment.scores.count() == students.count()


def test_about_half_the_gradebooks_weigh_their_categories(district: str) -> None:
    books = Gradebook.objects.all()
    weighted = books.filter(method=Gradebook.Method.WEIGHTED)

    assert 0.35 < weighted.count() / books.count() < 0.65
    for book in weighted:
        assert sum(c.weight for c in book.categories.all()) == 100
    assert {c.name: c.weight for c in weighted[0].categories.all()} == {
        "Tests": 50,
        "Quizzes": 20,
        "Homework": 30,
    }


def test_some_scores_are_missing_late_excused_or_incomplete(district: str) -> None:
    scores = Score.objects.all()
    total = scores.count()

    assert 0 < scores.filter(missing=True).count() < total * 0.05
    assert 0 < scores.filter(late=True).count() < total * 0.06
    assert 0 < scores.filter(excused=True).count() < total * 0.03
    assert 0 < scores.filter(incomplete=True).count() < total * 0.02
    assert 0 < scores.exclude(comment="").count() < total * 0.05
    assert not scores.filter(missing=True).exclude(points=None).exists()


def test_gradebooks_were_updated_this_week_but_two_long_ago(district: str) -> None:
    books = Gradebook.objects.filter(marking_period=quarter("Q2"))
    days = [book.updated_at.date() for book in books if book.updated_at]

    assert len(days) == books.count()
    assert sum(day < STORY_DAY - datetime.timedelta(days=14) for day in days) == 2
    recent = [day for day in days if day >= STORY_DAY - datetime.timedelta(days=7)]
    assert len(recent) == len(days) - 2
    assert max(days) <= STORY_DAY


def test_the_grading_scale_runs_from_a_to_f(district: str) -> None:
    scale = {band.letter: band.minimum for band in GradeBand.objects.all()}

    assert scale["A"] == 93
    assert scale["A-"] == 90
    assert scale["B+"] == 87
    assert scale["D-"] == 60
    assert scale["F"] == 0
    assert len(scale) == 12


def test_every_first_quarter_enrollment_has_a_posted_grade(district: str) -> None:
    period = quarter("Q1")
    enrolled = Enrollment.objects.on(period.end)
    grades = ReportCardGrade.objects.filter(marking_period=period)

    assert grades.count() == enrolled.count()
    assert {(g.student_id, g.section_id) for g in grades} == {
        (e.student_id, e.section_id) for e in enrolled
    }
    assert all(g.posted_on == datetime.date(2026, 11, 13) for g in grades)
    assert 0 < grades.exclude(comment="").count() < grades.count() * 0.25


def test_report_card_marks_are_the_letters_of_the_averages(district: str) -> None:
    scale = list(GradeBand.objects.values_list("letter", "minimum"))
    for grade in ReportCardGrade.objects.all():
        assert grade.percent is not None
        letter = next(letter for letter, minimum in scale if grade.percent >= minimum)
        assert grade.mark == letter


def test_attendance_codes_form_a_legend(district: str) -> None:
    codes = {code.code: code for code in AttendanceCode.objects.all()}

    assert set(codes) == {"A", "AE", "T", "TE", "D"}
    assert codes["A"].counts_as_absence and not codes["A"].excused
    assert codes["AE"].counts_as_absence and codes["AE"].excused
    assert not codes["T"].counts_as_absence
    assert codes["D"].kind == AttendanceCode.Kind.DISMISSED


def test_absences_and_tardies_are_spread_over_two_quarters(district: str) -> None:
    marks = AttendanceMark.objects.all()

    assert marks.filter(section__isnull=True, code__code__in=["A", "AE"]).exists()
    assert marks.filter(section__isnull=False, code__code__in=["T", "TE"]).exists()
    assert marks.filter(code__code="D").exists()
    for name in ["Q1", "Q2"]:
        period = quarter(name)
        assert marks.between(period.start, min(period.end, STORY_DAY)).count() > 20
    assert all(mark.date.isoweekday() <= 5 for mark in marks)
    assert not marks.filter(date__gt=STORY_DAY).exists()


def test_sofia_has_one_missing_assignment_in_math(district: str) -> None:
    missing = Score.objects.filter(
        student__number="100101",
        missing=True,
        assignment__gradebook__marking_period=quarter("Q2"),
        assignment__visible_from__lte=STORY_DAY,
    )

    assert missing.count() == 1
    assert missing[0].assignment.gradebook.section.course.title == "Math 7"
    assert missing[0].comment


def test_sofia_was_tardy_once_and_has_comments(district: str) -> None:
    marks = AttendanceMark.objects.filter(student__number="100101")

    assert [(m.code.code, m.date) for m in marks] == [
        ("T", datetime.date(2026, 11, 17))
    ]
    comments = Score.objects.filter(student__number="100101").exclude(comment="")
    assert comments.count() >= 2
    assert ReportCardGrade.objects.filter(student__number="100101").exclude(comment="")


def test_lucas_missed_a_day_for_the_dentist(district: str) -> None:
    mark = AttendanceMark.objects.get(student__number="100102")

    assert mark.code.code == "AE"
    assert mark.section is None
    assert mark.comment == "Dentist appointment"
    assert not Score.objects.filter(student__number="100102", missing=True).exists()
