"""manage.py run_worker: the outbox and the scheduled jobs in one process."""

import datetime
import os
import signal
import threading
import time

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from pytest_django.fixtures import Settings

from conftest import Cast, Term
from messaging import scheduler
from messaging.models import ScheduledRun
from outbox.tests.factories import make_message


@pytest.fixture(autouse=True)
def only_the_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mid-term prompt alone, whatever other jobs messaging/jobs.py lists."""
    jobs = {job.name: job for job in scheduler.registered_jobs()}
    monkeypatch.setattr(
        scheduler, "_registry", {"midterm_prompts": jobs["midterm_prompts"]}
    )


@pytest.fixture
def idle(cast: Cast, term: Term) -> Cast:
    for account in (cast.rivera, cast.chen):
        account.last_login = timezone.make_aware(datetime.datetime(2026, 11, 1))
        account.save()
    return cast


def test_once_runs_the_mid_term_prompt_and_delivers_it(
    idle: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel("2026-12-16 10:00", tick=False):
        call_command("run_worker", "--once")
        call_command("run_worker", "--once")

    assert capsys.readouterr().out.splitlines() == [
        "Sent 2 message(s). Jobs run: midterm_prompts.",
        "Sent 0 message(s). Jobs run: none.",
    ]
    assert sorted(email.to[0] for email in mail.outbox) == [
        "maria@example.org",
        "wei@example.org",
    ]


def test_once_before_the_prompt_hour_delivers_mail_only(
    idle: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    make_message()

    with time_machine.travel("2026-12-16 07:00", tick=False):
        call_command("run_worker", "--once")

    assert capsys.readouterr().out == "Sent 1 message(s). Jobs run: none.\n"
    assert ScheduledRun.objects.get(name="midterm_prompts").last_started_at is None


def stop_after_first_email() -> None:
    """Send SIGTERM to this process once the worker has delivered something."""
    deadline = time.monotonic() + 10
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.01)

    os.kill(os.getpid(), signal.SIGTERM)


@pytest.mark.django_db(transaction=True)
def test_the_loop_runs_jobs_delivers_and_stops_on_sigterm(settings: Settings) -> None:
    settings.OUTBOX_POLL_SECONDS = 60
    make_message()
    original = signal.getsignal(signal.SIGTERM)
    stopper = threading.Thread(target=stop_after_first_email)

    stopper.start()
    call_command("run_worker")
    stopper.join()

    assert len(mail.outbox) == 1
    assert ScheduledRun.objects.filter(name="midterm_prompts").exists()
    assert signal.getsignal(signal.SIGTERM) is original
