"""Messages for the outbox tests, made without templates."""

from typing import Any

from outbox.models import Message


def make_message(to: str = "maria@example.org", **fields: Any) -> Message:
    values: dict[str, Any] = {
        "subject": "Your Homeroom account",
        "text_body": "Your temporary password is 48213377.",
        "html_body": "<p>Your temporary password is <b>48213377</b>.</p>",
    }
    values.update(fields)
    return Message.objects.create(to=to, **values)
