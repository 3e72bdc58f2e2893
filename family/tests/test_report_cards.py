import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import TODAY, Cast, Term
from reports.tests.factories import TOMORROW, post_grade

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def url(public_id: uuid.UUID) -> str:
    return reverse("family:report_cards", args=[public_id])


def pdf_url(public_id: uuid.UUID, period_id: int) -> str:
    return reverse("family:report_card_pdf", args=[public_id, period_id])


def page_for(client: Client, public_id: uuid.UUID) -> str:
    response = client.get(url(public_id))
    assert response.status_code == 200
    return response.content.decode()


def test_a_parent_reads_the_posted_report_card(cast: Cast, term: Term) -> None:
    post_grade(cast.sofia, term.math, term.q1, "A-", "Careful, steady work.")
    post_grade(cast.sofia, term.english, term.q1, "B+", "Reads widely.")

    page = page_for(cast.client_for(cast.rivera), cast.sofia.public_id)

    for text in ["Q1", "2026-2027", "Math 7", "Rosa Alvarez", "A-", "English 7"]:
        assert text in page
    assert "Sam Brooks" in page
    assert "Careful, steady work." in page
    assert "Reads widely." in page
    assert "the official grade" in page
    assert pdf_url(cast.sofia.public_id, term.q1.pk) in page
    assert "Download PDF" in page


def test_each_marking_period_has_its_own_report_card_latest_first(
    cast: Cast, term: Term
) -> None:
    post_grade(cast.sofia, term.math, term.q1, "B", "First quarter.")
    post_grade(cast.sofia, term.math, term.q2, "A", "Second quarter.", TODAY)

    page = page_for(cast.client_for(cast.rivera), cast.sofia.public_id)

    assert page.index("Second quarter.") < page.index("First quarter.")
    assert pdf_url(cast.sofia.public_id, term.q1.pk) in page
    assert pdf_url(cast.sofia.public_id, term.q2.pk) in page


def test_a_grade_posted_tomorrow_is_not_shown_today(cast: Cast, term: Term) -> None:
    post_grade(cast.sofia, term.math, term.q1, "A-", "Careful, steady work.")
    post_grade(cast.sofia, term.english, term.q1, "C", "Posted late.", TOMORROW)
    post_grade(cast.sofia, term.math, term.q2, "D", "Not yet official.", TOMORROW)

    page = page_for(cast.client_for(cast.rivera), cast.sofia.public_id)

    assert "Careful, steady work." in page
    assert "English 7" not in page
    assert "Posted late." not in page
    assert "Not yet official." not in page
    assert pdf_url(cast.sofia.public_id, term.q2.pk) not in page


def test_nothing_posted_yet_is_said_plainly(cast: Cast, term: Term) -> None:
    post_grade(cast.sofia, term.math, term.q1, "A-", posted_on=TOMORROW)

    page = page_for(cast.client_for(cast.rivera), cast.sofia.public_id)

    assert "No report card grades have been posted yet." in page
    assert "Download PDF" not in page


def test_only_this_childs_grades_are_shown(cast: Cast, term: Term) -> None:
    post_grade(cast.sofia, term.math, term.q1, "A-", "Sofia's comment.")
    post_grade(cast.lily, term.math, term.q1, "B-", "Lily's comment.")

    page = page_for(cast.client_for(cast.rivera), cast.sofia.public_id)

    assert "Sofia&#x27;s comment." in page
    assert "Lily&#x27;s comment." not in page


def test_a_student_reads_their_own_report_card(cast: Cast, term: Term) -> None:
    post_grade(cast.lily, term.math, term.q1, "B+", "Good progress.")

    page = page_for(cast.client_for(cast.lily_account), cast.lily.public_id)

    assert "Good progress." in page


def test_the_page_is_never_cached(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    post_grade(cast.sofia, term.math, term.q1, "A-")
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia.public_id))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_page_makes_a_fixed_number_of_queries(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.rivera)
    post_grade(cast.sofia, term.math, term.q1, "A-")
    small = count_queries(client, cast.sofia.public_id)

    post_grade(cast.sofia, term.english, term.q1, "B")
    post_grade(cast.sofia, term.math, term.q2, "A", posted_on=TODAY)
    post_grade(cast.sofia, term.english, term.q2, "B+", posted_on=TODAY)
    post_grade(cast.sofia, term.biology, term.q2, "C", posted_on=TODAY)
    large = count_queries(client, cast.sofia.public_id)

    assert small == large


def count_queries(client: Client, public_id: uuid.UUID) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(public_id)).status_code == 200
    return len(queries)
