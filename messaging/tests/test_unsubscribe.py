"""The stop link in every email: works signed out, only for the address it names."""

import base64

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from conftest import Cast, make_contact
from messaging.models import EmailOptOut
from messaging.unsubscribe import opted_out, stop_link, stop_token

SITE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site(settings: Settings) -> None:
    settings.HOMEROOM_SITE_URL = SITE


def path_of(link: str) -> str:
    assert link.startswith(f"{SITE}/stop/")
    return link.removeprefix(SITE)


def test_the_link_opens_a_page_with_one_button_and_stops_nothing_yet(
    cast: Cast,
) -> None:
    response = Client().get(path_of(stop_link(cast.rivera, "prompt")))

    assert response.status_code == 200
    assert "m•••@example.org" in response.text
    assert "Reminders to sign in" in response.text
    assert "<button" in response.text
    assert response["Cache-Control"] == "no-store"
    assert not EmailOptOut.objects.exists()


def test_pressing_the_button_stops_that_kind_without_signing_in(
    cast: Cast,
) -> None:
    response = Client().post(path_of(stop_link(cast.rivera, "prompt")))

    assert response.status_code == 200
    assert "Done." in response.text
    assert opted_out("Maria@Example.org", "prompt")
    assert not opted_out("maria@example.org", "invitation")
    assert not opted_out("wei@example.org", "prompt")


def test_a_contacts_link_stops_its_address(cast: Cast) -> None:
    ana = make_contact("Ana", "Morales", "ana@example.org", cast.lily)

    Client().post(path_of(stop_link(ana, "invitation")))

    assert opted_out("ana@example.org", "invitation")


def test_pressing_it_twice_keeps_one_opt_out(cast: Cast) -> None:
    url = path_of(stop_link(cast.chen, "prompt"))

    Client().post(url)
    Client().post(url)

    assert EmailOptOut.objects.filter(kind="prompt").count() == 1


def test_an_altered_link_is_not_found(cast: Cast) -> None:
    token = stop_token(cast.rivera, "prompt")
    payload, rest = token.split(":", 1)
    other = stop_token(cast.chen, "prompt").split(":", 1)[0]

    assert Client().post(f"/stop/{other}:{rest}/").status_code == 404
    assert Client().get(f"/stop/{payload}x:{rest}/").status_code == 404
    assert Client().get("/stop/nonsense/").status_code == 404
    assert not EmailOptOut.objects.exists()


def test_a_link_for_an_unknown_kind_is_not_found(cast: Cast) -> None:
    token = stop_token(cast.rivera, "everything")

    assert Client().post(f"/stop/{token}/").status_code == 404


def test_a_link_for_a_removed_account_is_not_found(cast: Cast) -> None:
    url = path_of(stop_link(cast.outsider, "prompt"))
    cast.outsider.delete()

    assert Client().post(url).status_code == 404


def test_no_address_appears_in_the_link(cast: Cast) -> None:
    token = stop_token(cast.rivera, "prompt")
    payload = token.split(":", 1)[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))

    assert b"@" not in decoded
