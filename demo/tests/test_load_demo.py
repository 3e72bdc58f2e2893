import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import Account
from demo import roster
from demo.district import birth_date_for, school_year_start
from records.models import Contact, School, Student, StudentContact

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 2, 10)


def load() -> str:
    out = StringIO()
    with time_machine.travel(datetime.datetime(2026, 2, 10, 12), tick=False):
        call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "schools": School.objects.count(),
        "students": Student.objects.count(),
        "contacts": Contact.objects.count(),
        "links": StudentContact.objects.count(),
        "accounts": Account.objects.count(),
    }


def link(number: str, first: str, last: str) -> StudentContact:
    return StudentContact.objects.get(
        student__number=number, contact__first_name=first, contact__last_name=last
    )


def age_on(day: datetime.date, born: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def test_refuses_without_debug() -> None:
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())

    assert counts()["students"] == 0


@override_settings(DEBUG=True)
def test_loads_with_debug_and_no_force() -> None:
    call_command("load_demo", stdout=StringIO())

    assert Student.objects.count() == 40


def test_loads_two_schools_and_forty_students() -> None:
    load()

    assert counts()["schools"] == 2
    assert counts()["students"] == 40
    grades = set(Student.objects.values_list("grade", flat=True))
    assert grades == set(range(6, 13))


def test_students_are_in_the_school_for_their_grade() -> None:
    load()

    middle = School.objects.get(name="Memorial Middle School")
    high = School.objects.get(name="Lyman High School")
    assert middle.level == School.Level.MIDDLE
    assert high.level == School.Level.HIGH
    assert {s.grade for s in middle.students.all()} == {6, 7, 8}
    assert {s.grade for s in high.students.all()} == {9, 10, 11, 12}


def test_student_numbers_have_six_digits() -> None:
    load()

    numbers = Student.objects.values_list("number", flat=True)
    assert all(re.fullmatch(r"\d{6}", number) for number in numbers)


def test_birth_dates_fit_the_grade() -> None:
    load()

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


def test_names_include_accents() -> None:
    load()

    assert Student.objects.filter(first_name="José").exists()
    assert Student.objects.filter(first_name="Zoë").exists()


def test_contacts_live_in_middletown_with_demo_emails_and_phones() -> None:
    load()

    for contact in Contact.objects.all():
        assert contact.city == "Middletown"
        assert contact.state == "CT"
        assert re.fullmatch(r"860-555-01\d\d", contact.phone)
        assert contact.email == "" or re.fullmatch(
            r"[a-z.]+@example\.(org|com|net)", contact.email
        )


def test_some_families_have_children_in_both_schools() -> None:
    load()

    both = [
        contact
        for contact in Contact.objects.all()
        if contact.students.values("school").distinct().count() == 2
    ]
    assert len(both) >= 3


def test_running_twice_changes_no_counts() -> None:
    load()
    before = counts()

    load()

    assert counts() == before


def test_running_again_keeps_a_changed_password() -> None:
    load()
    maria = Account.objects.get(username="demo.parent")
    maria.set_password("a new password of her own")
    maria.save()

    load()

    assert (
        authenticate(None, username="demo.parent", password="portal-demo-2026") is None
    )


def test_running_again_keeps_an_account_made_since() -> None:
    load()
    newcomer = Account.objects.create(username="amorales")
    Contact.objects.filter(first_name="Ana").update(account=newcomer)

    load()

    assert Contact.objects.filter(account=newcomer).count() == 2


def test_demo_parent_signs_in_in_any_case() -> None:
    load()

    account = authenticate(None, username="Demo.Parent", password="portal-demo-2026")

    assert account is not None
    assert isinstance(account, Account)
    assert account.kind == Account.Kind.PARENT
    assert account.must_change_password is False


def test_demo_parent_is_maria_rivera_mother_of_sofia_and_lucas() -> None:
    load()

    maria = Contact.objects.get(account__username="demo.parent")
    assert (maria.first_name, maria.last_name) == ("Maria", "Rivera")
    assert maria.email == "maria.rivera@example.org"
    children = {(s.number, s.first_name, s.grade) for s in maria.students.all()}
    assert children == {("100101", "Sofia", 7), ("100102", "Lucas", 10)}
    assert link("100101", "Maria", "Rivera").relationship == "mother"


def test_okafor_parents_have_an_account_each_for_ethan() -> None:
    load()

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


def test_ana_morales_has_two_records_and_no_account() -> None:
    load()

    records = Contact.objects.filter(first_name="Ana", last_name="Morales")
    assert records.count() == 2
    assert {c.email for c in records} == {"ana.morales@example.org"}
    assert all(c.account is None for c in records)
    kept_for = {frozenset(c.students.values_list("number", flat=True)) for c in records}
    assert kept_for == {frozenset({"100401", "100402"}), frozenset({"100403"})}


def test_diego_is_the_oldest_morales() -> None:
    load()

    grades = dict(
        Student.objects.filter(last_name="Morales").values_list("number", "grade")
    )
    assert grades == {"100401": 11, "100402": 8, "100403": 6}


def test_robert_nguyen_has_no_email() -> None:
    load()

    robert = link("100501", "Robert", "Nguyen")
    assert robert.contact.email == ""
    assert robert.relationship == "father"
    assert robert.student.grade == 9


def test_thomas_walsh_has_no_online_access_but_claire_does() -> None:
    load()

    assert link("100601", "Thomas", "Walsh").online_access is False
    assert link("100601", "Claire", "Walsh").online_access is True
    assert link("100601", "Thomas", "Walsh").contact.email == "thomas.walsh@example.com"


def test_sofia_has_a_student_account() -> None:
    load()

    account = authenticate(None, username="sofia.rivera", password="student-demo-2026")

    assert isinstance(account, Account)
    assert account.kind == Account.Kind.STUDENT
    assert Student.objects.get(account=account).number == "100101"


def test_office_is_a_staff_superuser() -> None:
    load()

    account = authenticate(None, username="office", password="office-demo-2026")

    assert isinstance(account, Account)
    assert account.kind == Account.Kind.STAFF
    assert account.is_staff
    assert account.is_superuser


def test_every_listed_sign_in_works() -> None:
    load()

    for sign_in in roster.SIGN_INS:
        assert authenticate(None, username=sign_in.username, password=sign_in.password)


def test_prints_counts_and_sign_ins() -> None:
    out = load()

    assert "2 schools, 40 students" in out
    assert "demo.parent" in out
    assert "portal-demo-2026" in out
    assert "100401" in out
