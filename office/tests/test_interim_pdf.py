from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse

from audit.models import Access
from conftest import Cast, Staff, Term
from office.models import InterimRequest
from office.tests.interim_example import NOW, ask, sofia_so_far, text_of
from records.models import Contact, StudentContact


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def url(item: InterimRequest) -> str:
    return reverse("office:interim_pdf", args=[item.pk])


@override_settings(HOMEROOM_DISTRICT_NAME="Middletown Public Schools")
def test_the_report_holds_each_course_and_the_attendance_so_far(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(staff.middle_office).get(url(item))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(text_of(response.content).split())
    for expected in [
        "Middletown Public Schools",
        "Interim progress report, Q2 2026-2027",
        "Sofia Rivera",
        "Memorial Middle School",
        "Dec. 3, 2026",
        "Math 7",
        "Rosa Alvarez",
        "70.0 % C",
        "Worksheet 6",
        "Worksheet 5: “Show your steps next time.”",
        "English 7",
        "Sam Brooks",
        "72.0 % C",
        "Reading log",
        "A vivid opening.",
        "Attendance from Nov. 9, 2026 to Dec. 3, 2026",
        "Days absent 2 (1 excused)",
        "Classes missed 0",
        "Tardies 1",
        "Early dismissals 0",
    ]:
        assert expected in text, expected


def test_work_families_cannot_see_yet_is_left_out(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera)

    text = text_of(cast.client_for(staff.middle_office).get(url(item)).content)

    assert "Worksheet 7" not in text


def test_a_printed_copy_carries_the_home_address_for_the_window(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera, "mail")

    text = text_of(cast.client_for(staff.middle_office).get(url(item)).content)

    assert "Maria Rivera\n12 Elm Street\nMiddletown CT 06457" in text


def test_the_asking_parents_own_address_comes_first(
    cast: Cast, term: Term, staff: Staff
) -> None:
    cast.maria.links.all().delete()
    father = Contact.objects.create(
        first_name="Jorge",
        last_name="Rivera",
        address_line1="9 Pine Road",
        city="Portland",
        state="CT",
        postal_code="06480",
    )
    StudentContact.objects.create(
        student=cast.sofia, contact=father, relationship="father"
    )
    StudentContact.objects.create(
        student=cast.sofia, contact=cast.maria, relationship="mother"
    )
    item = ask(cast.sofia, cast.rivera, "mail")

    text = text_of(cast.client_for(staff.middle_office).get(url(item)).content)

    assert "Maria Rivera\n12 Elm Street" in text
    assert "9 Pine Road" not in text


def test_an_emailed_report_has_no_envelope_address(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera, "email")

    text = text_of(cast.client_for(staff.middle_office).get(url(item)).content)

    assert "12 Elm Street" not in text


def test_the_download_is_named_without_the_student_number(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(staff.middle_office).get(url(item))

    assert response["Content-Disposition"] == (
        'attachment; filename="interim-report-sofia-rivera-q2.pdf"'
    )
    assert response["Cache-Control"] == "no-store"


def test_producing_it_is_recorded_as_an_access(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera)

    cast.client_for(staff.middle_office).get(url(item))

    access = Access.objects.get(page="office:interim_pdf")
    assert (access.actor, access.student) == (staff.middle_office, cast.sofia)


def test_producing_it_does_not_mark_it_sent(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.sofia, cast.rivera)

    cast.client_for(staff.middle_office).get(url(item))

    item.refresh_from_db()
    assert item.status == InterimRequest.Status.REQUESTED


def test_office_staff_of_another_school_get_404(
    cast: Cast, term: Term, staff: Staff
) -> None:
    item = ask(cast.lucas, cast.rivera)

    response = cast.client_for(staff.middle_office).get(url(item))

    assert response.status_code == 404
    assert not Access.objects.filter(student=cast.lucas).exists()


@pytest.mark.parametrize("office", ["high_office", "district"])
def test_the_high_school_office_and_the_district_may(
    cast: Cast, term: Term, staff: Staff, office: str
) -> None:
    item = ask(cast.lucas, cast.rivera)

    response = cast.client_for(getattr(staff, office)).get(url(item))

    assert response.status_code == 200
    assert "Biology" in text_of(response.content)


def test_an_unknown_request_is_404(cast: Cast, term: Term, staff: Staff) -> None:
    response = cast.client_for(staff.district).get(
        reverse("office:interim_pdf", args=[999_999])
    )

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["rivera", "lily_account"])
def test_families_and_students_get_403(cast: Cast, term: Term, who: str) -> None:
    item = ask(cast.sofia, cast.rivera)

    response = cast.client_for(getattr(cast, who)).get(url(item))

    assert response.status_code == 403


def test_teachers_get_403(cast: Cast, term: Term) -> None:
    item = ask(cast.sofia, cast.rivera)

    assert cast.client_for(term.teacher).get(url(item)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    item = ask(cast.sofia, cast.rivera)

    response = Client().get(url(item))

    assert response["Location"].startswith(reverse("accounts:sign_in"))
