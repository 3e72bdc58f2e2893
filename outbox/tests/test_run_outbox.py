import os
import signal
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from pytest_django.fixtures import Settings

from outbox.models import Message
from outbox.tests.factories import make_message


@pytest.mark.django_db
def test_once_delivers_what_is_due_and_says_how_many(
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_message()
    make_message(to="wei@example.org")

    call_command("run_outbox", "--once")

    assert capsys.readouterr().out == "Sent 2 message(s).\n"
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_once_with_nothing_due(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("run_outbox", "--once")

    assert capsys.readouterr().out == "Sent 0 message(s).\n"


def stop_after_first_email() -> None:
    """Send SIGTERM to this process once the worker has delivered something."""
    deadline = time.monotonic() + 10
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.01)

    os.kill(os.getpid(), signal.SIGTERM)


@pytest.mark.django_db(transaction=True)
def test_loop_delivers_and_stops_on_sigterm(settings: Settings) -> None:
    settings.OUTBOX_POLL_SECONDS = 60
    message = make_message()
    original = signal.getsignal(signal.SIGTERM)
    stopper = threading.Thread(target=stop_after_first_email)

    stopper.start()
    call_command("run_outbox")
    stopper.join()

    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert len(mail.outbox) == 1
    assert signal.getsignal(signal.SIGTERM) is original
