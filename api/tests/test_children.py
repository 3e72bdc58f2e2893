from django.test import Client
from django.urls import reverse

from api.tests.helpers import get_json
from conftest import Cast

URL = reverse("api:children")


def test_a_parent_sees_each_linked_child_by_public_id(cast: Cast) -> None:
    children = get_json(cast.rivera, URL)

    assert [child["first_name"] for child in children] == ["Lucas", "Sofia"]
    assert children[1] == {
        "id": str(cast.sofia.public_id),
        "first_name": "Sofia",
        "last_name": "Rivera",
        "grade": 7,
        "school": "Memorial Middle School",
    }


def test_the_student_number_is_never_sent(cast: Cast) -> None:
    response = Client().get(URL, headers={"Authorization": "x"})
    page = str(get_json(cast.rivera, URL))

    assert response.status_code == 401
    assert "100101" not in page and "100102" not in page


def test_a_student_sees_only_themselves(cast: Cast) -> None:
    children = get_json(cast.lily_account, URL)

    assert [child["id"] for child in children] == [str(cast.lily.public_id)]


def test_a_child_without_online_access_is_left_out(cast: Cast) -> None:
    cast.maria.links.filter(student=cast.lucas).update(online_access=False)

    children = get_json(cast.rivera, URL)

    assert [child["first_name"] for child in children] == ["Sofia"]


def test_the_session_of_a_signed_in_browser_works_too(cast: Cast) -> None:
    response = cast.client_for(cast.chen).get(URL)

    assert response.status_code == 200
    assert [child["first_name"] for child in response.json()] == ["Lily"]
