import datetime
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from outbox.tests.mailbox_letters import post_letter

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2025, 3, 3, 14, 0, tzinfo=datetime.UTC)


@pytest.fixture
def folder(tmp_path: Path, settings: Settings) -> Path:
    settings.HOMEROOM_MAILBOX_DIR = tmp_path / "mailbox"
    return settings.HOMEROOM_MAILBOX_DIR


def test_lists_letters_newest_first_without_sign_in(
    client: Client, folder: Path
) -> None:
    with time_machine.travel(MONDAY, tick=False) as clock:
        post_letter(subject="Your Homeroom account")
        clock.shift(datetime.timedelta(minutes=5))
        post_letter(subject="A student was added to your account")

    response = client.get(reverse("mailbox:inbox"))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("A student was added") < page.index("Your Homeroom account")
    assert "maria@example.org" in page
    assert "March 3, 2025" in page


def test_empty_mailbox_says_so(client: Client, folder: Path) -> None:
    response = client.get(reverse("mailbox:inbox"))

    assert response.status_code == 200
    assert "The mailbox is empty" in response.content.decode()


def test_not_found_outside_the_demo(
    client: Client, folder: Path, settings: Settings
) -> None:
    settings.HOMEROOM_DEMO_MAILBOX = False

    response = client.get(reverse("mailbox:inbox"))

    assert response.status_code == 404
