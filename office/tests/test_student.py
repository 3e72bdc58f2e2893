import datetime
import uuid

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Account, SignIn
from audit.models import Access
from conftest import Cast, Staff, Term, make_account, make_contact
from records.models import CorrectionRequest, Student


def url(student: Student) -> str:
    return reverse("office:student", args=[student.public_id])


def page_for(account: Account, cast: Cast, student: Student) -> str:
    response = cast.client_for(account).get(url(student))
    assert response.status_code == 200
    return response.content.decode()


def sign_in_at(account: Account, day: int, succeeded: bool = True) -> SignIn:
    at = timezone.make_aware(datetime.datetime(2026, 11, day, 19, 30))
    return SignIn.objects.create(
        account=account, at=at, succeeded=succeeded, browser=f"Browser {day}"
    )


def test_shows_every_contact_with_what_is_on_file(cast: Cast, staff: Staff) -> None:
    page = page_for(staff.middle_office, cast, cast.sofia)

    assert "Sofia Rivera" in page and "100101" in page
    assert "Maria Rivera" in page and "Mother" in page
    assert "maria@example.org" in page and "860-555-0100" in page
    assert "12 Elm Street" in page and "Middletown CT 06457" in page
    assert "mrivera" in page and "last signed in never" in page
    assert "Switch off online access" in page
    assert (
        reverse("office:edit_contact", args=[cast.sofia.public_id, cast.maria.pk])
        in page
    )


def test_a_contact_without_an_account_says_so(cast: Cast, staff: Staff) -> None:
    make_contact("Ana", "Rivera", "", cast.sofia)

    assert "No account yet" in page_for(staff.middle_office, cast, cast.sofia)


def test_shows_the_last_sign_in_and_the_accounts_sign_ins(
    cast: Cast, staff: Staff
) -> None:
    cast.rivera.last_login = timezone.make_aware(datetime.datetime(2026, 11, 20, 8))
    cast.rivera.save()
    for day in range(1, 13):
        sign_in_at(cast.rivera, day, succeeded=day != 12)

    page = page_for(staff.middle_office, cast, cast.sofia)

    assert "Nov. 20, 2026" in page
    assert "Browser 12" in page and "Wrong password" in page
    assert "Browser 3" in page and "Browser 2" not in page


def test_a_switched_off_contact_shows_off_and_the_switch_on(
    cast: Cast, staff: Staff
) -> None:
    cast.sofia.links.update(online_access=False)

    page = page_for(staff.middle_office, cast, cast.sofia)

    assert "<strong>Off</strong>" in page and "Switch on online access" in page


def test_points_to_waiting_correction_requests(cast: Cast, staff: Staff) -> None:
    CorrectionRequest.objects.create(
        student=cast.sofia, account=cast.rivera, message="New phone."
    )

    page = page_for(staff.middle_office, cast, cast.sofia)

    assert "1 correction request from the family is waiting" in page


def test_opening_the_page_is_recorded(cast: Cast, staff: Staff) -> None:
    page_for(staff.middle_office, cast, cast.sofia)

    access = Access.objects.get()
    assert (access.actor, access.student) == (staff.middle_office, cast.sofia)
    assert access.page == "office:student"


def test_the_number_of_queries_does_not_grow_with_contacts(
    cast: Cast, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    with CaptureQueriesContext(connection) as few:
        client.get(url(cast.sofia))
    for number in range(4):
        account = make_account(f"parent{number}")
        contact = make_contact(f"Parent{number}", "Rivera", "", cast.sofia)
        contact.account = account
        contact.save()
        sign_in_at(account, number + 1)
    with CaptureQueriesContext(connection) as many:
        client.get(url(cast.sofia))

    assert len(many) == len(few)


def test_office_staff_of_another_school_get_not_found(cast: Cast, staff: Staff) -> None:
    assert cast.client_for(staff.middle_office).get(url(cast.lucas)).status_code == 404
    assert cast.client_for(staff.high_office).get(url(cast.sofia)).status_code == 404
    assert cast.client_for(staff.high_office).get(url(cast.lucas)).status_code == 200


def test_a_district_administrator_opens_every_school(cast: Cast, staff: Staff) -> None:
    for student in [cast.sofia, cast.lucas]:
        assert cast.client_for(staff.district).get(url(student)).status_code == 200


def test_an_unknown_student_is_not_found(cast: Cast, staff: Staff) -> None:
    address = reverse("office:student", args=[uuid.uuid4()])

    assert cast.client_for(staff.district).get(address).status_code == 404


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    for account in [term.teacher, cast.rivera, cast.lily_account]:
        assert cast.client_for(account).get(url(cast.sofia)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_page_is_not_stored(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.middle_office).get(url(cast.sofia))

    assert "no-store" in response["Cache-Control"]
