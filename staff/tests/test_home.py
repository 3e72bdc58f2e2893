from django.test import Client
from django.urls import reverse

from conftest import Cast, Staff, Term

URL = reverse("staff:home")


def test_a_teacher_sees_their_own_sections(cast: Cast, term: Term) -> None:
    page = cast.client_for(term.teacher).get(URL).content.decode()

    assert "Math 7" in page
    assert "English 7" not in page


def test_office_staff_see_their_school(cast: Cast, staff: Staff) -> None:
    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "Memorial Middle School" in page
    assert "Lyman High School" not in page


def test_a_district_administrator_sees_every_school(cast: Cast, staff: Staff) -> None:
    page = cast.client_for(staff.district).get(URL).content.decode()

    assert "Memorial Middle School" in page and "Lyman High School" in page


def test_families_and_students_are_refused(cast: Cast) -> None:
    assert cast.client_for(cast.rivera).get(URL).status_code == 403
    assert cast.client_for(cast.lily_account).get(URL).status_code == 403


def test_staff_signing_in_land_on_the_staff_side(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.middle_office).get(reverse("family:children"))

    assert response["Location"] == URL


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
