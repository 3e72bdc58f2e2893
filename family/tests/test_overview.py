import uuid

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Cast


def url(public_id: uuid.UUID) -> str:
    return reverse("family:child", args=[public_id])


def test_a_parent_opens_their_child(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.lucas.public_id))

    assert response.status_code == 200
    assert "Lucas Rivera" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_a_parent_switches_between_children_in_one_click(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.lucas.public_id)).content.decode()

    assert url(cast.sofia.public_id) in page


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404


def test_an_unknown_identifier_gets_404(cast: Cast) -> None:
    assert cast.client_for(cast.rivera).get(url(uuid.uuid4())).status_code == 404


def test_a_student_opens_only_their_own_page(cast: Cast) -> None:
    client = cast.client_for(cast.lily_account)

    assert client.get(url(cast.lily.public_id)).status_code == 200
    assert client.get(url(cast.lucas.public_id)).status_code == 404


def test_an_inactive_student_is_gone(cast: Cast) -> None:
    cast.lucas.active = False
    cast.lucas.save()

    assert (
        cast.client_for(cast.rivera).get(url(cast.lucas.public_id)).status_code == 404
    )


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia.public_id))

    assert response["Location"].startswith(reverse("accounts:sign_in"))
