import datetime
import smtplib
from collections.abc import Iterator, Sequence

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.mail.message import EmailMessage
from pytest_django.fixtures import Settings

from outbox.delivery import deliver_due, describe_error, retry, retry_delay
from outbox.models import SCRUBBED, Message
from outbox.tests.factories import make_message

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2025, 3, 3, 14, 0, tzinfo=datetime.UTC)
SECONDS = datetime.timedelta(seconds=1)

HERE = "outbox.tests.test_delivery"


class ServerDownBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


class BouncingBackend(LocmemBackend):
    """Refuses any address at bounce.example.org and delivers the rest."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for email in email_messages:
            refused = [to for to in email.to if to.endswith("@bounce.example.org")]
            if refused:
                reply = (550, f"5.1.1 <{refused[0]}> unknown user".encode())
                raise smtplib.SMTPRecipientsRefused({refused[0]: reply})
        return super().send_messages(email_messages)


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def server_down(settings: Settings) -> None:
    settings.EMAIL_BACKEND = f"{HERE}.ServerDownBackend"


def server_returns(settings: Settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def refreshed(message: Message) -> Message:
    message.refresh_from_db()
    return message


@pytest.mark.parametrize(
    ("attempts", "seconds"),
    [(0, 0), (1, 30), (2, 60), (3, 120), (4, 240), (7, 1920), (8, 3600), (12, 3600)],
)
def test_retry_delay_doubles_from_30_seconds_up_to_an_hour(
    attempts: int, seconds: int
) -> None:
    assert retry_delay(attempts) == datetime.timedelta(seconds=seconds)


def test_sends_text_with_html_alternative(
    clock: time_machine.Traveller, settings: Settings
) -> None:
    message = make_message()

    assert deliver_due() == 1

    [email] = mail.outbox
    assert isinstance(email, EmailMultiAlternatives)
    assert email.subject == "Your Homeroom account"
    assert email.body == "Your temporary password is 48213377."
    assert email.alternatives == [
        ("<p>Your temporary password is <b>48213377</b>.</p>", "text/html")
    ]
    assert email.to == ["maria@example.org"]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL

    message = refreshed(message)
    assert message.status == Message.Status.SENT
    assert message.sent_at == MONDAY


def test_message_without_html_is_plain_text(clock: time_machine.Traveller) -> None:
    make_message(html_body="")

    deliver_due()

    [email] = mail.outbox
    assert isinstance(email, EmailMultiAlternatives)
    assert email.alternatives == []


def test_secret_is_scrubbed_after_delivery(clock: time_machine.Traveller) -> None:
    message = make_message(holds_secret=True)

    deliver_due()

    message = refreshed(message)
    assert message.text_body == SCRUBBED
    assert message.html_body == SCRUBBED
    assert "48213377" in mail.outbox[0].body


def test_ordinary_message_keeps_its_body(clock: time_machine.Traveller) -> None:
    message = make_message(holds_secret=False)

    deliver_due()

    assert refreshed(message).text_body == "Your temporary password is 48213377."


def test_message_not_yet_due_waits(clock: time_machine.Traveller) -> None:
    make_message(next_attempt_at=MONDAY + SECONDS)

    assert deliver_due() == 0
    assert mail.outbox == []


def test_sends_no_more_than_the_limit(clock: time_machine.Traveller) -> None:
    for _ in range(3):
        make_message()

    assert deliver_due(limit=2) == 2
    assert Message.objects.filter(status=Message.Status.WAITING).count() == 1


def test_sends_oldest_first(clock: time_machine.Traveller) -> None:
    make_message(subject="Second", next_attempt_at=MONDAY - SECONDS)
    make_message(subject="First", next_attempt_at=MONDAY - 2 * SECONDS)

    deliver_due()

    assert [email.subject for email in mail.outbox] == ["First", "Second"]


def test_server_down_keeps_message_and_backs_off(
    clock: time_machine.Traveller, server_down: None
) -> None:
    message = make_message()

    assert deliver_due() == 0

    message = refreshed(message)
    assert message.status == Message.Status.WAITING
    assert message.attempts == 1
    assert message.next_attempt_at == MONDAY + 30 * SECONDS
    assert (
        message.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    )
    assert message.sent_at is None


def test_server_down_stops_the_run(
    clock: time_machine.Traveller, server_down: None
) -> None:
    first = make_message(next_attempt_at=MONDAY - SECONDS)
    second = make_message()

    deliver_due()

    assert refreshed(first).attempts == 1
    assert refreshed(second).attempts == 0


def test_refused_address_does_not_block_the_rest(
    clock: time_machine.Traveller, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = f"{HERE}.BouncingBackend"
    bounced = make_message(to="gone@bounce.example.org")
    make_message(to="wei@example.org")

    assert deliver_due() == 1

    assert [email.to for email in mail.outbox] == [["wei@example.org"]]
    bounced = refreshed(bounced)
    assert bounced.attempts == 1
    assert bounced.last_error == (
        "SMTPRecipientsRefused: the server refused the recipient"
    )


def test_delivered_exactly_once_when_server_returns(
    clock: time_machine.Traveller, settings: Settings, server_down: None
) -> None:
    message = make_message()
    deliver_due()

    server_returns(settings)
    clock.shift(29 * SECONDS)
    assert deliver_due() == 0

    clock.shift(SECONDS)
    assert deliver_due() == 1
    assert deliver_due() == 0

    assert len(mail.outbox) == 1
    message = refreshed(message)
    assert message.status == Message.Status.SENT
    assert message.attempts == 1
    assert message.last_error == ""


def test_back_off_doubles_after_each_failure(
    clock: time_machine.Traveller, server_down: None
) -> None:
    message = make_message()
    delays = []

    for _ in range(4):
        deliver_due()
        message = refreshed(message)
        delays.append(message.next_attempt_at - datetime.datetime.now(datetime.UTC))
        clock.move_to(message.next_attempt_at)

    assert delays == [30 * SECONDS, 60 * SECONDS, 120 * SECONDS, 240 * SECONDS]


def test_failed_after_max_attempts(
    clock: time_machine.Traveller, settings: Settings, server_down: None
) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = make_message()

    for _ in range(3):
        deliver_due()
        clock.move_to(refreshed(message).next_attempt_at)

    message = refreshed(message)
    assert message.status == Message.Status.FAILED
    assert message.attempts == 3

    server_returns(settings)
    clock.shift(datetime.timedelta(days=1))
    assert deliver_due() == 0
    assert mail.outbox == []


def test_retry_puts_failed_message_back(
    clock: time_machine.Traveller, settings: Settings
) -> None:
    message = make_message(status=Message.Status.FAILED, attempts=12)

    assert retry(message) is True

    assert message.status == Message.Status.WAITING
    assert message.attempts == 0
    assert deliver_due() == 1
    assert len(mail.outbox) == 1


def test_retry_leaves_sent_message_alone(clock: time_machine.Traveller) -> None:
    message = make_message(status=Message.Status.SENT)

    assert retry(message) is False

    assert refreshed(message).status == Message.Status.SENT
    assert deliver_due() == 0


def test_log_names_no_address(
    clock: time_machine.Traveller,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.EMAIL_BACKEND = f"{HERE}.BouncingBackend"
    make_message(to="gone@bounce.example.org")
    make_message(to="wei@example.org", holds_secret=True)

    with caplog.at_level("INFO", logger="outbox"):
        deliver_due()

    assert caplog.records
    assert "example.org" not in caplog.text
    assert "48213377" not in caplog.text


def test_describe_error_blanks_addresses_and_keeps_it_short() -> None:
    error = smtplib.SMTPDataError(554, b"5.7.1 <maria@example.org>: " + b"x" * 400)

    described = describe_error(error)

    assert described.startswith("SMTPDataError: 554 5.7.1 <[address]>: xxx")
    assert "example.org" not in described
    assert len(described) == 300
