import uuid

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Cast
from records.models import CorrectionRequest


def url(public_id: uuid.UUID) -> str:
    return reverse("family:request_correction", args=[public_id])


def records_url(public_id: uuid.UUID) -> str:
    return reverse("family:records", args=[public_id])


def test_a_request_is_stored_for_the_student_and_the_account(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    response = client.post(
        url(cast.sofia.public_id), {"message": "We moved to 4 Oak Lane."}
    )

    assert response.status_code == 302
    assert response["Location"] == records_url(cast.sofia.public_id)
    stored = CorrectionRequest.objects.get()
    assert stored.student == cast.sofia
    assert stored.account == cast.rivera
    assert stored.message == "We moved to 4 Oak Lane."
    assert stored.status == CorrectionRequest.Status.OPEN


def test_after_sending_the_page_confirms_and_lists_the_request(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    response = client.post(
        url(cast.sofia.public_id), {"message": "We moved to 4 Oak Lane."}, follow=True
    )
    page = response.content.decode()

    assert "Your request was sent to the office." in page
    assert "We moved to 4 Oak Lane." in page
    assert "Waiting for the office" in page


def test_an_empty_message_is_refused_with_the_field_named(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"message": "   "}
    )

    assert response.status_code == 400
    assert "“What should change” is empty." in response.content.decode()
    assert not CorrectionRequest.objects.exists()


def test_a_message_over_2000_characters_is_refused(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"message": "x" * 2001}
    )

    assert response.status_code == 400
    assert "“What should change” is too long: 2001" in response.content.decode()
    assert not CorrectionRequest.objects.exists()


def test_line_breaks_count_as_one_character(cast: Cast) -> None:
    message = "\r\n".join(["x" * 999, "y" * 1000])

    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"message": message}
    )

    assert response.status_code == 302
    assert len(CorrectionRequest.objects.get().message) == 2000


def test_a_student_may_send_one_too(cast: Cast) -> None:
    client = cast.client_for(cast.lily_account)

    response = client.post(url(cast.lily.public_id), {"message": "My middle name."})

    assert response.status_code == 302
    stored = CorrectionRequest.objects.get()
    assert (stored.student, stored.account) == (cast.lily, cast.lily_account)


def test_only_post_is_accepted(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response.status_code == 405


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().post(url(cast.sofia.public_id), {"message": "Hello"})

    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not CorrectionRequest.objects.exists()


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404_and_nothing_is_stored(
    cast: Cast, viewer: str
) -> None:
    client = cast.client_for(getattr(cast, viewer))

    response = client.post(url(cast.sofia.public_id), {"message": "Change it"})

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
    assert not CorrectionRequest.objects.exists()
