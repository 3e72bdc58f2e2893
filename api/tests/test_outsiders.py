"""Every API address that takes a child answers 404 to anyone not linked to them.

The addresses are read from the URL configuration, so one added later is
covered without anyone remembering to add it here.
"""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, reverse

from api.tests.helpers import bearer
from api.urls import urlpatterns
from conftest import Cast, Staff, Term, add_assignment, add_score
from gradebook.changes import post_report_card_grade

CHILD_ADDRESSES = [p for p in urlpatterns if "child_id" in p.pattern.converters]
SECRETS = ["Sofia", "Rivera", "100101", "Math 7", "Quiz 1", "Room 102", "Late bus"]


def address(pattern: URLPattern, cast: Cast, term: Term) -> str:
    values: dict[str, Any] = {"child_id": cast.sofia.public_id}
    if "section_id" in pattern.pattern.converters:
        values["section_id"] = term.math.public_id
    return reverse(f"api:{pattern.name}", kwargs=values)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def sofia_has_everything(cast: Cast, term: Term) -> Term:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 12, 1), term.tests
    )
    add_score(quiz, cast.sofia, "18")
    post_report_card_grade(
        term.teacher, cast.sofia, term.math, term.q1, "B", datetime.date(2026, 11, 13)
    )
    term.absent.attendancemark_set.create(
        student=cast.sofia, date=datetime.date(2026, 12, 2), comment="Late bus"
    )
    return term


def test_every_child_address_is_walked() -> None:
    names = {pattern.name for pattern in CHILD_ADDRESSES}

    assert names == {
        "courses",
        "assignments",
        "attendance",
        "schedule",
        "report_cards",
    }


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404_and_no_data(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern, viewer: str
) -> None:
    url = address(pattern, cast, sofia_has_everything)
    account = getattr(cast, viewer)

    by_token = Client().get(url, headers=bearer(account))
    by_session = cast.client_for(account).get(url)

    for response in (by_token, by_session):
        assert response.status_code == 404
        assert not any(word in response.content.decode() for word in SECRETS)


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_the_children_list_shows_no_one_else(
    cast: Cast, sofia_has_everything: Term, viewer: str
) -> None:
    response = Client().get(
        reverse("api:children"), headers=bearer(getattr(cast, viewer))
    )

    assert response.status_code == 200
    assert str(cast.sofia.public_id) not in response.content.decode()
    assert "Sofia" not in response.content.decode()


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
def test_the_linked_parent_reads_each_address(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    url = address(pattern, cast, sofia_has_everything)

    response = Client().get(url, headers=bearer(cast.rivera))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert "100101" not in url and "100101" not in response.content.decode()


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
def test_online_access_switched_off_hides_the_child(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    cast.maria.links.filter(student=cast.sofia).update(online_access=False)
    url = address(pattern, cast, sofia_has_everything)

    assert Client().get(url, headers=bearer(cast.rivera)).status_code == 404


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
def test_an_inactive_child_is_hidden(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    cast.sofia.active = False
    cast.sofia.save()
    url = address(pattern, cast, sofia_has_everything)

    assert Client().get(url, headers=bearer(cast.rivera)).status_code == 404


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
@pytest.mark.parametrize("role", ["middle_office", "district"])
def test_staff_accounts_get_403(
    cast: Cast, staff: Staff, sofia_has_everything: Term, pattern: URLPattern, role: str
) -> None:
    url = address(pattern, cast, sofia_has_everything)
    account = getattr(staff, role)

    assert Client().get(url, headers=bearer(account)).status_code == 403
    assert cast.client_for(account).get(url).status_code == 403


def test_a_teacher_gets_403_even_for_the_children_list(
    cast: Cast, sofia_has_everything: Term
) -> None:
    response = Client().get(
        reverse("api:children"), headers=bearer(sofia_has_everything.teacher)
    )

    assert response.status_code == 403


@pytest.mark.parametrize("pattern", CHILD_ADDRESSES, ids=lambda p: p.name)
def test_signed_out_requests_get_401(
    cast: Cast, sofia_has_everything: Term, pattern: URLPattern
) -> None:
    response = Client().get(address(pattern, cast, sofia_has_everything))

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not any(word in response.content.decode() for word in SECRETS)


def test_a_section_the_child_does_not_take_is_404(
    cast: Cast, sofia_has_everything: Term
) -> None:
    url = reverse(
        "api:assignments",
        kwargs={
            "child_id": cast.sofia.public_id,
            "section_id": sofia_has_everything.biology.public_id,
        },
    )

    assert Client().get(url, headers=bearer(cast.rivera)).status_code == 404


def test_every_look_is_recorded(cast: Cast, sofia_has_everything: Term) -> None:
    url = reverse("api:attendance", kwargs={"child_id": cast.sofia.public_id})

    Client().get(url, headers=bearer(cast.rivera))

    access = cast.sofia.accesses.get()
    assert (access.actor, access.page) == (cast.rivera, "api:attendance")
