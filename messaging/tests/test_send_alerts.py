"""`manage.py send_alerts`: the same job as the worker's, for cron."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from conftest import Cast, Term, add_assignment
from gradebook.changes import set_score
from messaging.models import Alert, AlertPreference
from outbox.models import Message

TEN = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 0))


@pytest.fixture
def missing_work(cast: Cast, term: Term) -> None:
    AlertPreference.objects.create(
        account=cast.rivera, student=cast.sofia, missing=True
    )
    with time_machine.travel(TEN, tick=False):
        homework = add_assignment(
            term.math_q2, "Homework 5", 10, datetime.date(2026, 12, 3), term.homework
        )
        set_score(term.teacher, homework, cast.sofia, missing=True)


@pytest.mark.usefixtures("missing_work")
def test_it_notices_then_sends_after_the_grace_period() -> None:
    with time_machine.travel(TEN, tick=False):
        call_command("send_alerts")
    assert Alert.objects.count() == 1
    assert not Message.objects.exists()

    with time_machine.travel(TEN + datetime.timedelta(hours=1), tick=False):
        call_command("send_alerts")
        call_command("send_alerts")
    assert Message.objects.count() == 1
