from django.urls import reverse

from conftest import Cast


def test_signing_out_ends_the_session(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    response = client.post(reverse("accounts:sign_out"))

    assert response["Location"] == reverse("accounts:sign_in")
    assert client.get(reverse("family:children")).status_code == 302


def test_sign_out_needs_a_post(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    assert client.get(reverse("accounts:sign_out")).status_code == 405
    assert client.get(reverse("family:children")).status_code == 200
