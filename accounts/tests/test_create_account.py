import datetime
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import Account, TemporaryPassword
from conftest import Cast
from outbox.delivery import deliver_due
from outbox.models import SCRUBBED, Message
from records.models import StudentContact

URL = reverse("accounts:create_account")
FAILURE = "Sorry, either your name does not match our records for your student"


def post(first: str, last: str, username: str, number: str) -> Any:
    data = {
        "first_name": first,
        "last_name": last,
        "username": username,
        "student_number": number,
    }
    return Client().post(URL, data)


def new_contact(cast: Cast) -> None:
    """Maria's sister-in-law, on file for Sofia, with no account yet."""
    contact = cast.maria.__class__.objects.create(
        first_name="Inés", last_name="Rivera", email="ines@example.org"
    )
    StudentContact.objects.create(
        student=cast.sofia, contact=contact, relationship="other"
    )


def test_the_form_asks_for_the_four_things(cast: Cast) -> None:
    response = Client().get(URL + "?username=JSmith")

    assert response.status_code == 200
    page = response.content.decode()
    for field in ["first_name", "last_name", "username", "student_number"]:
        assert f'name="{field}"' in page
    assert 'value="JSmith"' in page
    assert "MMS ID" in page


def test_success_names_the_masked_address_and_sends_the_temporary_password(
    cast: Cast,
) -> None:
    new_contact(cast)

    response = post("  ines ", "RIVERA", "IRivera", "100101")

    page = response.content.decode()
    assert "An email has been sent to i•••@example.org" in page
    assert "spam" in page
    account = Account.objects.get(username="IRivera")
    assert account.must_change_password
    assert not account.has_usable_password()
    assert account.contacts.get().email == "ines@example.org"

    message = Message.objects.get()
    assert message.to == "ines@example.org"
    code = re.search(r"Temporary password: (\d+)", message.text_body)
    assert code is not None and len(code.group(1)) >= 8
    assert "IRivera" in message.text_body
    assert message.html_body and code.group(1) in message.html_body


def test_temporary_password_is_stored_only_as_an_argon2_hash(cast: Cast) -> None:
    new_contact(cast)
    post("Inés", "Rivera", "irivera", "100101")

    temporary = TemporaryPassword.objects.get()
    code = re.search(r"Temporary password: (\d+)", Message.objects.get().text_body)
    assert code is not None
    assert temporary.password_hash.startswith("argon2")
    assert code.group(1) not in temporary.password_hash


def test_no_temporary_password_is_readable_once_delivered(cast: Cast) -> None:
    new_contact(cast)
    post("Inés", "Rivera", "irivera", "100101")

    deliver_due()

    message = Message.objects.get()
    assert len(mail.outbox) == 1
    assert re.search(r"\d{8}", str(mail.outbox[0].body))
    assert message.text_body == SCRUBBED
    assert not re.search(r"\d{8}", str(message.html_body))


@pytest.mark.parametrize(
    ("first", "last", "number"),
    [
        ("Inés", "Rivera", "999999"),  # no such student
        ("Agnes", "Rivera", "100101"),  # names differ
        ("Inés", "Rivera", "100201"),  # another family's child
    ],
)
def test_every_failure_shows_the_same_message(
    cast: Cast, first: str, last: str, number: str
) -> None:
    new_contact(cast)

    response = post(first, last, "irivera", number)

    assert FAILURE in response.content.decode()
    assert "860-828-6577" in response.content.decode()
    assert not Account.objects.filter(username="irivera").exists()
    assert not Message.objects.exists()


def test_no_online_access_fails_with_the_same_message(cast: Cast) -> None:
    new_contact(cast)
    StudentContact.objects.filter(contact__first_name="Inés").update(
        online_access=False
    )

    response = post("Inés", "Rivera", "irivera", "100101")

    assert FAILURE in response.content.decode()
    assert not Message.objects.exists()


def test_no_email_on_file_fails_with_the_same_message(cast: Cast) -> None:
    new_contact(cast)
    cast.maria.__class__.objects.filter(first_name="Inés").update(email="")

    response = post("Inés", "Rivera", "irivera", "100101")

    assert FAILURE in response.content.decode()


def test_an_existing_account_is_reminded_of_its_username(cast: Cast) -> None:
    response = post("Maria", "Rivera", "maria2", "100102")

    assert "An email has been sent to m•••@example.org" in response.content.decode()
    assert not Account.objects.filter(username="maria2").exists()
    message = Message.objects.get()
    assert "mrivera" in message.text_body
    assert "Temporary password" not in message.text_body


def test_a_taken_username_is_named_in_any_case(cast: Cast) -> None:
    new_contact(cast)

    response = post("Inés", "Rivera", "MRIVERA", "100101")

    assert "This username is already taken" in response.content.decode()
    assert not Message.objects.exists()


@override_settings(HOMEROOM_CREATE_LIMIT_PER_STUDENT=3)
def test_guessing_names_for_one_student_is_throttled(cast: Cast) -> None:
    new_contact(cast)
    for attempt in range(3):
        post(f"Guess{attempt}", "Rivera", f"guess{attempt}", "100101")

    response = post("Inés", "Rivera", "irivera", "100101")

    assert "Too many attempts" in response.content.decode()
    assert not Account.objects.filter(username="irivera").exists()


@override_settings(HOMEROOM_CREATE_LIMIT_PER_ADDRESS=3)
def test_guessing_student_numbers_from_one_address_is_throttled_then_cools_off(
    cast: Cast,
) -> None:
    new_contact(cast)
    with time_machine.travel("2026-12-03 10:00", tick=False):
        for number in ["100000", "100001", "100002"]:
            post("Inés", "Rivera", "irivera", number)
        response = post("Inés", "Rivera", "irivera", "100101")
        assert "Too many attempts" in response.content.decode()

    with time_machine.travel("2026-12-03 10:16", tick=False):
        response = post("Inés", "Rivera", "irivera", "100101")
    assert "An email has been sent" in response.content.decode()


@override_settings(HOMEROOM_PORTAL_OPENS=datetime.date(2027, 1, 4))
def test_creation_waits_for_the_opening_date(cast: Cast) -> None:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        response = Client().get(URL)

    assert "The portal is not open yet" in response.content.decode()
