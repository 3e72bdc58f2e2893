from typing import Any

from django.test import Client
from django.urls import reverse

from audit.models import Change
from conftest import Cast, Staff, Term
from records.models import Contact, Student

ON_FILE = {
    "first_name": "Maria",
    "last_name": "Rivera",
    "email": "maria@example.org",
    "phone": "860-555-0100",
    "address_line1": "12 Elm Street",
    "address_line2": "",
    "city": "Middletown",
    "state": "CT",
    "postal_code": "06457",
}


def url(student: Student, contact: Contact) -> str:
    return reverse("office:edit_contact", args=[student.public_id, contact.pk])


def edited(**changes: str) -> dict[str, str]:
    return {**ON_FILE, **changes}


def post(cast: Cast, staff: Staff, data: dict[str, str]) -> Any:
    return cast.client_for(staff.middle_office).post(url(cast.sofia, cast.maria), data)


def test_the_form_holds_what_is_on_file(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.middle_office).get(url(cast.sofia, cast.maria))
    page = response.content.decode()

    assert response.status_code == 200
    assert 'value="maria@example.org"' in page and 'value="12 Elm Street"' in page


def test_saving_changes_the_contact_and_returns_to_the_student(
    cast: Cast, staff: Staff
) -> None:
    response = post(
        cast, staff, edited(address_line1="4 Oak Lane", phone="860 555 0199")
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "office:student", args=[cast.sofia.public_id]
    )
    cast.maria.refresh_from_db()
    assert (cast.maria.address_line1, cast.maria.phone) == (
        "4 Oak Lane",
        "860 555 0199",
    )


def test_each_changed_field_is_recorded_with_who_and_the_student(
    cast: Cast, staff: Staff
) -> None:
    post(cast, staff, edited(email="maria.r@example.org", address_line1="4 Oak Lane"))

    changes = {c.field: c for c in Change.objects.all()}
    assert set(changes) == {"email", "address_line1"}
    email = changes["email"]
    assert (email.old_value, email.new_value) == (
        "maria@example.org",
        "maria.r@example.org",
    )
    assert email.actor == staff.middle_office
    assert email.student == cast.sofia
    assert (email.subject, email.object_id) == ("contact", str(cast.maria.pk))


def test_a_shared_contact_is_recorded_for_the_student_in_the_address(
    cast: Cast, staff: Staff
) -> None:
    client = cast.client_for(staff.high_office)

    client.post(url(cast.lucas, cast.maria), edited(phone="860-555-0111"))

    assert Change.objects.get().student == cast.lucas


def test_saving_without_changes_records_nothing(cast: Cast, staff: Staff) -> None:
    assert post(cast, staff, edited()).status_code == 302

    assert not Change.objects.exists()


def test_the_form_says_when_the_contact_is_shared(cast: Cast, staff: Staff) -> None:
    page = cast.client_for(staff.middle_office).get(url(cast.sofia, cast.maria))

    assert "one other student" in page.content.decode()


def test_bad_values_are_refused_and_nothing_changes(cast: Cast, staff: Staff) -> None:
    cases = [
        (edited(first_name=" "), "This field is required."),
        (edited(email="maria@"), "Enter a valid email address."),
        (edited(phone="call me"), "Enter a phone number of 7 to 15 digits"),
        (edited(state="Conn."), "Enter the two-letter state code"),
        (edited(postal_code="6457"), "Enter a ZIP code like 06457"),
        (edited(city=""), "Needed for a complete address."),
    ]
    for data, error in cases:
        response = post(cast, staff, data)

        assert response.status_code == 400
        assert error in response.content.decode()

    assert Contact.objects.get(pk=cast.maria.pk).first_name == "Maria"
    assert not Change.objects.exists()


def test_an_address_may_be_emptied_whole(cast: Cast, staff: Staff) -> None:
    empty = {"address_line1": "", "city": "", "state": "", "postal_code": ""}

    assert post(cast, staff, edited(**empty)).status_code == 302

    assert Contact.objects.get(pk=cast.maria.pk).address_lines == []


def test_a_state_is_kept_in_capitals(cast: Cast, staff: Staff) -> None:
    post(cast, staff, edited(state="ct"))

    assert Contact.objects.get(pk=cast.maria.pk).state == "CT"


def test_a_contact_of_another_student_is_not_found(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.middle_office)

    assert client.get(url(cast.sofia, cast.wei)).status_code == 404
    assert client.post(url(cast.sofia, cast.wei), edited()).status_code == 404


def test_office_staff_of_another_school_get_not_found(cast: Cast, staff: Staff) -> None:
    middle = cast.client_for(staff.middle_office)
    high = cast.client_for(staff.high_office)

    assert middle.get(url(cast.lucas, cast.maria)).status_code == 404
    assert high.get(url(cast.sofia, cast.maria)).status_code == 404
    assert high.post(url(cast.sofia, cast.maria), edited(city="X")).status_code == 404
    assert Contact.objects.get(pk=cast.maria.pk).city == "Middletown"


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    for account in [term.teacher, cast.rivera, cast.lily_account]:
        client = cast.client_for(account)

        assert client.get(url(cast.sofia, cast.maria)).status_code == 403
        assert client.post(url(cast.sofia, cast.maria), edited()).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia, cast.maria))

    assert response["Location"].startswith(reverse("accounts:sign_in"))
