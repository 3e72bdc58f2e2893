"""Every family page in Spanish: no English message left, dates and numbers too.

The pages come from the URL configuration, like test_every_child_page.py, so
a page added later is checked without anyone remembering to add it here. The
data fills every part of the pages: graded and missing work, attendance marks,
a report card, an interim report sent, a correction request.
"""

import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from accounts.models import Account
from api.models import CalendarFeed
from attendance.changes import set_mark
from conftest import Cast, Term, add_assignment, add_score
from family.tests.sofia_grades import grade_sofia
from family.urls import urlpatterns
from homeroom.tests.catalogs import texts_of, untranslated
from messaging.unsubscribe import choice_stop_link, stop_link
from office.models import InterimRequest
from office.tests.interim_example import text_of
from records.models import CorrectionRequest
from reports.tests.factories import post_grade

CHILD_PAGES = [p for p in urlpatterns if "public_id" in p.pattern.converters]
OTHER_PAGES = ["family:children", "family:feedback", "accounts:my_account"]


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def everything(cast: Cast, term: Term) -> Term:
    """Sofia's pages with something in every part of them."""
    grade_sofia(cast, term)
    post_grade(cast.sofia, term.math, term.q1, "B", "Steady work.")
    set_mark(term.teacher, cast.sofia, datetime.date(2026, 11, 17), term.tardy)
    set_mark(
        term.teacher, cast.sofia, datetime.date(2026, 12, 1), term.absent, term.math
    )
    InterimRequest.objects.create(
        student=cast.sofia,
        account=cast.rivera,
        delivery=InterimRequest.Delivery.EMAIL,
        status=InterimRequest.Status.SENT,
        sent_at=timezone.make_aware(datetime.datetime(2026, 11, 20, 9)),
    )
    CorrectionRequest.objects.create(
        student=cast.sofia, account=cast.rivera, message="Nuevo teléfono"
    )
    return term


def in_spanish(cast: Cast, account: Account) -> Client:
    account.language = "es"
    account.save()
    return cast.client_for(account)


def address(pattern: URLPattern, cast: Cast, term: Term) -> str:
    values: dict[str, object] = {"public_id": cast.sofia.public_id}
    if "section_id" in pattern.pattern.converters:
        values["section_id"] = term.math.public_id
    if "period_id" in pattern.pattern.converters:
        values["period_id"] = term.q1.pk
    return reverse(f"family:{pattern.name}", kwargs=values)


def html_pages(cast: Cast, term: Term, client: Client) -> dict[str, str]:
    """Every family page that answers a GET with HTML, by its address."""
    addresses = [address(pattern, cast, term) for pattern in CHILD_PAGES]
    addresses += [reverse(name) for name in OTHER_PAGES]
    pages = {}
    for url in addresses:
        response = client.get(url)
        if response.status_code == 405:  # a form's target: see the next test
            continue
        if response.get("Content-Type", "").startswith("text/html"):
            assert response.status_code == 200, url
            pages[url] = response.content.decode()
    return pages


def test_every_family_page_is_found() -> None:
    assert len(CHILD_PAGES) >= 9


def test_no_english_message_is_left_on_the_family_pages(
    cast: Cast, everything: Term
) -> None:
    pages = html_pages(cast, everything, in_spanish(cast, cast.rivera))

    left = {url: untranslated(page, "es") for url, page in pages.items()}

    assert len(pages) >= 10
    assert {url: found for url, found in left.items() if found} == {}


def test_the_pages_say_they_are_in_spanish(cast: Cast, everything: Term) -> None:
    pages = html_pages(cast, everything, in_spanish(cast, cast.rivera))

    for page in pages.values():
        assert '<html lang="es">' in page


def test_a_student_reads_their_own_pages_in_spanish(
    cast: Cast, everything: Term
) -> None:
    client = in_spanish(cast, cast.lily_account)

    page = client.get(reverse("family:child", args=[cast.lily.public_id]))

    assert untranslated(page.content.decode(), "es") == []
    assert "Resumen" in page.content.decode()


