"""Deliver the messages waiting in the outbox.

Every message is claimed inside its own transaction with a row lock that other
workers skip, so two workers on two machines never send the same message. A
failure keeps the message and sets the time of its next attempt. Only a worker
killed after the server took a message but before the commit sends it twice:
a rare duplicate is better than a lost temporary password.
"""

import datetime
import enum
import logging
import re
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from outbox.models import SCRUBBED, Message

logger = logging.getLogger(__name__)

FIRST_DELAY = datetime.timedelta(seconds=30)
LONGEST_DELAY = datetime.timedelta(hours=1)
ERROR_LENGTH = 300
ADDRESS = re.compile(r"[^\s<>\"']+@[^\s<>\"']+")


class NothingAccepted(Exception):
    """The mail backend returned without accepting the message."""


class Outcome(enum.Enum):
    NOTHING_DUE = "nothing due"
    SENT = "sent"
    REFUSED = "refused"
    SERVER_DOWN = "server down"


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts."""
    if attempts < 1:
        return datetime.timedelta(0)

    # Past 7 doublings the delay is over an hour anyway; stop before it gets huge.
    doublings = min(attempts - 1, 7)
    return min(FIRST_DELAY * 2**doublings, LONGEST_DELAY)


def deliver_due(now: datetime.datetime | None = None, limit: int = 100) -> int:
    """Send up to `limit` messages due at `now`; return how many were sent."""
    now = now or timezone.now()
    connection = get_connection()
    sent = failed = 0

    for _ in range(limit):
        outcome = deliver_next(now, connection)
        if outcome is Outcome.NOTHING_DUE:
            break
        if outcome is Outcome.SENT:
            sent += 1
            continue

        failed += 1
        # When the server is down the rest would fail the same way; they wait.
        if outcome is Outcome.SERVER_DOWN:
            break

    if sent or failed:
        logger.info("Outbox run: %d sent, %d failed", sent, failed)
    return sent


def deliver_next(now: datetime.datetime, connection: BaseEmailBackend) -> Outcome:
    """Claim the next due message, try to send it and record what happened."""
    with transaction.atomic():
        message = claim_next(now)
        if message is None:
            return Outcome.NOTHING_DUE

        try:
            send(message, connection)
        # A message the server will not take must not block the ones behind it,
        # whatever the reason; the kind of error is kept for the office.
        except Exception as error:
            record_failure(message, error, now)
            return Outcome.SERVER_DOWN if server_down(error) else Outcome.REFUSED

        record_success(message)
        return Outcome.SENT


def claim_next(now: datetime.datetime) -> Message | None:
    due = Message.objects.due(now).order_by("next_attempt_at", "pk")
    return due.select_for_update(skip_locked=True).first()


def send(message: Message, connection: BaseEmailBackend) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        connection=connection,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")

    if email.send() != 1:
        raise NothingAccepted("The mail backend accepted nothing.")


def record_success(message: Message) -> None:
    message.status = Message.Status.SENT
    message.sent_at = timezone.now()
    message.last_error = ""

    if message.holds_secret:
        message.text_body = SCRUBBED
        message.html_body = SCRUBBED

    message.save()


def record_failure(message: Message, error: Exception, now: datetime.datetime) -> None:
    message.attempts += 1
    message.last_error = describe_error(error)

    # A slow server can make a run outlast `now`; count the delay from the later.
    failed_at = max(now, timezone.now())
    message.next_attempt_at = failed_at + retry_delay(message.attempts)

    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.status = Message.Status.FAILED
        logger.error(
            "Outbox message %d failed after %d attempts", message.pk, message.attempts
        )
    else:
        logger.warning(
            "Outbox message %d not delivered (attempt %d): %s",
            message.pk,
            message.attempts,
            type(error).__name__,
        )

    message.save()


def describe_error(error: Exception) -> str:
    """The error's kind and a short reason, with any email address blanked out."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        detail = "the server refused the recipient"
    elif isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
        detail = f"{error.smtp_code} {text}"
    else:
        detail = str(error)

    detail = ADDRESS.sub("[address]", " ".join(detail.split()))
    described = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return described[:ERROR_LENGTH]


def server_down(error: Exception) -> bool:
    """True for an error about the server or the network, not about one message."""
    refused = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError)
    return isinstance(error, OSError) and not isinstance(error, refused)


def retry(message: Message) -> bool:
    """Put a failed message back in the outbox with a fresh set of attempts."""
    failed = Message.objects.filter(pk=message.pk, status=Message.Status.FAILED)
    updated = failed.update(
        status=Message.Status.WAITING,
        attempts=0,
        next_attempt_at=timezone.now(),
    )
    if updated:
        message.refresh_from_db()
    return bool(updated)
