import datetime

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import Change
from conftest import Cast, Staff, Term
from records.models import CorrectionRequest, Student

URL = reverse("office:corrections")
ON_FILE = {
    "first_name": "Maria",
    "last_name": "Rivera",
    "email": "maria@example.org",
    "phone": "860-555-0100",
    "address_line1": "12 Elm Street",
    "city": "Middletown",
    "state": "CT",
    "postal_code": "06457",
}


def ask(
    cast: Cast, student: Student, message: str, days_ago: int = 0
) -> CorrectionRequest:
    created = timezone.now() - datetime.timedelta(days=days_ago)
    return CorrectionRequest.objects.create(
        student=student, account=cast.rivera, message=message, created_at=created
    )


def decline_url(correction: CorrectionRequest) -> str:
    return reverse("office:decline_correction", args=[correction.pk])


def apply_url(cast: Cast, correction: CorrectionRequest) -> str:
    edit = reverse("office:edit_contact", args=[cast.sofia.public_id, cast.maria.pk])
    return f"{edit}?correction={correction.pk}"


def fresh(correction: CorrectionRequest) -> CorrectionRequest:
    return CorrectionRequest.objects.get(pk=correction.pk)


def test_the_queue_lists_open_requests_oldest_first(cast: Cast, staff: Staff) -> None:
    ask(cast, cast.sofia, "Newer: our phone changed.", days_ago=1)
    ask(cast, cast.sofia, "Older: we moved to 4 Oak Lane.", days_ago=5)
    done = ask(cast, cast.sofia, "Answered already.", days_ago=9)
    done.status = CorrectionRequest.Status.APPLIED
    done.save()

    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert page.index("Older: we moved") < page.index("Newer: our phone")
    assert "Answered already." not in page


def test_the_queue_shows_the_contacts_on_file_and_how_to_apply(
    cast: Cast, staff: Staff
) -> None:
    correction = ask(cast, cast.sofia, "We moved.")

    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "Maria Rivera" in page and "12 Elm Street" in page
    assert "maria@example.org" in page and "mrivera" in page
    assert apply_url(cast, correction) in page
    assert decline_url(correction) in page


def test_the_queue_makes_as_many_queries_for_many_requests(
    cast: Cast, staff: Staff
) -> None:
    client = cast.client_for(staff.district)
    ask(cast, cast.sofia, "One.")
    with CaptureQueriesContext(connection) as few:
        client.get(URL)

    for number in range(5):
        ask(cast, cast.lily if number % 2 else cast.lucas, f"More {number}.")
    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many) == len(few)


def test_office_staff_see_only_their_schools_requests(cast: Cast, staff: Staff) -> None:
    ask(cast, cast.sofia, "About Sofia.")
    ask(cast, cast.lucas, "About Lucas.")

    middle = cast.client_for(staff.middle_office).get(URL).content.decode()
    high = cast.client_for(staff.high_office).get(URL).content.decode()
    district = cast.client_for(staff.district).get(URL).content.decode()

    assert "About Sofia." in middle and "About Lucas." not in middle
    assert "About Lucas." in high and "About Sofia." not in high
    assert "About Sofia." in district and "About Lucas." in district


@time_machine.travel("2026-12-03 10:00", tick=False)
def test_applying_saves_the_contact_and_marks_the_request(
    cast: Cast, staff: Staff
) -> None:
    correction = ask(cast, cast.sofia, "We moved to 4 Oak Lane.")
    client = cast.client_for(staff.middle_office)
    form = client.get(apply_url(cast, correction)).content.decode()
    assert "We moved to 4 Oak Lane." in form and "Save and mark corrected" in form

    response = client.post(
        apply_url(cast, correction), {**ON_FILE, "address_line1": "4 Oak Lane"}
    )

    assert response.status_code == 302
    applied = fresh(correction)
    assert applied.status == CorrectionRequest.Status.APPLIED
    assert applied.answered_at == timezone.now()
    cast.maria.refresh_from_db()
    assert cast.maria.address_line1 == "4 Oak Lane"
    fields = set(Change.objects.values_list("subject", "field"))
    assert ("contact", "address_line1") in fields
    assert ("correction_request", "status") in fields


def test_a_refused_edit_leaves_the_request_open(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "We moved.")
    client = cast.client_for(staff.middle_office)

    response = client.post(apply_url(cast, correction), {**ON_FILE, "city": ""})

    assert response.status_code == 400
    assert fresh(correction).status == CorrectionRequest.Status.OPEN


def test_a_request_about_another_student_is_not_applied(
    cast: Cast, staff: Staff
) -> None:
    about_lucas = ask(cast, cast.lucas, "About Lucas.")
    client = cast.client_for(staff.district)

    client.post(apply_url(cast, about_lucas), ON_FILE)

    assert fresh(about_lucas).status == CorrectionRequest.Status.OPEN


@time_machine.travel("2026-12-03 10:00", tick=False)
def test_declining_with_a_note_closes_and_records_it(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "Our phone is wrong.")

    response = cast.client_for(staff.middle_office).post(
        decline_url(correction), {"note": "Phone checked with the mother by letter."}
    )

    assert response.status_code == 302
    declined = fresh(correction)
    assert declined.status == CorrectionRequest.Status.DECLINED
    assert declined.answered_at == timezone.now()
    note = Change.objects.get(field="note")
    assert note.new_value == "Phone checked with the mother by letter."
    assert (note.actor, note.student) == (staff.middle_office, cast.sofia)


def test_declining_without_a_note(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "Our phone is wrong.")

    cast.client_for(staff.middle_office).post(decline_url(correction), {"note": ""})

    assert fresh(correction).status == CorrectionRequest.Status.DECLINED
    assert not Change.objects.filter(field="note").exists()


def test_a_note_too_long_is_refused(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "Our phone is wrong.")

    response = cast.client_for(staff.middle_office).post(
        decline_url(correction), {"note": "x" * 1001}
    )

    assert response.status_code == 400
    assert fresh(correction).status == CorrectionRequest.Status.OPEN


def test_an_answered_request_is_not_answered_again(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "Our phone is wrong.")
    client = cast.client_for(staff.middle_office)
    client.post(decline_url(correction), {"note": ""})

    response = client.post(decline_url(correction), {"note": "again"}, follow=True)

    assert "That request was already answered." in response.content.decode()
    assert Change.objects.filter(field="status").count() == 1


def test_the_family_sees_the_new_state(cast: Cast, staff: Staff) -> None:
    correction = ask(cast, cast.sofia, "Our phone is wrong.")
    cast.client_for(staff.middle_office).post(decline_url(correction), {"note": ""})

    records = reverse("family:records", args=[cast.sofia.public_id])
    page = cast.client_for(cast.rivera).get(records).content.decode()

    assert "Declined" in page


def test_office_staff_of_another_school_cannot_decline(
    cast: Cast, staff: Staff
) -> None:
    correction = ask(cast, cast.sofia, "About Sofia.")

    response = cast.client_for(staff.high_office).post(decline_url(correction), {})

    assert response.status_code == 404
    assert fresh(correction).status == CorrectionRequest.Status.OPEN


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    correction = ask(cast, cast.sofia, "About Sofia.")

    for account in [term.teacher, cast.rivera, cast.lily_account]:
        client = cast.client_for(account)
        assert client.get(URL).status_code == 403
        assert client.post(decline_url(correction), {}).status_code == 403

    assert fresh(correction).status == CorrectionRequest.Status.OPEN


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
