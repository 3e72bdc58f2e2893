"""The demo's local mailbox: every email sent is kept as an .eml file to read.

The backend writes the files; the helpers below read them back for the
mailbox pages. Nothing here runs unless the demo settings choose it.
"""

import datetime
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage as ParsedEmail
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.utils import timezone

SUFFIX = ".eml"


class MailboxBackend(BaseEmailBackend):
    """Write each message into HOMEROOM_MAILBOX_DIR instead of sending it."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.folder = Path(settings.HOMEROOM_MAILBOX_DIR)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)

        written = 0
        for email in email_messages:
            try:
                self.write(email)
            except OSError:
                if not self.fail_silently:
                    raise
            else:
                written += 1
        return written

    def write(self, email: EmailMessage) -> None:
        # "x" refuses to overwrite, so a clash of names can never lose a letter.
        with (self.folder / new_file_name()).open("xb") as file:
            file.write(email.message().as_bytes())


def new_file_name() -> str:
    """A name that sorts by the time it was made and is unique by its random tail."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{secrets.token_hex(4)}{SUFFIX}"


@dataclass(frozen=True)
class Letter:
    name: str
    sender: str
    to: str
    subject: str
    date: datetime.datetime | None
    text: str
    html: str


def mailbox_files() -> dict[str, Path]:
    """The .eml files in the mailbox folder, by file name."""
    folder = Path(settings.HOMEROOM_MAILBOX_DIR)
    if not folder.is_dir():
        return {}

    return {
        path.name: path
        for path in folder.iterdir()
        if path.suffix == SUFFIX and path.is_file()
    }


def letters() -> list[Letter]:
    """Every letter in the mailbox, newest first."""
    files = mailbox_files()
    names = sorted(files, reverse=True)
    return [read(name, files[name]) for name in names]


def find_letter(name: str) -> Letter | None:
    """The letter with this file name, or None if the folder holds no such file."""
    path = mailbox_files().get(name)
    if path is None:
        return None
    return read(name, path)


def read(name: str, path: Path) -> Letter:
    with path.open("rb") as file:
        parsed = BytesParser(policy=policy.default).parse(file)
    assert isinstance(parsed, ParsedEmail)

    return Letter(
        name=name,
        sender=str(parsed.get("From", "")),
        to=str(parsed.get("To", "")),
        subject=str(parsed.get("Subject", "")),
        date=sent_date(parsed),
        text=body(parsed, "plain"),
        html=body(parsed, "html"),
    )


def sent_date(parsed: ParsedEmail) -> datetime.datetime | None:
    date = getattr(parsed.get("Date"), "datetime", None)
    if not isinstance(date, datetime.datetime):
        return None

    # Django writes "-0000" when EMAIL_USE_LOCALTIME is off: the time is in UTC.
    if date.tzinfo is None:
        return date.replace(tzinfo=datetime.UTC)
    return date


def body(parsed: ParsedEmail, kind: str) -> str:
    part = parsed.get_body(preferencelist=(kind,))
    if not isinstance(part, ParsedEmail):
        return ""
    return str(part.get_content())
