from django.test import Client
from django.urls import reverse

from conftest import Cast

URL = reverse("accounts:my_account")


def test_shows_username_email_children_and_the_forms(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(URL).content.decode()

    assert "mrivera" in page
    assert "maria@example.org" in page
    assert "Sofia Rivera" in page and "Lucas Rivera" in page
    assert "Add Additional Student" in page
    assert 'name="old_password"' in page


def test_a_student_has_no_add_student_form(cast: Cast) -> None:
    page = cast.client_for(cast.lily_account).get(URL).content.decode()

    assert "Add Additional Student" not in page
    assert "Lily Chen" in page


def test_the_page_is_never_cached(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(URL)

    assert response["Cache-Control"] == "no-store"


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
