import io
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from pypdf import PdfReader

from conftest import Cast, Term
from reports.tests.factories import TOMORROW, post_grade

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def q1(cast: Cast, term: Term) -> None:
    """Sofia's first report card, and one more grade the school posts tomorrow."""
    post_grade(cast.sofia, term.math, term.q1, "A-", "Careful, steady work.")
    post_grade(cast.sofia, term.english, term.q1, "B+", "Reads widely.")
    post_grade(cast.sofia, term.biology, term.q1, "C-", "Posted late.", TOMORROW)


def url(public_id: uuid.UUID, period_id: int) -> str:
    return reverse("family:report_card_pdf", args=[public_id, period_id])


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@override_settings(HOMEROOM_DISTRICT_NAME="Middletown Public Schools")
@pytest.mark.usefixtures("q1")
def test_a_parent_downloads_the_report_card(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, term.q1.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = text_of(response.content)
    for expected in [
        "Sofia Rivera",
        "Memorial Middle School",
        "2026-2027",
        "Q1",
        "Math 7",
        "Rosa Alvarez",
        "A-",
        "Careful, steady work.",
        "English 7",
        "Sam Brooks",
        "B+",
        "Reads widely.",
        "Middletown Public Schools",
        "Generated on Dec. 3, 2026",
        "official grade",
    ]:
        assert expected in text, expected


@pytest.mark.usefixtures("q1")
def test_the_download_is_an_attachment_named_without_the_student_number(
    cast: Cast, term: Term
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, term.q1.pk))

    assert response["Content-Disposition"] == (
        'attachment; filename="report-card-q1.pdf"'
    )
    assert cast.sofia.number not in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.usefixtures("q1")
def test_a_grade_posted_tomorrow_is_not_printed(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, term.q1.pk))

    text = text_of(response.content)
    assert "Biology" not in text
    assert "Posted late." not in text
    assert "C-" not in text


def test_a_period_with_nothing_posted_yet_is_404(cast: Cast, term: Term) -> None:
    post_grade(cast.sofia, term.math, term.q2, "A", "Not yet official.", TOMORROW)
    client = cast.client_for(cast.rivera)

    assert client.get(url(cast.sofia.public_id, term.q2.pk)).status_code == 404


def test_another_students_posted_period_is_404(cast: Cast, term: Term) -> None:
    post_grade(cast.lily, term.math, term.q1, "B")
    client = cast.client_for(cast.rivera)

    assert client.get(url(cast.sofia.public_id, term.q1.pk)).status_code == 404


@pytest.mark.usefixtures("q1")
def test_an_unknown_period_is_404(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.rivera)

    assert client.get(url(cast.sofia.public_id, 999_999)).status_code == 404


@pytest.mark.usefixtures("q1")
@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id, term.q1.pk)).status_code == 404


def test_a_student_downloads_their_own_report_card(cast: Cast, term: Term) -> None:
    post_grade(cast.lily, term.math, term.q1, "B+", "Good progress.")
    client = cast.client_for(cast.lily_account)

    response = client.get(url(cast.lily.public_id, term.q1.pk))

    assert "Good progress." in text_of(response.content)


@pytest.mark.usefixtures("q1")
def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast, term: Term) -> None:
    response = Client().get(url(cast.sofia.public_id, term.q1.pk))

    assert response["Location"].startswith(reverse("accounts:sign_in"))
