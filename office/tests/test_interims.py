import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from audit.models import Access
from conftest import Cast, Staff, Term
from office.models import InterimRequest
from office.tests.interim_example import NOW, ask, sofia_so_far
from outbox.models import Message

QUEUE = reverse("office:interims")


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def sent_url(item: InterimRequest) -> str:
    return reverse("office:interim_sent", args=[item.pk])


def asked_on(item: InterimRequest, day: int) -> None:
    item.created_at = datetime.datetime(2026, 12, day, 9, tzinfo=datetime.UTC)
    item.save()


def test_the_queue_shows_this_schools_requests_oldest_first(
    cast: Cast, term: Term, staff: Staff
) -> None:
    newer = ask(cast.lily, cast.chen)
    asked_on(newer, 2)
    older = ask(cast.sofia, cast.rivera, "mail")
    asked_on(older, 1)
    ask(cast.lucas, cast.rivera)

    page = cast.client_for(staff.middle_office).get(QUEUE).content.decode()

    assert page.index("Sofia Rivera") < page.index("Lily Chen")
    assert "Lucas Rivera" not in page
    assert "Printed copy by mail to <strong>Maria Rivera, 12 Elm Street" in page
    assert "By email to <strong>wei@example.org</strong>" in page


def test_the_district_sees_every_school(cast: Cast, term: Term, staff: Staff) -> None:
    ask(cast.sofia, cast.rivera)
    ask(cast.lucas, cast.rivera)

    page = cast.client_for(staff.district).get(QUEUE).content.decode()

    assert "Sofia Rivera" in page and "Lucas Rivera" in page


def test_a_printed_request_without_an_address_on_file_is_flagged(
    cast: Cast, term: Term, staff: Staff
) -> None:
    cast.maria.address_line1 = ""
    cast.maria.save()
    ask(cast.sofia, cast.rivera, "mail")

    page = cast.client_for(staff.middle_office).get(QUEUE).content.decode()

    assert "no home address on file" in page


def test_marking_an_email_request_sent_queues_the_report(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(staff.middle_office).post(sent_url(item))

    assert response["Location"] == QUEUE
    message = Message.objects.get()
    assert message.to == "maria@example.org"
    assert message.subject == "Interim progress report: Sofia Rivera, Q2"
    assert not message.holds_secret
    for body in [message.text_body, message.html_body]:
        for expected in [
            "Math 7",
            "70.0 %",
            "English 7",
            "72.0 %",
            "Worksheet 6",
            "Reading log",
            "Show your steps next time.",
            "A vivid opening.",
        ]:
            assert expected in body, expected
    assert "Running average: 70.0 % C" in message.text_body
    assert "Days absent: 2 (1 excused)" in message.text_body
    assert "Tardies: 1" in message.text_body
    assert f"/children/{cast.sofia.public_id}/" in message.text_body
    assert "Worksheet 7" not in message.text_body


def test_marking_sent_stores_who_and_when(cast: Cast, term: Term, staff: Staff) -> None:
    item = ask(cast.sofia, cast.rivera)

    cast.client_for(staff.middle_office).post(sent_url(item))

    item.refresh_from_db()
    assert item.status == InterimRequest.Status.SENT
    assert item.sent_by == staff.middle_office
    assert item.sent_at == datetime.datetime(2026, 12, 3, 15, tzinfo=datetime.UTC)
    assert Access.objects.filter(page="office:interim_sent").count() == 1


def test_after_sending_the_page_confirms_and_lists_it_as_sent(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(staff.middle_office).post(sent_url(item), follow=True)
    page = response.content.decode()

    assert "The interim report for Sofia Rivera is in the outbox" in page
    assert "No request is waiting." in page
    assert "Recently sent" in page and "by email" in page


def test_a_printed_copy_is_marked_sent_without_an_email(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera, "mail")

    cast.client_for(staff.middle_office).post(sent_url(item))

    item.refresh_from_db()
    assert item.status == InterimRequest.Status.SENT
    assert not Message.objects.exists()


def test_a_request_already_sent_is_not_sent_twice(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera)
    client = cast.client_for(staff.middle_office)

    client.post(sent_url(item))
    response = client.post(sent_url(item), follow=True)

    assert Message.objects.count() == 1
    assert "This request was already marked sent." in response.content.decode()


def test_an_email_request_from_an_account_without_email_is_refused(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.lily, cast.lily_account)

    response = cast.client_for(staff.middle_office).post(sent_url(item), follow=True)

    item.refresh_from_db()
    assert item.status == InterimRequest.Status.REQUESTED
    assert not Message.objects.exists()
    assert "has no email address on file" in response.content.decode()


def test_office_staff_of_another_school_cannot_mark_it_sent(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.lucas, cast.rivera)

    response = cast.client_for(staff.middle_office).post(sent_url(item))

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == InterimRequest.Status.REQUESTED
    assert not Message.objects.exists()


def test_marking_sent_takes_post_only(cast: Cast, term: Term, staff: Staff) -> None:
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(staff.middle_office).get(sent_url(item))

    assert response.status_code == 405


@pytest.mark.parametrize("who", ["rivera", "lily_account"])
def test_families_and_students_get_403(cast: Cast, term: Term, who: str) -> None:
    item = ask(cast.sofia, cast.rivera)
    client = cast.client_for(getattr(cast, who))

    assert client.get(QUEUE).status_code == 403
    assert client.post(sent_url(item)).status_code == 403
    item.refresh_from_db()
    assert item.status == InterimRequest.Status.REQUESTED


def test_teachers_get_403(cast: Cast, term: Term) -> None:
    item = ask(cast.sofia, cast.rivera)
    client = cast.client_for(term.teacher)

    assert client.get(QUEUE).status_code == 403
    assert client.post(sent_url(item)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    item = ask(cast.sofia, cast.rivera)

    for response in [Client().get(QUEUE), Client().post(sent_url(item))]:
        assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_only_office_roles_see_the_tab(cast: Cast, term: Term, staff: Staff) -> None:
    home = reverse("staff:home")

    office_page = cast.client_for(staff.middle_office).get(home).content.decode()
    teacher_page = cast.client_for(term.teacher).get(home).content.decode()

    assert QUEUE in office_page
    assert QUEUE not in teacher_page
