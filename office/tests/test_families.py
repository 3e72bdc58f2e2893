from django.test import Client
from django.urls import reverse

from accounts.models import Account
from conftest import Cast, Staff, Term, make_contact, make_student
from office.search import find_students, name_matches, search_terms
from records.models import Student
from staff.access import office_students

URL = reverse("office:families")


def search(account: Account, cast: Cast, query: str) -> str:
    response = cast.client_for(account).post(URL, {"query": query})
    assert response.status_code == 200
    return response.content.decode()


def test_terms_fold_case_and_accents() -> None:
    assert search_terms("  JOSÉ  de la ") == ["jose", "de", "la"]
    assert name_matches(["jose"], "José", "Álvarez")
    assert name_matches(["alv", "jos"], "José", "Álvarez")
    assert not name_matches(["jose", "smith"], "José", "Álvarez")


def test_jose_finds_jose_with_an_accent(cast: Cast, staff: Staff) -> None:
    jose = make_student("100301", "José", "Núñez", 6, cast.middle)

    found = find_students(office_students(staff.middle_office), "jose nunez")

    assert found.students == [jose]
    assert "José" in search(staff.middle_office, cast, "jose")


def test_a_contacts_name_finds_their_children(cast: Cast, staff: Staff) -> None:
    found = find_students(office_students(staff.district), "maria")

    assert found.students == [cast.lucas, cast.sofia]


def test_a_student_number_finds_the_student(cast: Cast, staff: Staff) -> None:
    page = search(staff.middle_office, cast, "100201")

    assert "Chen, Lily" in page
    assert reverse("office:student", args=[cast.lily.public_id]) in page
    assert "Memorial Middle School" in page


def test_office_staff_find_only_their_schools_students(
    cast: Cast, staff: Staff
) -> None:
    middle = search(staff.middle_office, cast, "rivera")
    high = search(staff.high_office, cast, "rivera")

    assert "Rivera, Sofia" in middle and "Rivera, Lucas" not in middle
    assert "Rivera, Lucas" in high and "Rivera, Sofia" not in high
    assert "No student of your school matches" in search(
        staff.high_office, cast, "100101"
    )


def test_a_district_administrator_finds_every_school(cast: Cast, staff: Staff) -> None:
    page = search(staff.district, cast, "rivera")

    assert "Rivera, Sofia" in page and "Rivera, Lucas" in page


def test_results_stop_at_the_limit_and_say_how_many_more(cast: Cast) -> None:
    for number in range(5):
        student = make_student(
            f"2000{number}", "Ana", f"Ortiz {number}", 6, cast.middle
        )
        make_contact("Luz", "Ortiz", "", student)

    found = find_students(Student.objects.all(), "ortiz", limit=3)

    assert [s.last_name for s in found.students] == ["Ortiz 0", "Ortiz 1", "Ortiz 2"]
    assert (found.total, found.more) == (5, 2)


def test_an_empty_search_asks_for_a_name(cast: Cast, staff: Staff) -> None:
    page = search(staff.middle_office, cast, "   ")

    assert "Type a name or a student number to search." in page


def test_the_search_stays_out_of_the_address(cast: Cast, staff: Staff) -> None:
    page = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert 'method="post"' in page


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    for account in [term.teacher, cast.rivera, cast.lily_account]:
        assert cast.client_for(account).get(URL).status_code == 403
        assert cast.client_for(account).post(URL, {"query": "x"}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))


def test_the_tab_shows_for_the_office_only(
    cast: Cast, staff: Staff, term: Term
) -> None:
    office = cast.client_for(staff.middle_office).get(reverse("staff:home"))
    teacher = cast.client_for(term.teacher).get(reverse("staff:home"))

    assert URL in office.content.decode()
    assert URL not in teacher.content.decode()
