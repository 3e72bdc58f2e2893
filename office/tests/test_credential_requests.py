import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import TemporaryPassword
from conftest import Cast, Staff, Term
from office.models import CredentialLetter, CredentialRequest
from office.tests.letter_text import temporary_password_in, text_of

URL = reverse("office:credential_requests")
Status = CredentialRequest.Status


def ask(first: str, last: str, number: str) -> CredentialRequest:
    return CredentialRequest.objects.create(
        first_name=first, last_name=last, student_number=number
    )


def send_url(request: CredentialRequest, contact_id: int) -> str:
    return reverse("office:send_credential_letter", args=[request.pk, contact_id])


def close_url(request: CredentialRequest) -> str:
    return reverse("office:close_credential_request", args=[request.pk])


def test_the_queue_shows_a_waiting_request_with_its_matching_contact(
    cast: Cast, staff: Staff
) -> None:
    request = ask("Maria", "Rivera", "100101")

    response = cast.client_for(staff.middle_office).get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting (1)" in page
    assert "Sofia Rivera, Memorial Middle School" in page
    assert "username mrivera" in page
    assert send_url(request, cast.maria.pk) in page
    assert close_url(request) in page
    assert "no match" not in page


def test_a_request_with_other_names_lists_no_contact(cast: Cast, staff: Staff) -> None:
    request = ask("Jane", "Rivera", "100101")

    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "No contact of Sofia Rivera has these names." in page
    assert send_url(request, cast.maria.pk) not in page


def test_a_contact_without_an_address_cannot_be_sent_a_letter(
    cast: Cast, staff: Staff
) -> None:
    cast.maria.address_line1 = ""
    cast.maria.save()
    request = ask("Maria", "Rivera", "100101")

    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "There is no home address on file for Maria Rivera" in page
    assert send_url(request, cast.maria.pk) not in page


def test_office_staff_see_only_their_own_schools_requests(
    cast: Cast, staff: Staff
) -> None:
    ask("Maria", "Rivera", "100102")  # Lucas, at the high school
    ask("Jane", "Doe", "999999")

    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "Waiting (0)" in page
    assert "No request is waiting." in page


def test_district_administrators_see_unmatched_requests_marked(
    cast: Cast, staff: Staff
) -> None:
    ask("Jane", "Doe", "999999")
    ask("Maria", "Rivera", "100102")

    page = cast.client_for(staff.district).get(URL).content.decode()

    assert "Waiting (2)" in page
    assert 'Jane Doe <span class="flag flag-missing">no match</span>' in page
    assert "No student of our schools has this student number." in page
    assert "Lucas Rivera, Lyman High School" in page


@time_machine.travel("2026-12-03 10:00", tick=False)
def test_issuing_from_the_queue_downloads_the_letter_and_marks_it_sent(
    cast: Cast, staff: Staff
) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)

    response = client.post(send_url(request, cast.maria.pk))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "mrivera" in text_of(response.content)
    assert len(temporary_password_in(response.content)) >= 8
    request.refresh_from_db()
    assert request.status == Status.LETTER_SENT
    assert request.handled_by == staff.middle_office
    assert request.handled_at == timezone.now()
    assert CredentialLetter.objects.get().request == request


def test_a_sent_request_moves_to_handled(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)
    client.post(send_url(request, cast.maria.pk))

    page = client.get(URL).content.decode()

    assert "Waiting (0)" in page
    assert "Letter sent" in page
    assert "Pat Office" in page


def test_closing_without_a_letter(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)

    response = client.post(close_url(request), follow=True)

    request.refresh_from_db()
    assert request.status == Status.CLOSED
    assert request.handled_by == staff.middle_office
    assert request.handled_at is not None
    assert "The request was closed without a letter." in response.content.decode()
    assert "Closed without a letter" in response.content.decode()
    assert not TemporaryPassword.objects.exists()


def test_a_handled_request_cannot_be_handled_again(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)
    client.post(close_url(request))

    assert client.post(send_url(request, cast.maria.pk)).status_code == 404
    assert client.post(close_url(request)).status_code == 404
    assert not CredentialLetter.objects.exists()


def test_the_district_closes_an_unmatched_request(cast: Cast, staff: Staff) -> None:
    request = ask("Jane", "Doe", "999999")

    cast.client_for(staff.district).post(close_url(request))

    request.refresh_from_db()
    assert request.status == Status.CLOSED


def test_office_staff_cannot_answer_another_schools_request(
    cast: Cast, staff: Staff
) -> None:
    lucas = ask("Maria", "Rivera", "100102")
    unknown = ask("Jane", "Doe", "999999")
    client = cast.client_for(staff.middle_office)

    assert client.post(send_url(lucas, cast.maria.pk)).status_code == 404
    assert client.post(close_url(lucas)).status_code == 404
    assert client.post(close_url(unknown)).status_code == 404
    lucas.refresh_from_db()
    assert lucas.status == Status.OPEN


def test_a_letter_goes_only_to_a_matching_contact(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")

    response = cast.client_for(staff.middle_office).post(send_url(request, cast.wei.pk))

    assert response.status_code == 404
    assert not TemporaryPassword.objects.exists()


def test_a_refused_letter_keeps_the_request_open(cast: Cast, staff: Staff) -> None:
    cast.maria.city = ""
    cast.maria.save()
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)

    response = client.post(send_url(request, cast.maria.pk), follow=True)

    assert "There is no home address on file" in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.OPEN


def test_the_queue_answers_only_to_post_for_changes(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(staff.middle_office)

    assert client.get(send_url(request, cast.maria.pk)).status_code == 405
    assert client.get(close_url(request)).status_code == 405


def test_the_letters_tab_is_for_the_office(
    cast: Cast, staff: Staff, term: Term
) -> None:
    office_page = cast.client_for(staff.middle_office).get(reverse("staff:home"))
    teacher_page = cast.client_for(term.teacher).get(reverse("staff:home"))

    assert f'href="{URL}"' in office_page.content.decode()
    assert f'href="{URL}"' not in teacher_page.content.decode()


def test_teachers_are_refused(cast: Cast, staff: Staff, term: Term) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(term.teacher)

    assert client.get(URL).status_code == 403
    assert client.post(send_url(request, cast.maria.pk)).status_code == 403
    assert client.post(close_url(request)).status_code == 403


@pytest.mark.parametrize("who", ["rivera", "chen", "lily_account", "outsider"])
def test_families_and_students_are_refused(cast: Cast, who: str) -> None:
    request = ask("Maria", "Rivera", "100101")
    client = cast.client_for(getattr(cast, who))

    assert client.get(URL).status_code == 403
    assert client.post(send_url(request, cast.maria.pk)).status_code == 403
    assert client.post(close_url(request)).status_code == 403
    assert not TemporaryPassword.objects.exists()


def test_signed_out_visitors_go_to_sign_in(cast: Cast) -> None:
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
