"""What the office sends a family comes in the family's language.

The office's own pages stay in English; the interim report, the credential
letter, the email telling of it and the report cards by mail follow the
language the family's account chose.
"""

from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, Staff, Term
from office.tests.interim_example import NOW, ask, pages_of, sofia_so_far, text_of
from outbox.models import Message
from reports.tests.factories import post_grade


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def rivera_reads_spanish(cast: Cast) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.usefixtures("rivera_reads_spanish")
def test_the_interim_report_pdf_is_in_the_familys_language(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera, "mail")

    response = cast.client_for(staff.middle_office).get(
        reverse("office:interim_pdf", args=[item.pk])
    )

    text = flat(text_of(response.content))
    assert "Informe de progreso intermedio, Q2 2026-2027" in text
    assert "3 de diciembre de 2026" in text
    assert "70,0 % C" in text
    assert "Días de ausencia 2 (justificados: 1)" in text
    assert "Interim progress report" not in text


@pytest.mark.usefixtures("rivera_reads_spanish")
def test_the_interim_report_email_is_in_the_familys_language(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera)

    cast.client_for(staff.middle_office).post(
        reverse("office:interim_sent", args=[item.pk])
    )

    message = Message.objects.get()
    assert message.subject == "Informe de progreso intermedio: Sofia Rivera, Q2"
    assert "Promedio en curso: 70,0 % C" in flat(message.text_body)
    assert '<html lang="es">' in message.html_body


def test_a_family_without_a_choice_gets_english(
    cast: Cast, term: Term, staff: Staff
) -> None:
    sofia_so_far(cast, term)
    item = ask(cast.sofia, cast.rivera)

    cast.client_for(staff.middle_office).post(
        reverse("office:interim_sent", args=[item.pk])
    )

    assert Message.objects.get().subject.startswith("Interim progress report")


@pytest.mark.usefixtures("rivera_reads_spanish")
def test_the_credential_letter_and_its_notice_are_in_the_familys_language(
    cast: Cast, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)

    response = client.post(
        reverse("office:issue_letter", args=[cast.sofia.public_id, cast.maria.pk])
    )

    letter = flat(text_of(response.content))
    assert "Sus datos de acceso" in letter
    assert "Contraseña temporal" in letter
    assert "Your sign-in details" not in letter
    assert Message.objects.get().subject == (
        "Sus datos de acceso de Homeroom Demo District van en camino por correo postal"
    )


@pytest.mark.usefixtures("rivera_reads_spanish")
def test_report_cards_by_mail_follow_each_households_language(
    cast: Cast, term: Term, staff: Staff
) -> None:
    cast.wei.address_line1 = "48 Oak Lane"
    cast.wei.save()
    post_grade(cast.sofia, term.math, term.q1, "A-", "Careful, steady work.")
    post_grade(cast.lily, term.math, term.q1, "B", "Good progress.")
    choice: dict[str, int | str] = {
        "marking_period": term.q1.pk,
        "school": cast.middle.pk,
        "order": "family",
    }

    response = cast.client_for(staff.middle_office).get(
        reverse("office:report_cards_by_mail_pdf"), choice
    )

    chen, rivera = (flat(page) for page in pages_of(response.content))
    assert "Report cards, Q1 2026-2027" in chen
    assert "Boletas de calificaciones, Q1 2026-2027" in rivera
    assert "Comentario del maestro" in rivera
