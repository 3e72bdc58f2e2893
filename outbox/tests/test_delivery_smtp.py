"""Delivery through Django's SMTP backend to a real SMTP server on this machine."""

import datetime
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from pytest_django.fixtures import Settings

from outbox.delivery import deliver_due
from outbox.models import SCRUBBED, Message
from outbox.tests.factories import make_message

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2025, 3, 3, 14, 0, tzinfo=datetime.UTC)


class Collector:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = BytesParser(policy=policy.default).parsebytes(envelope.content)
        assert isinstance(parsed, EmailMessage)
        self.received.append(parsed)
        return "250 Message accepted for delivery"

    def subjects(self) -> list[str]:
        return [str(message["Subject"]) for message in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(collector: Collector, port: int) -> Controller:
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.fixture
def port(settings: Settings) -> int:
    chosen = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = chosen
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    return chosen


@pytest.fixture
def collector() -> Collector:
    return Collector()


@pytest.fixture
def server(collector: Collector, port: int) -> Iterator[Controller]:
    controller = start_server(collector, port)
    yield controller
    controller.stop()


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def test_delivers_text_and_html_over_smtp(
    clock: time_machine.Traveller, collector: Collector, server: Controller
) -> None:
    message = make_message(holds_secret=True)

    assert deliver_due() == 1

    [received] = collector.received
    assert received["Subject"] == "Your Homeroom account"
    assert received["To"] == "maria@example.org"
    text = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert text is not None and "48213377" in text.get_content()
    assert html is not None and "<b>48213377</b>" in html.get_content()

    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.text_body == SCRUBBED


def test_server_down_then_back_delivers_exactly_once(
    clock: time_machine.Traveller, collector: Collector, port: int
) -> None:
    server = start_server(collector, port)
    make_message(subject="First")
    assert deliver_due() == 1

    server.stop()
    second = make_message(subject="Second")
    assert deliver_due() == 0

    second.refresh_from_db()
    assert second.status == Message.Status.WAITING
    assert second.attempts == 1
    assert second.last_error.startswith("ConnectionRefusedError")
    assert "example.org" not in second.last_error

    server = start_server(collector, port)
    try:
        assert deliver_due() == 0
        clock.shift(datetime.timedelta(seconds=31))
        assert deliver_due() == 1
        assert deliver_due() == 0
    finally:
        server.stop()

    assert collector.subjects() == ["First", "Second"]
    second.refresh_from_db()
    assert second.status == Message.Status.SENT
