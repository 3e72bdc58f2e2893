"""The fixed cast every test uses: two families, a student and an outsider."""

from dataclasses import dataclass

import pytest
from django.test import Client

from accounts.models import Account
from records.models import Contact, School, Student, StudentContact

PASSWORD = "correct horse battery staple"  # noqa: S105


@dataclass
class Cast:
    middle: School
    high: School
    rivera: Account  # parent of Sofia and Lucas
    maria: Contact
    sofia: Student
    lucas: Student
    chen: Account  # parent of Lily
    wei: Contact
    lily: Student
    lily_account: Account  # Lily's own student account
    outsider: Account  # signed in, linked to nobody

    def client_for(self, account: Account) -> Client:
        client = Client()
        client.force_login(account)
        session = client.session
        session["signed_in_at"] = 4102444800.0  # far future: never too old
        session.save()
        return client


def make_account(
    username: str, kind: str = Account.Kind.PARENT, **fields: str
) -> Account:
    account = Account(username=username, kind=kind, **fields)
    account.set_password(PASSWORD)
    account.save()
    return account


def make_student(
    number: str, first: str, last: str, grade: int, school: School
) -> Student:
    return Student.objects.create(
        number=number, first_name=first, last_name=last, grade=grade, school=school
    )


def make_contact(first: str, last: str, email: str, *students: Student) -> Contact:
    contact = Contact.objects.create(
        first_name=first,
        last_name=last,
        email=email,
        phone="860-555-0100",
        address_line1="12 Elm Street",
        city="Middletown",
        state="CT",
        postal_code="06457",
    )
    for student in students:
        StudentContact.objects.create(
            student=student,
            contact=contact,
            relationship=StudentContact.Relationship.MOTHER,
        )
    return contact


@pytest.fixture
def cast(db: None) -> Cast:
    middle = School.objects.create(name="Memorial Middle School", level="middle")
    high = School.objects.create(name="Lyman High School", level="high")

    sofia = make_student("100101", "Sofia", "Rivera", 7, middle)
    lucas = make_student("100102", "Lucas", "Rivera", 10, high)
    lily = make_student("100201", "Lily", "Chen", 8, middle)

    rivera = make_account(
        "mrivera", first_name="Maria", last_name="Rivera", email="maria@example.org"
    )
    maria = make_contact("Maria", "Rivera", "maria@example.org", sofia, lucas)
    maria.account = rivera
    maria.save()

    chen = make_account(
        "wchen", first_name="Wei", last_name="Chen", email="wei@example.org"
    )
    wei = make_contact("Wei", "Chen", "wei@example.org", lily)
    wei.account = chen
    wei.save()

    lily_account = make_account("lchen", kind=Account.Kind.STUDENT)
    lily.account = lily_account
    lily.save()

    outsider = make_account("outsider", first_name="Olive", last_name="Outsider")

    return Cast(
        middle=middle,
        high=high,
        rivera=rivera,
        maria=maria,
        sofia=sofia,
        lucas=lucas,
        chen=chen,
        wei=wei,
        lily=lily,
        lily_account=lily_account,
        outsider=outsider,
    )
