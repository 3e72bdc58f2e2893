"""The contacts file template the office downloads to fill in."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Cast, Staff, Term

pytestmark = pytest.mark.django_db

URL = reverse("exchange:contacts_template")


def test_the_office_downloads_the_header_row(cast: Cast, staff: Staff) -> None:
    for account in (staff.middle_office, staff.district):
        response = cast.client_for(account).get(URL)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == (
            'attachment; filename="contacts_template.csv"'
        )
        assert response.content.decode().startswith(
            "student_number,first_name,last_name,relationship,"
        )


def test_teachers_and_families_are_refused(cast: Cast, term: Term) -> None:
    for account in (term.teacher, cast.rivera, cast.lily_account):
        assert cast.client_for(account).get(URL).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
