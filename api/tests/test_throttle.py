"""The API's rate limit per account, kept in the database."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from api.tests.helpers import bearer
from conftest import Cast

URL = reverse("api:children")


@pytest.fixture
def three_a_window(settings: Settings) -> None:
    settings.HOMEROOM_API_LIMIT_PER_ACCOUNT = 3
    settings.HOMEROOM_THROTTLE_MINUTES = 15


def test_past_the_limit_the_account_waits(cast: Cast, three_a_window: None) -> None:
    headers = bearer(cast.rivera)

    with time_machine.travel("2026-12-03 10:00", tick=False):
        statuses = [Client().get(URL, headers=headers).status_code for _ in range(4)]
        refused = Client().get(URL, headers=headers)

    assert statuses == [200, 200, 200, 429]
    assert refused["Retry-After"] == "900"


def test_the_limit_counts_each_account_apart(cast: Cast, three_a_window: None) -> None:
    for _ in range(3):
        Client().get(URL, headers=bearer(cast.rivera))

    assert Client().get(URL, headers=bearer(cast.chen)).status_code == 200


def test_the_window_passes(cast: Cast, three_a_window: None) -> None:
    headers = bearer(cast.rivera)

    with time_machine.travel("2026-12-03 10:00", tick=False):
        for _ in range(3):
            Client().get(URL, headers=headers)
    with time_machine.travel("2026-12-03 10:16", tick=False):
        response = Client().get(URL, headers=headers)

    assert response.status_code == 200
