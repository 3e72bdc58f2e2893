from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Account
from audit.models import Access
from conftest import Cast, Staff, Term, enroll, make_section, make_student
from office.tests.interim_example import NOW, pages_of, text_of
from records.models import Contact, School, Section, Student, StudentContact
from reports.tests.factories import TOMORROW, post_grade

PAGE = reverse("office:report_cards_by_mail")
PDF = reverse("office:report_cards_by_mail_pdf")


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def family_at(first: str, last: str, street: str, *children: Student) -> Contact:
    contact = Contact.objects.create(
        first_name=first,
        last_name=last,
        address_line1=street,
        city="Middletown",
        state="CT",
        postal_code="06457",
    )
    for child in children:
        StudentContact.objects.create(
            student=child, contact=contact, relationship="mother"
        )
    return contact


def homeroom(term: Term, room: str, teacher: Account, *students: Student) -> Section:
    section = make_section("Homeroom", students[0].school, teacher, 0, term.q1)
    section.is_homeroom = True
    section.room = room
    section.save()
    enroll(section, *students)
    return section


@pytest.fixture
def q1(cast: Cast, term: Term) -> dict[str, Student]:
    """Memorial Middle's first report cards: four families, one without an address.

    Sofia and her brother Mateo share Maria's address; Lily lives on Oak Lane,
    Ava on Birch Road with no homeroom, and Noah has no contact on file.
    """
    cast.wei.address_line1 = "48 Oak Lane"
    cast.wei.save()
    mateo = make_student("100103", "Mateo", "Rivera", 6, cast.middle)
    StudentContact.objects.create(
        student=mateo, contact=cast.maria, relationship="mother"
    )
    ava = make_student("100301", "Ava", "Brown", 7, cast.middle)
    family_at("Kim", "Brown", "7 Birch Road", ava)
    noah = make_student("100401", "Noah", "Park", 8, cast.middle)

    homeroom(term, "Room 104", term.teacher, cast.sofia)
    homeroom(term, "Room 300", term.other_teacher, cast.lily)

    post_grade(cast.sofia, term.math, term.q1, "A-", "Careful, steady work.")
    post_grade(cast.sofia, term.english, term.q1, "B+", "Reads widely.")
    post_grade(mateo, term.english, term.q1, "A", "Reads aloud with expression.")
    post_grade(cast.lily, term.math, term.q1, "B", "Good progress.")
    post_grade(ava, term.math, term.q1, "C+")
    post_grade(noah, term.math, term.q1, "B-")
    post_grade(cast.lucas, term.biology, term.q1, "A", "Curious in the lab.")
    return {"mateo": mateo, "ava": ava, "noah": noah}


def choice(term: Term, school: School, order: str = "homeroom") -> dict[str, int | str]:
    return {"marking_period": term.q1.pk, "school": school.pk, "order": order}


def positions(text: str, *names: str) -> list[int]:
    return [text.index(name) for name in names]


