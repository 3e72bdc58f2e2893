import datetime
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import Cast, Staff, Term
from office.models import InterimRequest


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def url(public_id: uuid.UUID) -> str:
    return reverse("family:request_interim", args=[public_id])


def overview_url(public_id: uuid.UUID) -> str:
    return reverse("family:child", args=[public_id])


def test_a_request_is_stored_for_the_student_the_account_and_the_delivery(
    cast: Cast, term: Term
) -> None:
    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"delivery": "mail"}
    )

    assert response.status_code == 302
    assert response["Location"] == overview_url(cast.sofia.public_id) + "#interim"
    stored = InterimRequest.objects.get()
    assert (stored.student, stored.account) == (cast.sofia, cast.rivera)
    assert stored.delivery == InterimRequest.Delivery.MAIL
    assert stored.status == InterimRequest.Status.REQUESTED


def test_the_overview_confirms_and_shows_the_requested_state(
    cast: Cast, term: Term
) -> None:
    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"delivery": "email"}, follow=True
    )
    page = response.content.decode()

    assert "Your request was sent to the office." in page
    assert "Requested on 3 Dec" in page
    assert "The office is preparing an interim report for Sofia." in page
    assert "Ask for an interim report" not in page


def test_the_overview_offers_the_form_until_then(cast: Cast, term: Term) -> None:
    page = (
        cast.client_for(cast.rivera)
        .get(overview_url(cast.sofia.public_id))
        .content.decode()
    )

    assert "Ask for an interim report" in page
    assert "By email to maria@example.org" in page


def test_a_second_open_request_is_refused_politely(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.rivera)
    client.post(url(cast.sofia.public_id), {"delivery": "email"})

    response = client.post(url(cast.sofia.public_id), {"delivery": "mail"}, follow=True)

    assert InterimRequest.objects.count() == 1
    assert (
        "You already asked for an interim report for Sofia on 3 Dec."
        in response.content.decode()
    )


def test_each_child_may_have_its_own_open_request(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.rivera)

    client.post(url(cast.sofia.public_id), {"delivery": "email"})
    client.post(url(cast.lucas.public_id), {"delivery": "email"})

    assert InterimRequest.objects.count() == 2


def test_once_sent_the_family_sees_when_and_how_and_may_ask_again(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(cast.rivera)
    client.post(url(cast.sofia.public_id), {"delivery": "email"})
    InterimRequest.objects.update(
        status=InterimRequest.Status.SENT,
        sent_at=timezone.make_aware(datetime.datetime(2026, 12, 5, 9)),
        sent_by=staff.middle_office,
    )

    page = client.get(overview_url(cast.sofia.public_id)).content.decode()
    client.post(url(cast.sofia.public_id), {"delivery": "mail"})

    assert "Sent on 5 Dec by email" in page
    assert "Ask for an interim report" in page
    assert InterimRequest.objects.count() == 2


def test_a_delivery_that_is_not_offered_is_refused(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).post(
        url(cast.sofia.public_id), {"delivery": "fax"}, follow=True
    )

    assert not InterimRequest.objects.exists()
    assert "Choose how the report should reach you" in response.content.decode()


def test_email_is_refused_for_an_account_without_an_address(
    cast: Cast, term: Term
) -> None:
    client = cast.client_for(cast.lily_account)

    refused = client.post(url(cast.lily.public_id), {"delivery": "email"}, follow=True)
    client.post(url(cast.lily.public_id), {"delivery": "mail"})

    assert "Your account has no email address" in refused.content.decode()
    assert InterimRequest.objects.get().delivery == InterimRequest.Delivery.MAIL


def test_only_post_is_accepted(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response.status_code == 405


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    response = Client().post(url(cast.sofia.public_id), {"delivery": "email"})

    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not InterimRequest.objects.exists()


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404_and_nothing_is_stored(
    cast: Cast, term: Term, viewer: str
) -> None:
    client = cast.client_for(getattr(cast, viewer))

    response = client.post(url(cast.sofia.public_id), {"delivery": "email"})

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
    assert not InterimRequest.objects.exists()


def test_another_accounts_requests_are_not_shown(cast: Cast, term: Term) -> None:
    InterimRequest.objects.create(
        student=cast.lily, account=cast.lily_account, delivery="mail"
    )

    page = cast.client_for(cast.chen).get(overview_url(cast.lily.public_id))

    assert "Requested on" not in page.content.decode()