def test_dates_follow_the_language(cast: Cast, everything: Term) -> None:
    client = in_spanish(cast, cast.rivera)

    overview = client.get(reverse("family:child", args=[cast.sofia.public_id]))
    records = client.get(reverse("family:records", args=[cast.sofia.public_id]))
    report_cards = reverse("family:report_cards", args=[cast.sofia.public_id])

    assert "Hoy, jueves 3 de diciembre" in texts_of(overview.content.decode())
    assert "enviada el 3 de diciembre de 2026" in records.content.decode()
    assert "Publicada el 13 de noviembre de 2026" in texts_of(
        client.get(report_cards).content.decode()
    )


def test_numbers_have_a_decimal_comma(cast: Cast, everything: Term) -> None:
    quiz = add_assignment(
        everything.math_q2,
        "Quiz 4",
        10,
        datetime.date(2026, 12, 2),
        everything.homework,
    )
    add_score(quiz, cast.sofia, "8.5")
    client = in_spanish(cast, cast.rivera)
    course = reverse(
        "family:course", args=[cast.sofia.public_id, everything.math.public_id]
    )

    texts = texts_of(client.get(course).content.decode())

    assert "8,5 / 10" in texts
    assert "16,5 / 30" in texts
    assert "76,0 %" in texts  # tests at 90 % count 60, homework at 55 % count 40
    assert "87,45 se convierte en 87,5" in " ".join(texts)
    assert not any("8.5" in text or "76.0" in text for text in texts)


def test_the_same_pages_stay_in_english_for_an_english_account(
    cast: Cast, everything: Term
) -> None:
    client = cast.client_for(cast.rivera)
    course = reverse(
        "family:course", args=[cast.sofia.public_id, everything.math.public_id]
    )

    page = client.get(course).content.decode()

    assert "Running average" in page
    assert "70.0 %" in page
    assert "Promedio" not in page


def test_attendance_codes_are_explained_in_spanish(
    cast: Cast, everything: Term
) -> None:
    client = in_spanish(cast, cast.rivera)

    page = client.get(reverse("family:attendance", args=[cast.sofia.public_id]))
    texts = texts_of(page.content.decode())

    assert "Ausente, sin justificar" in texts
    assert "Ausente, justificado" in texts
    assert "Tardanza" in texts
    assert "Absent, unexcused" not in " ".join(texts)


def test_form_errors_are_explained_in_spanish(cast: Cast, everything: Term) -> None:
    client = in_spanish(cast, cast.rivera)
    wrong = {
        reverse("family:request_correction", args=[cast.sofia.public_id]): {
            "message": ""
        },
        reverse("family:feedback"): {"message": ""},
        reverse("accounts:add_student"): {"student_number": "999999"},
        reverse("accounts:change_password"): {"old_password": "not it"},
    }

    pages = {url: client.post(url, data) for url, data in wrong.items()}

    for url, response in pages.items():
        assert response.status_code == 400, url
        assert untranslated(response.content.decode(), "es") == [], url
    assert (
        "«Su opinión» está vacío." in pages[reverse("family:feedback")].content.decode()
    )


def test_the_report_card_pdf_is_in_spanish(cast: Cast, everything: Term) -> None:
    client = in_spanish(cast, cast.rivera)

    response = client.get(
        reverse("family:report_card_pdf", args=[cast.sofia.public_id, everything.q1.pk])
    )

    text = " ".join(text_of(response.content).split())
    assert "Boleta de calificaciones, Q1 2026-2027" in text
    assert "13 de noviembre de 2026" in text
    assert "Report card" not in text


def test_the_calendar_feed_is_in_the_accounts_language(
    cast: Cast, everything: Term
) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()
    _feed, key = CalendarFeed.issue(cast.rivera)

    response = Client().get(reverse("family:calendar_feed", args=[key]))

    text = response.content.decode()
    assert "Homeroom: fechas de entrega y eventos escolares" in text
    assert "entrega de Unit 3 test" in text
    assert "puntos posibles" in text


def test_the_stop_pages_of_the_emails_are_in_spanish(cast: Cast) -> None:
    site = settings.HOMEROOM_SITE_URL.rstrip("/")
    links = [
        stop_link(cast.rivera, "prompt"),
        choice_stop_link(cast.rivera, "alerts"),
        choice_stop_link(cast.rivera, "digest"),
    ]
    client = Client(HTTP_ACCEPT_LANGUAGE="es")

    for link in links:
        asked = client.get(link.removeprefix(site))
        done = client.post(link.removeprefix(site))

        for response in (asked, done):
            assert response.status_code == 200, link
            assert untranslated(response.content.decode(), "es") == [], link
