"""`manage.py send_digest`: this week's digest at once, for cron."""

import datetime
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone

from conftest import Cast, Term
from messaging.models import DigestPreference
from outbox.models import Message

THURSDAY = timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0))


def run() -> str:
    out = StringIO()
    call_command("send_digest", stdout=out)
    return out.getvalue()


def test_it_sends_whatever_the_day_once_a_week(cast: Cast, term: Term) -> None:
    DigestPreference.objects.create(account=cast.rivera, weekly=True)

    with time_machine.travel(THURSDAY, tick=False):
        assert run() == "Sent 1 weekly digest(s).\n"
        assert run() == "Sent 0 weekly digest(s).\n"

    [digest] = Message.objects.all()
    assert digest.to == "maria@example.org"
    assert "Sofia" in digest.text_body and "Lucas" in digest.text_body
