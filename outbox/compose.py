"""Compose an email from its three templates and put it in the outbox."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from outbox.models import Message


def queue_email(
    to: str,
    template: str,
    context: dict[str, Any],
    holds_secret: bool = False,
    language: str | None = None,
) -> Message:
    """Render `<template>_subject.txt`, `.txt` and `.html` and queue the message.

    Call it inside the transaction of the change that causes the email, so the
    message is stored if and only if the change is. The message is written in
    `language` (a family account's choice); none keeps the active language.
    """
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"{template}_subject.txt", context)
        text_body = render_to_string(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context)

    return Message.objects.create(
        to=to,
        subject=" ".join(subject.split()),
        text_body=text_body,
        html_body=html_body,
        holds_secret=holds_secret,
    )
