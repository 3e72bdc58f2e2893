"""Making, replacing and switching off the calendar link on My Account."""

import re

from django.test import Client
from django.urls import reverse

from api.models import CalendarFeed
from conftest import Cast, Staff

CREATE = reverse("api:create_calendar")
STOP = reverse("api:stop_calendar")
MY_ACCOUNT = reverse("accounts:my_account")


def link_on(page: str) -> str:
    found = re.search(r'id="calendar-address" class="secret" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_link_is_shown_once_with_a_subscribe_link(cast: Cast) -> None:
    response = cast.client_for(cast.chen).post(CREATE)

    page = response.content.decode()
    link = link_on(page)
    assert link.startswith("http") and link.endswith(".ics")
    assert "webcal://" + link.split("://", 1)[1] in page
    assert CalendarFeed.objects.for_key(link.rsplit("/", 1)[1][: -len(".ics")])


def test_the_link_opens_the_feed(cast: Cast) -> None:
    link = link_on(cast.client_for(cast.chen).post(CREATE).content.decode())

    response = Client().get(path_of(link))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


def test_a_new_link_replaces_the_old(cast: Cast) -> None:
    client = cast.client_for(cast.chen)
    old = link_on(client.post(CREATE).content.decode())

    page = client.post(CREATE).content.decode()

    assert "replaces your old one" in page
    assert link_on(page) != old
    assert Client().get(path_of(old)).status_code == 404
    assert Client().get(path_of(link_on(page))).status_code == 200


def test_switching_off_ends_the_link(cast: Cast) -> None:
    client = cast.client_for(cast.chen)
    link = link_on(client.post(CREATE).content.decode())

    response = client.post(STOP, follow=True)

    assert "calendar link is switched off" in response.content.decode()
    assert Client().get(path_of(link)).status_code == 404


def test_my_account_says_when_the_link_was_made_never_the_link(cast: Cast) -> None:
    client = cast.client_for(cast.chen)
    link = link_on(client.post(CREATE).content.decode())

    page = client.get(MY_ACCOUNT).content.decode()

    assert "Your calendar link was made on" in page
    assert path_of(link) not in page


def test_a_student_makes_a_calendar_of_their_own(cast: Cast) -> None:
    response = cast.client_for(cast.lily_account).post(CREATE)

    assert response.status_code == 200
    assert CalendarFeed.objects.filter(account=cast.lily_account).exists()


def test_staff_accounts_make_no_calendar_link(cast: Cast, staff: Staff) -> None:
    assert cast.client_for(staff.district).post(CREATE).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().post(CREATE)

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]
