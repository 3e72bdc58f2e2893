from django.test import Client
from django.urls import reverse

from conftest import Cast

URL = reverse("family:children")


def test_a_parent_sees_each_linked_child_by_name(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(URL).content.decode()

    assert "Sofia Rivera" in page and "Lucas Rivera" in page
    assert "Lily" not in page
    assert reverse("family:child", args=[cast.sofia.public_id]) in page


def test_a_student_sees_only_their_own_record(cast: Cast) -> None:
    page = cast.client_for(cast.lily_account).get(URL).content.decode()

    assert "Lily Chen" in page
    assert "Rivera" not in page


def test_student_numbers_never_appear_in_links(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(URL).content.decode()

    assert "100101" not in page and "100102" not in page


def test_an_outsider_sees_no_child(cast: Cast) -> None:
    page = cast.client_for(cast.outsider).get(URL).content.decode()

    assert "No student is linked to this account yet." in page


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
