import datetime
import uuid

import pytest
from django.urls import reverse

from conftest import Cast, make_contact
from records.models import CorrectionRequest


def url(public_id: uuid.UUID) -> str:
    return reverse("family:records", args=[public_id])


def test_shows_the_student_on_file(cast: Cast) -> None:
    cast.sofia.birth_date = datetime.date(2013, 4, 9)
    cast.sofia.save()

    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Memorial Middle School" in page
    assert "April 9, 2013" in page
    assert "100101" not in page  # the student number is not part of this page


def test_shows_the_address_and_phone_on_file(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Maria Rivera" in page
    assert "Mother" in page
    assert "maria@example.org" in page
    assert "860-555-0100" in page
    assert "12 Elm Street<br>Middletown CT 06457" in page


def test_a_parent_sees_the_other_contacts_on_file_too(cast: Cast) -> None:
    make_contact("Ana", "Rivera", "ana@example.org", cast.sofia)

    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Ana Rivera" in page
    assert "ana@example.org" in page


def test_contacts_of_other_students_are_not_shown(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Wei Chen" not in page


def test_which_contact_has_an_account_is_not_shown(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "mrivera" not in page
    assert "online access" not in page.lower()


def test_lists_this_accounts_earlier_requests_only(cast: Cast) -> None:
    mine = CorrectionRequest.objects.create(
        student=cast.sofia, account=cast.rivera, message="New phone: 860-555-0199"
    )
    CorrectionRequest.objects.create(
        student=cast.sofia, account=cast.outsider, message="Not for Maria's eyes"
    )
    CorrectionRequest.objects.create(
        student=cast.lucas, account=cast.rivera, message="About Lucas"
    )

    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))
    page = response.content.decode()

    assert list(response.context["requests"]) == [mine]
    assert "New phone: 860-555-0199" in page
    assert "Waiting for the office" in page


def test_shows_the_correction_form(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "Ask the office to correct something" in page
    assert reverse("family:request_correction", args=[cast.sofia.public_id]) in page
    assert 'maxlength="2000"' in page


def test_a_student_sees_their_own_records(cast: Cast) -> None:
    response = cast.client_for(cast.lily_account).get(url(cast.lily.public_id))

    assert response.status_code == 200
    assert "Wei Chen" in response.content.decode()


def test_the_page_is_not_cached(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404