@pytest.mark.usefixtures("q1")
def test_siblings_sharing_an_address_get_one_letter_with_both_report_cards(
    cast: Cast, term: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = pages_of(response.content)
    assert len(pages) == 3
    rivera = pages[0]
    assert rivera.count("12 Elm Street") == 1
    for expected in [
        "Sofia Rivera",
        "Careful, steady work.",
        "Reads widely.",
        "Mateo Rivera",
        "Reads aloud with expression.",
    ]:
        assert expected in rivera, expected
    assert "Lily Chen" not in rivera
    assert "Lily Chen" in pages[1] and "48 Oak Lane" in pages[1]


@pytest.mark.usefixtures("q1")
def test_each_letter_has_the_address_placed_for_the_window(
    cast: Cast, term: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    text = text_of(response.content)
    assert "Maria Rivera\n12 Elm Street\nMiddletown CT 06457" in text
    assert "Wei Chen\n48 Oak Lane\nMiddletown CT 06457" in text


@pytest.mark.usefixtures("q1")
def test_each_letter_is_numbered_on_its_own(
    cast: Cast, term: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    for page in pages_of(response.content):
        assert page.endswith("Page 1")


@pytest.mark.usefixtures("q1")
def test_by_homeroom_those_without_one_come_last(
    cast: Cast, term: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    text = text_of(response.content)
    names = ["Sofia Rivera", "Mateo Rivera", "Lily Chen", "Ava Brown"]
    assert positions(text, *names) == sorted(positions(text, *names))
    assert "Homeroom Room 104, Rosa Alvarez" in text


@pytest.mark.usefixtures("q1")
def test_by_family_the_letters_follow_the_last_names(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    response = client.get(PDF, choice(term, cast.middle, "family"))

    text = text_of(response.content)
    names = ["Ava Brown", "Lily Chen", "Mateo Rivera", "Sofia Rivera"]
    assert positions(text, *names) == sorted(positions(text, *names))


@pytest.mark.usefixtures("q1")
def test_students_without_an_address_are_listed_for_attention(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    page = client.get(PAGE, choice(term, cast.middle)).content.decode()
    text = text_of(client.get(PDF, choice(term, cast.middle)).content)

    assert "Needs attention: no home address on file (1)" in page
    assert "Noah Park" in page
    assert "Noah Park" not in text


@pytest.mark.usefixtures("q1")
def test_the_page_counts_report_cards_and_envelopes(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    page = client.get(PAGE, choice(term, cast.middle)).content.decode()

    assert "4 report cards in 3 envelopes." in page
    assert "Download the PDF" in page


@pytest.mark.usefixtures("q1")
def test_another_schools_students_are_left_out(
    cast: Cast, term: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    assert "Lucas Rivera" not in text_of(response.content)


def test_a_period_not_posted_yet_is_refused_with_a_clear_message(
    cast: Cast, term: Term, staff: Staff
) -> None:
    post_grade(cast.sofia, term.math, term.q2, "A", posted_on=TOMORROW)
    query: dict[str, int | str] = {
        "marking_period": term.q2.pk,
        "school": cast.middle.pk,
        "order": "family",
    }

    response = cast.client_for(staff.middle_office).get(PDF, query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert (
        "No report card grades for Q2 at Memorial Middle School are posted yet."
        in response.content.decode()
    )


@pytest.mark.usefixtures("q1")
def test_printing_is_recorded_for_each_student(
    cast: Cast, term: Term, staff: Staff
) -> None:
    cast.client_for(staff.middle_office).get(PDF, choice(term, cast.middle))

    printed = Access.objects.filter(page="office:report_cards_pdf")
    assert {access.student.first_name for access in printed} == {
        "Sofia",
        "Mateo",
        "Lily",
        "Ava",
    }


def queries_for(client: Client, query: dict[str, int | str]) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(PDF, query)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.usefixtures("q1")
def test_the_queries_do_not_grow_with_the_number_of_students(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)
    before = queries_for(client, choice(term, cast.middle))

    for number in range(5):
        child = make_student(
            f"1005{number:02}", f"Kid{number}", "Extra", 7, cast.middle
        )
        family_at("Parent", f"Extra{number}", f"{number} Extra Street", child)
        homeroom(term, f"Room {number}", term.teacher, child)
        post_grade(child, term.math, term.q1, "B")
        post_grade(child, term.english, term.q1, "A")

    assert queries_for(client, choice(term, cast.middle)) == before


@pytest.mark.usefixtures("q1")
def test_office_staff_cannot_print_another_school(
    cast: Cast, term: Term, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    response = client.get(PDF, choice(term, cast.high))

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Access.objects.exists()


@pytest.mark.usefixtures("q1")
@pytest.mark.parametrize("office", ["high_office", "district"])
def test_the_high_school_office_and_the_district_print_the_high_school(
    cast: Cast, term: Term, staff: Staff, office: str
) -> None:
    client = cast.client_for(getattr(staff, office))

    response = client.get(PDF, choice(term, cast.high))

    text = text_of(response.content)
    assert "Lucas Rivera" in text and "Curious in the lab." in text
    assert "Sofia Rivera" not in text


def test_the_district_chooses_among_every_school(
    cast: Cast, term: Term, staff: Staff
) -> None:
    page = cast.client_for(staff.district).get(PAGE).content.decode()

    assert "Memorial Middle School" in page and "Lyman High School" in page


def test_office_staff_are_offered_only_their_school(
    cast: Cast, term: Term, staff: Staff
) -> None:
    page = cast.client_for(staff.middle_office).get(PAGE).content.decode()

    assert "Memorial Middle School" in page
    assert "Lyman High School" not in page


@pytest.mark.parametrize("who", ["rivera", "lily_account"])
def test_families_and_students_get_403(cast: Cast, term: Term, who: str) -> None:
    client = cast.client_for(getattr(cast, who))

    assert client.get(PAGE).status_code == 403
    assert client.get(PDF, choice(term, cast.middle)).status_code == 403


def test_teachers_get_403(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)

    assert client.get(PAGE).status_code == 403
    assert client.get(PDF, choice(term, cast.middle)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    for response in [Client().get(PAGE), Client().get(PDF, choice(term, cast.middle))]:
        assert response["Location"].startswith(reverse("accounts:sign_in"))
