import datetime
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from pytest_django.fixtures import Settings

from outbox.delivery import deliver_due
from outbox.mailbox import find_letter, letters
from outbox.tests.factories import make_message
from outbox.tests.mailbox_letters import post_letter

MONDAY = datetime.datetime(2025, 3, 3, 14, 0, tzinfo=datetime.UTC)
FILE_NAME = re.compile(r"^20250303T140000000000Z-[0-9a-f]{8}\.eml$")


@pytest.fixture
def folder(tmp_path: Path, settings: Settings) -> Path:
    settings.HOMEROOM_MAILBOX_DIR = tmp_path / "var" / "mailbox"
    return settings.HOMEROOM_MAILBOX_DIR


def test_writes_a_readable_eml_file_creating_the_folder(folder: Path) -> None:
    with time_machine.travel(MONDAY, tick=False):
        post_letter()

    [path] = folder.iterdir()
    assert FILE_NAME.match(path.name)
    parsed = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert parsed["Subject"] == "Your Homeroom account"
    assert parsed["To"] == "maria@example.org"
    text = parsed.get_body(preferencelist=("plain",))
    assert text is not None
    assert "48213377" in text.get_content()


def test_file_names_are_unique_and_sort_by_time(folder: Path) -> None:
    with time_machine.travel(MONDAY, tick=False) as clock:
        post_letter(subject="First")
        post_letter(subject="Second")
        clock.shift(datetime.timedelta(microseconds=1))
        post_letter(subject="Third")

    names = sorted(path.name for path in folder.iterdir())
    assert len(set(names)) == 3
    assert names[2].startswith("20250303T140000000001Z-")


def test_reads_letters_back_newest_first(folder: Path) -> None:
    with time_machine.travel(MONDAY, tick=False) as clock:
        post_letter(subject="Older")
        clock.shift(datetime.timedelta(minutes=1))
        post_letter(subject="Newer", html="")

    newer, older = letters()
    assert [newer.subject, older.subject] == ["Newer", "Older"]
    assert newer.html == ""
    assert older.html.startswith("<p>Welcome")
    assert older.text.startswith("Welcome, Maria.")
    assert older.date == MONDAY


def test_empty_when_the_folder_does_not_exist(folder: Path) -> None:
    assert letters() == []
    assert find_letter("anything.eml") is None


def test_finds_only_files_in_the_folder(folder: Path) -> None:
    post_letter()
    (folder / "notes.txt").write_text("not a letter")

    assert find_letter("notes.txt") is None
    assert find_letter("../mailbox/" + letters()[0].name) is None


@pytest.mark.django_db
def test_outbox_delivers_into_the_mailbox(folder: Path) -> None:
    make_message()

    with override_settings(EMAIL_BACKEND="outbox.mailbox.MailboxBackend"):
        assert deliver_due() == 1

    assert mail.outbox == []
    [letter] = letters()
    assert letter.subject == "Your Homeroom account"
