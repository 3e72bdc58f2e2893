"""The OpenAPI document, and the API tested against it with schemathesis.

Schemathesis generates requests from the document (property-based, through
Hypothesis) and checks every answer against it: status codes, content types,
headers and bodies. Identifiers are drawn from the cast's real children and
sections as well as at random, so both found and not-found answers are tried.
"""

import datetime
import uuid
from collections.abc import Iterator

import pytest
import schemathesis
import time_machine
from django.core import signals
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from api.tests.helpers import bearer
from conftest import Cast, Term, add_assignment, add_score
from gradebook.changes import post_report_card_grade
from homeroom.wsgi import application
from records.models import Section, Student

SOFIA = uuid.UUID("5f1b7c1e-0000-4000-8000-000000000001")
LILY = uuid.UUID("5f1b7c1e-0000-4000-8000-000000000002")
MATH = uuid.UUID("5f1b7c1e-0000-4000-8000-000000000003")
BIOLOGY = uuid.UUID("5f1b7c1e-0000-4000-8000-000000000004")


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture(autouse=True)
def connections_kept_open() -> Iterator[None]:
    """Requests here go to the real WSGI application, which closes database
    connections as a request starts and ends; inside a test's transaction that
    would close the test's own connection. Django's test client does the same."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def known_ids(cast: Cast, term: Term) -> None:
    """Fixed identifiers, so the strategies below can name real records."""
    Student.objects.filter(pk=cast.sofia.pk).update(public_id=SOFIA)
    Student.objects.filter(pk=cast.lily.pk).update(public_id=LILY)
    Section.objects.filter(pk=term.math.pk).update(public_id=MATH)
    Section.objects.filter(pk=term.biology.pk).update(public_id=BIOLOGY)

    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests
    )
    add_score(quiz, cast.sofia, "18", comment="Well done")
    post_report_card_grade(
        term.teacher, cast.sofia, term.math, term.q1, "B", datetime.date(2026, 11, 13)
    )


CHILDREN = st.sampled_from([SOFIA, LILY, None])  # None: keep the random one
SECTIONS = st.sampled_from([MATH, BIOLOGY, None])


def with_known_ids(
    case: schemathesis.Case, child: uuid.UUID | None, section: uuid.UUID | None
) -> schemathesis.Case:
    parameters = case.path_parameters or {}
    if child and "child_id" in parameters:
        parameters["child_id"] = str(child)
    if section and "section_id" in parameters:
        parameters["section_id"] = str(section)
    return case


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_document(
    cast: Cast, known_ids: None, mode: GenerationMode
) -> None:
    document = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    # The token is given to the generator, so negative cases never break it
    # and real identifiers never mend a case meant to be invalid.
    cases = document.as_strategy(mode, headers=bearer(cast.rivera, "Schemathesis"))
    known = mode == GenerationMode.POSITIVE
    children = CHILDREN if known else st.none()
    sections = SECTIONS if known else st.none()

    @given(case=cases, child=children, section=sections)
    @settings(
        max_examples=40,
        deadline=datetime.timedelta(seconds=5),
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    def answers_as_documented(
        case: schemathesis.Case, child: uuid.UUID | None, section: uuid.UUID | None
    ) -> None:
        with_known_ids(case, child, section).call_and_validate()

    answers_as_documented()


def test_the_document_is_openapi_3_and_public(cast: Cast) -> None:
    response = Client().get(reverse("api:schema"), {"format": "json"})

    document = response.json()
    assert response.status_code == 200
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/children/",
        "/api/children/{child_id}/courses/",
        "/api/children/{child_id}/courses/{section_id}/assignments/",
        "/api/children/{child_id}/attendance/",
        "/api/children/{child_id}/schedule/",
        "/api/children/{child_id}/report-cards/",
    }
    assert "bearerToken" in document["components"]["securitySchemes"]


def test_every_operation_is_read_only(cast: Cast) -> None:
    document = Client().get(reverse("api:schema"), {"format": "json"}).json()

    methods = {method for path in document["paths"].values() for method in path}
    assert methods == {"get"}
