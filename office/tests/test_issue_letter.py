import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import TemporaryPassword
from audit.models import Access
from conftest import PASSWORD, Cast, Staff, Term
from office.models import CredentialLetter
from office.tests.letter_text import temporary_password_in, text_of
from outbox.models import Message
from records.models import Contact, Student

NEW_PASSWORD = "plum violet harbour engine"


def url(student: Student, contact: Contact) -> str:
    return reverse("office:issue_letter", args=[student.public_id, contact.pk])


def issue(cast: Cast, staff: Staff) -> bytes:
    client = cast.client_for(staff.middle_office)
    response = client.post(url(cast.sofia, cast.maria))
    assert response.status_code == 200
    return bytes(response.content)


def test_the_page_shows_the_username_and_address_but_no_password(
    cast: Cast, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(url(cast.sofia, cast.maria))

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "mrivera" in page
    assert "12 Elm Street" in page
    assert "Issue letter (PDF)" in page
    assert not TemporaryPassword.objects.exists()


def test_no_staff_page_shows_the_temporary_password(cast: Cast, staff: Staff) -> None:
    code = temporary_password_in(issue(cast, staff))

    client = cast.client_for(staff.middle_office)
    pages = [
        client.get(url(cast.sofia, cast.maria)),
        client.get(reverse("office:credential_requests")),
    ]

    for page in pages:
        assert page.status_code == 200
        assert code not in page.content.decode()


def test_opening_the_page_is_recorded_as_an_access(cast: Cast, staff: Staff) -> None:
    cast.client_for(staff.middle_office).get(url(cast.sofia, cast.maria))

    access = Access.objects.get()
    assert access.student == cast.sofia
    assert access.actor == staff.middle_office
    assert access.page == "office:issue_letter"


def test_issuing_answers_with_the_letter_as_a_private_download(
    cast: Cast, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).post(url(cast.sofia, cast.maria))

    assert response["Content-Type"] == "application/pdf"
    letter = CredentialLetter.objects.get()
    assert response["Content-Disposition"] == (
        f'attachment; filename="sign-in-letter-{letter.pk}.pdf"'
    )
    assert response["Cache-Control"] == "no-store"
    text = text_of(response.content)
    assert "mrivera" in text
    assert "12 Elm Street" in text
    assert letter.issued_by == staff.middle_office


def test_a_parent_signs_in_with_the_letter_once_and_must_choose_a_password(
    cast: Cast, staff: Staff
) -> None:
    code = temporary_password_in(issue(cast, staff))
    parent = Client()

    signed_in = parent.post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": code}
    )
    assert signed_in.status_code == 302
    assert parent.get("/children/")["Location"] == reverse("accounts:choose_password")

    chosen = parent.post(
        reverse("accounts:choose_password"),
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert chosen.status_code == 302
    assert parent.get("/children/").status_code == 200

    again = Client().post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": code}
    )
    assert "The username or password is not correct." in again.content.decode()


def test_the_password_never_reaches_a_log(
    cast: Cast, staff: Staff, caplog: pytest.LogCaptureFixture
) -> None:
    code = temporary_password_in(issue(cast, staff))

    assert code not in caplog.text
    for message in Message.objects.all():
        assert code not in message.text_body


def test_a_second_letter_cancels_the_first(cast: Cast, staff: Staff) -> None:
    first = temporary_password_in(issue(cast, staff))
    second = temporary_password_in(issue(cast, staff))

    refused = Client().post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": first}
    )
    accepted = Client().post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": second}
    )
    assert refused.status_code == 200
    assert accepted.status_code == 302


def test_the_page_lists_the_letters_sent_before(cast: Cast, staff: Staff) -> None:
    issue(cast, staff)

    page = cast.client_for(staff.district).get(url(cast.sofia, cast.maria))

    assert "Pat Office" in page.content.decode()


def test_no_address_on_file_is_refused_with_a_clear_message(
    cast: Cast, staff: Staff
) -> None:
    cast.maria.address_line1 = ""
    cast.maria.save()
    client = cast.client_for(staff.middle_office)

    shown = client.get(url(cast.sofia, cast.maria))
    posted = client.post(url(cast.sofia, cast.maria))

    assert "There is no home address on file for Maria Rivera" in shown.content.decode()
    assert "Issue letter (PDF)" not in shown.content.decode()
    assert posted.status_code == 409
    assert posted["Content-Type"].startswith("text/html")
    assert not CredentialLetter.objects.exists()
    assert not TemporaryPassword.objects.exists()


def test_a_contact_without_an_account_gets_no_letter(cast: Cast, staff: Staff) -> None:
    cast.maria.account = None
    cast.maria.save()

    response = cast.client_for(staff.middle_office).post(url(cast.sofia, cast.maria))

    assert response.status_code == 409
    assert "has no parent portal account yet" in response.content.decode()


def test_the_district_may_issue_for_any_school(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.district).post(url(cast.lucas, cast.maria))

    assert response["Content-Type"] == "application/pdf"


def test_office_staff_of_another_school_get_404(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.high_office)

    assert client.get(url(cast.sofia, cast.maria)).status_code == 404
    assert client.post(url(cast.sofia, cast.maria)).status_code == 404
    assert not TemporaryPassword.objects.exists()


def test_a_contact_of_another_student_is_not_found(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.middle_office)

    assert client.get(url(cast.sofia, cast.wei)).status_code == 404
    assert client.post(url(cast.sofia, cast.wei)).status_code == 404


def test_an_unknown_student_is_not_found(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.district).get(
        reverse("office:issue_letter", args=[uuid.uuid4(), cast.maria.pk])
    )

    assert response.status_code == 404


def test_teachers_are_refused(cast: Cast, staff: Staff, term: Term) -> None:
    client = cast.client_for(term.teacher)

    assert client.get(url(cast.sofia, cast.maria)).status_code == 403
    assert client.post(url(cast.sofia, cast.maria)).status_code == 403


@pytest.mark.parametrize("who", ["rivera", "chen", "lily_account", "outsider"])
def test_families_and_students_are_refused(cast: Cast, staff: Staff, who: str) -> None:
    client = cast.client_for(getattr(cast, who))

    assert client.get(url(cast.sofia, cast.maria)).status_code == 403
    assert client.post(url(cast.sofia, cast.maria)).status_code == 403
    assert not TemporaryPassword.objects.exists()


def test_signed_out_visitors_go_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia, cast.maria))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_url_holds_no_student_number(cast: Cast) -> None:
    assert cast.sofia.number not in url(cast.sofia, cast.maria)
    assert re.search(str(cast.sofia.public_id), url(cast.sofia, cast.maria))


def test_the_parents_own_password_still_works_after_a_letter(
    cast: Cast, staff: Staff
) -> None:
    issue(cast, staff)

    response = Client().post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": PASSWORD}
    )

    assert response.status_code == 302
