from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from outbox.mailbox import letters
from outbox.tests.mailbox_letters import post_letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path: Path, settings: Settings) -> Path:
    settings.HOMEROOM_MAILBOX_DIR = tmp_path / "mailbox"
    return settings.HOMEROOM_MAILBOX_DIR


@pytest.fixture
def name(folder: Path) -> str:
    post_letter()
    return letters()[0].name


def test_shows_headers_and_plain_text(client: Client, name: str) -> None:
    response = client.get(reverse("mailbox:letter", args=[name]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Your Homeroom account" in page
    assert "maria@example.org" in page
    assert "homeroom@localhost" in page
    assert "Your temporary password is 48213377." in page


def test_frames_the_html_version(client: Client, name: str) -> None:
    response = client.get(reverse("mailbox:letter", args=[name]))

    html_url = reverse("mailbox:letter_html", args=[name])
    assert f'<iframe sandbox src="{html_url}"' in response.content.decode()
    assert "<b>Maria</b>" not in response.content.decode()


def test_html_version_is_served_sandboxed(client: Client, name: str) -> None:
    response = client.get(reverse("mailbox:letter_html", args=[name]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<b>Maria</b>" in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "sandbox" in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_letter_without_html_has_no_frame(client: Client, folder: Path) -> None:
    post_letter(html="")
    name = letters()[0].name

    page = client.get(reverse("mailbox:letter", args=[name])).content.decode()
    html_response = client.get(reverse("mailbox:letter_html", args=[name]))

    assert "<iframe" not in page
    assert html_response.status_code == 404


@pytest.mark.parametrize(
    "bad_name",
    ["missing.eml", "..", "...eml", "notes.txt", "%2e%2e%2fsecret.eml", "..%2f.eml"],
)
def test_unknown_name_is_not_found(
    client: Client, folder: Path, name: str, bad_name: str
) -> None:
    (folder / "notes.txt").write_text("not a letter")

    letter = client.get(f"/mailbox/{bad_name}/")
    html = client.get(f"/mailbox/{bad_name}/html/")

    assert letter.status_code == 404
    assert html.status_code == 404


def test_not_found_outside_the_demo(
    client: Client, name: str, settings: Settings
) -> None:
    settings.HOMEROOM_DEMO_MAILBOX = False

    response = client.get(reverse("mailbox:letter", args=[name]))

    assert response.status_code == 404
