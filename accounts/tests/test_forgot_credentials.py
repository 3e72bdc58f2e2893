import re
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import TemporaryPassword
from conftest import Cast
from office.models import CredentialRequest
from outbox.models import Message

URL = reverse("accounts:forgot_credentials")
SENT = (
    "If we find you in our records, the school office will mail your username and "
    "a new temporary password to the home address on file. For your security we "
    "never give them out by phone or email."
)


def post(first: str, last: str, number: str, address: str = "203.0.113.9") -> Any:
    data = {"first_name": first, "last_name": last, "student_number": number}
    return Client(REMOTE_ADDR=address).post(URL, data)


def main_of(response: Any) -> str:
    """The page without the form's one-time token, to compare two answers."""
    page = response.content.decode()
    return re.sub(r'value="[^"]*"', "", page.split('<main id="main">', 1)[1])


def test_the_form_asks_for_names_and_the_student_number(cast: Cast) -> None:
    response = Client().get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    for field in ["first_name", "last_name", "student_number"]:
        assert f'name="{field}"' in page
    assert "MMS ID" in page
    assert "never gives out usernames or passwords by phone or email" in page


def test_the_sign_in_page_links_to_the_form(cast: Cast) -> None:
    page = Client().get(reverse("accounts:sign_in")).content.decode()

    assert f'href="{URL}"' in page
    assert "Forgot your username or password?</a>" in page
    assert "the office mails them to the home address on file" in page


def test_a_match_queues_a_request_for_the_office(cast: Cast) -> None:
    response = post(" Maria ", "Rivera", " 100101 ")

    assert response.status_code == 200
    assert SENT in response.content.decode()
    request = CredentialRequest.objects.get()
    assert (request.first_name, request.last_name) == ("Maria", "Rivera")
    assert request.student_number == "100101"
    assert request.status == CredentialRequest.Status.OPEN


@pytest.mark.parametrize(
    ("first", "last", "number"),
    [
        ("Jane", "Doe", "999999"),  # no such student
        ("Jane", "Rivera", "100101"),  # not a contact of hers
    ],
)
def test_no_match_queues_a_request_and_says_the_same(
    cast: Cast, first: str, last: str, number: str
) -> None:
    found = post("Maria", "Rivera", "100101")
    not_found = post(first, last, number)

    assert not_found.status_code == found.status_code == 200
    assert main_of(not_found) == main_of(found)
    assert CredentialRequest.objects.count() == 2


def test_nothing_is_sent_or_changed_while_the_visitor_waits(cast: Cast) -> None:
    post("Maria", "Rivera", "100101")

    assert not Message.objects.exists()
    assert not TemporaryPassword.objects.exists()
    cast.rivera.refresh_from_db()
    assert cast.rivera.check_password("correct horse battery staple")


def test_missing_fields_show_the_form_again(cast: Cast) -> None:
    response = post("Maria", "", "100101")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not CredentialRequest.objects.exists()


@override_settings(HOMEROOM_CREATE_LIMIT_PER_ADDRESS=3)
def test_requests_from_one_address_are_throttled(cast: Cast) -> None:
    for _ in range(3):
        assert post("Jane", "Doe", "999999").status_code == 200

    limited = post("Maria", "Rivera", "100101")

    assert limited.status_code == 429
    assert "Too many attempts" in limited.content.decode()
    assert CredentialRequest.objects.count() == 3
    assert post("Maria", "Rivera", "100101", "198.51.100.7").status_code == 200


def test_a_signed_in_parent_may_use_the_form_too(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(URL)

    assert response.status_code == 200
