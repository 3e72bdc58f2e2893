"""Every page that takes a child answers 404 to anyone not linked to that child.

The pages are read from the URL configuration, so a page added later is
covered without anyone remembering to add it here.
"""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, reverse

from conftest import Cast, Term
from family.urls import urlpatterns
from gradebook.changes import post_report_card_grade

CHILD_PAGES = [p for p in urlpatterns if "public_id" in p.pattern.converters]


def address(pattern: URLPattern, cast: Cast, term: Term) -> str:
    values: dict[str, Any] = {"public_id": cast.sofia.public_id}
    if "section_id" in pattern.pattern.converters:
        values["section_id"] = term.math.public_id
    if "period_id" in pattern.pattern.converters:
        values["period_id"] = term.q1.pk
    return reverse(f"family:{pattern.name}", kwargs=values)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def sofia_has_everything(cast: Cast, term: Term) -> Term:
    post_report_card_grade(
        term.teacher, cast.sofia, term.math, term.q1, "B", datetime.date(2026, 11, 13)
    )
    return term


def test_the_family_pages_are_all_found() -> None:
    assert len(CHILD_PAGES) >= 9


@pytest.mark.parametrize("pattern", CHILD_PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern, viewer: str
) -> None:
    url = address(pattern, cast, sofia_has_everything)
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url).status_code in (404, 405)
    assert client.post(url, {"message": "Please change the address"}).status_code in (
        404,
        405,
    )


@pytest.mark.parametrize("pattern", CHILD_PAGES, ids=lambda p: p.name)
def test_a_linked_parent_opens_each_page_and_nothing_is_stored(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    url = address(pattern, cast, sofia_has_everything)

    response = cast.client_for(cast.rivera).get(url)

    if response.status_code == 405:
        return
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "100101" not in url


@pytest.mark.parametrize("pattern", CHILD_PAGES, ids=lambda p: p.name)
def test_signed_out_visitors_are_sent_to_sign_in(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    response = Client().get(address(pattern, cast, sofia_has_everything))

    assert response.status_code in (302, 405)
