from django.test import Client
from django.urls import reverse

from conftest import Cast, make_contact, make_student
from records.models import Student

URL = reverse("accounts:add_student")
NO_MATCH = "the contact information we have on file does not match yours"


def visible(cast: Cast) -> set[str]:
    return set(
        Student.objects.visible_to(cast.rivera).values_list("first_name", flat=True)
    )


def test_a_child_whose_contact_is_this_parent_is_added(cast: Cast) -> None:
    nico = make_student("100103", "Nico", "Rivera", 6, cast.middle)
    make_contact("María", "RIVERA", "Maria@Example.org", nico)

    response = cast.client_for(cast.rivera).post(URL, {"student_number": "100103"})

    assert response["Location"] == reverse("family:children")
    assert visible(cast) == {"Sofia", "Lucas", "Nico"}


def test_a_different_email_on_file_adds_nothing(cast: Cast) -> None:
    nico = make_student("100103", "Nico", "Rivera", 6, cast.middle)
    make_contact("Maria", "Rivera", "another@example.org", nico)

    response = cast.client_for(cast.rivera).post(URL, {"student_number": "100103"})

    assert response.status_code == 400
    assert NO_MATCH in response.content.decode()
    assert "860-828-6577" in response.content.decode()
    assert visible(cast) == {"Sofia", "Lucas"}


def test_a_stranger_child_or_unknown_number_adds_nothing(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    for number in ["100201", "424242"]:
        response = client.post(URL, {"student_number": number})
        assert NO_MATCH in response.content.decode()
    assert visible(cast) == {"Sofia", "Lucas"}


def test_readding_a_linked_child_is_harmless(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(URL, {"student_number": "100102"})

    assert response.status_code == 302
    assert visible(cast) == {"Sofia", "Lucas"}


def test_a_contact_held_by_another_account_is_not_taken_over(cast: Cast) -> None:
    response = cast.client_for(cast.outsider).post(URL, {"student_number": "100201"})

    assert response.status_code == 400
    assert not Student.objects.visible_to(cast.outsider).exists()


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().post(URL, {"student_number": "100101"})

    assert response["Location"].startswith(reverse("accounts:sign_in"))
