import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from conftest import Cast, Staff, Term
from office.stale import is_stale, stale_gradebooks

URL = reverse("office:stale_gradebooks")
NOW = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def books(term: Term) -> Term:
    """Math updated 3 days ago; English 20 days ago; Biology has no Q2 gradebook."""
    term.math_q2.updated_at = NOW - datetime.timedelta(days=3)
    term.math_q2.save()
    term.english_q2.updated_at = NOW - datetime.timedelta(days=20)
    term.english_q2.save()
    return term


def test_the_rule_counts_days_strictly() -> None:
    fourteen = NOW - datetime.timedelta(days=14)

    assert not is_stale(fourteen, NOW, 14)
    assert is_stale(fourteen - datetime.timedelta(seconds=1), NOW, 14)
    assert is_stale(None, NOW, 14)


def test_stale_and_never_updated_books_are_listed_per_school(
    cast: Cast, books: Term
) -> None:
    period, schools = stale_gradebooks([cast.middle, cast.high], timezone.now())

    assert period == books.q2
    middle, high = schools
    assert [row.section for row in middle.gradebooks] == [books.english]
    assert middle.gradebooks[0].days_since == 20
    assert [row.section for row in high.gradebooks] == [books.biology]
    assert high.gradebooks[0].last_updated is None


def test_the_number_of_days_is_a_setting(
    cast: Cast, books: Term, settings: Settings
) -> None:
    settings.HOMEROOM_STALE_GRADEBOOK_DAYS = 2

    _, (middle,) = stale_gradebooks([cast.middle], timezone.now())

    assert {row.section for row in middle.gradebooks} == {books.math, books.english}


def test_middle_school_office_sees_only_its_school(
    cast: Cast, books: Term, staff: Staff
) -> None:
    response = cast.client_for(staff.middle_office).get(URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert "English 7" in page and "Sam Brooks" in page
    assert "20 days ago" in page
    assert "Math 7" not in page
    assert "Biology" not in page and "Lyman High School" not in page


def test_high_school_office_sees_the_never_updated_book(
    cast: Cast, books: Term, staff: Staff
) -> None:
    page = cast.client_for(staff.high_office).get(URL).content.decode()

    assert "Biology" in page and "Never" in page
    assert "English 7" not in page


def test_a_district_administrator_sees_every_school(
    cast: Cast, books: Term, staff: Staff
) -> None:
    page = cast.client_for(staff.district).get(URL).content.decode()

    assert "Memorial Middle School" in page and "Lyman High School" in page
    assert "English 7" in page and "Biology" in page


def test_teachers_families_and_students_are_refused(cast: Cast, books: Term) -> None:
    assert cast.client_for(books.teacher).get(URL).status_code == 403
    assert cast.client_for(cast.rivera).get(URL).status_code == 403
    assert cast.client_for(cast.lily_account).get(URL).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
