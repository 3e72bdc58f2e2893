import datetime

import time_machine
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, Cast

CHILDREN = reverse("family:children")


def signed_in(username: str) -> Client:
    client = Client()
    client.post(
        reverse("accounts:sign_in"), {"username": username, "password": PASSWORD}
    )
    return client


def test_an_idle_session_ends_after_thirty_minutes(cast: Cast) -> None:
    with time_machine.travel("2026-12-03 08:00", tick=False):
        client = signed_in("mrivera")
    with time_machine.travel("2026-12-03 08:29", tick=False):
        assert client.get(CHILDREN).status_code == 200
    with time_machine.travel("2026-12-03 09:00", tick=False):
        assert client.get(CHILDREN).status_code == 302


def test_an_active_session_still_ends_after_twelve_hours(cast: Cast) -> None:
    with time_machine.travel("2026-12-03 08:00", tick=False):
        client = signed_in("mrivera")
    start = datetime.datetime(2026, 12, 3, 8, 0)
    for minutes in range(20, 12 * 60, 20):
        moment = start + datetime.timedelta(minutes=minutes)
        with time_machine.travel(f"{moment:%Y-%m-%d %H:%M}", tick=False):
            assert client.get(CHILDREN).status_code == 200
    with time_machine.travel("2026-12-03 20:01", tick=False):
        response = client.get(CHILDREN)

    assert response["Location"] == reverse("accounts:sign_in")


def test_switching_online_access_off_takes_effect_on_the_next_request(
    cast: Cast,
) -> None:
    client = cast.client_for(cast.rivera)
    page = reverse("family:child", args=[cast.sofia.public_id])
    assert client.get(page).status_code == 200

    cast.maria.links.filter(student=cast.sofia).update(online_access=False)

    assert client.get(page).status_code == 404
    assert "Sofia" not in client.get(CHILDREN).content.decode()
