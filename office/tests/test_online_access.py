from typing import Any

from django.test import Client
from django.urls import reverse

from accounts.models import Account
from audit.models import Change
from conftest import Cast, Staff, Term
from records.models import Contact, Student, StudentContact


def url(student: Student, contact: Contact) -> str:
    return reverse("office:online_access", args=[student.public_id, contact.pk])


def switch(account: Account, cast: Cast, student: Student, state: str) -> Any:
    client = cast.client_for(account)
    return client.post(url(student, cast.maria), {"online_access": state})


def access_of(student: Student, contact: Contact) -> bool:
    return StudentContact.objects.get(student=student, contact=contact).online_access


def test_switching_off_stops_the_parents_next_request(cast: Cast, staff: Staff) -> None:
    parent = cast.client_for(cast.rivera)
    child = reverse("family:child", args=[cast.sofia.public_id])
    assert parent.get(child).status_code == 200

    response = switch(staff.middle_office, cast, cast.sofia, "off")

    assert response.status_code == 302
    assert parent.get(child).status_code == 404
    assert not access_of(cast.sofia, cast.maria)


def test_switching_off_one_child_leaves_the_other(cast: Cast, staff: Staff) -> None:
    switch(staff.middle_office, cast, cast.sofia, "off")

    lucas = reverse("family:child", args=[cast.lucas.public_id])
    assert cast.client_for(cast.rivera).get(lucas).status_code == 200


def test_switching_back_on_opens_the_page_again(cast: Cast, staff: Staff) -> None:
    switch(staff.middle_office, cast, cast.sofia, "off")
    switch(staff.middle_office, cast, cast.sofia, "on")

    child = reverse("family:child", args=[cast.sofia.public_id])
    assert cast.client_for(cast.rivera).get(child).status_code == 200


def test_the_switch_is_recorded(cast: Cast, staff: Staff) -> None:
    switch(staff.middle_office, cast, cast.sofia, "off")

    change = Change.objects.get()
    assert (change.subject, change.field) == ("student_contact", "online_access")
    assert (change.old_value, change.new_value) == ("True", "False")
    assert (change.actor, change.student) == (staff.middle_office, cast.sofia)


def test_the_student_page_confirms_the_new_state(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.middle_office)

    response = client.post(
        url(cast.sofia, cast.maria), {"online_access": "off"}, follow=True
    )

    page = response.content.decode()
    assert "Online access for Maria Rivera to Sofia&#x27;s records is now off." in page


def test_a_bad_value_changes_nothing(cast: Cast, staff: Staff) -> None:
    switch(staff.middle_office, cast, cast.sofia, "maybe")

    assert access_of(cast.sofia, cast.maria)
    assert not Change.objects.exists()


def test_only_a_post_switches(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.middle_office).get(url(cast.sofia, cast.maria))

    assert response.status_code == 405


def test_office_staff_of_another_school_get_not_found(cast: Cast, staff: Staff) -> None:
    assert switch(staff.high_office, cast, cast.sofia, "off").status_code == 404
    assert switch(staff.middle_office, cast, cast.lucas, "off").status_code == 404
    assert access_of(cast.sofia, cast.maria) and access_of(cast.lucas, cast.maria)


def test_a_district_administrator_switches_any_school(cast: Cast, staff: Staff) -> None:
    assert switch(staff.district, cast, cast.lucas, "off").status_code == 302

    assert not access_of(cast.lucas, cast.maria)


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    for account in [term.teacher, cast.rivera, cast.lily_account]:
        assert switch(account, cast, cast.sofia, "off").status_code == 403

    assert access_of(cast.sofia, cast.maria)


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().post(url(cast.sofia, cast.maria), {"online_access": "off"})

    assert response["Location"].startswith(reverse("accounts:sign_in"))
