"""Two workers at once never send the same message twice (needs PostgreSQL)."""

import threading
import time
from collections.abc import Sequence

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.mail.message import EmailMessage
from django.db import connection, transaction
from pytest_django.fixtures import Settings

from outbox.delivery import deliver_due
from outbox.models import Message
from outbox.tests.factories import make_message

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks that other workers skip need PostgreSQL",
    ),
]


class SlowBackend(LocmemBackend):
    """Takes a moment per message, so two workers overlap."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        time.sleep(0.02)
        return super().send_messages(email_messages)


def hold_lock(message: Message, locked: threading.Event, done: threading.Event) -> None:
    try:
        with transaction.atomic():
            Message.objects.select_for_update().get(pk=message.pk)
            locked.set()
            done.wait(10)
    finally:
        connection.close()


def test_skips_a_message_another_worker_holds() -> None:
    held = make_message(subject="Held")
    free = make_message(subject="Free")
    locked, done = threading.Event(), threading.Event()
    other_worker = threading.Thread(target=hold_lock, args=[held, locked, done])

    other_worker.start()
    locked.wait(10)
    try:
        assert deliver_due() == 1
    finally:
        done.set()
        other_worker.join()

    held.refresh_from_db()
    free.refresh_from_db()
    assert held.status == Message.Status.WAITING
    assert free.status == Message.Status.SENT


def run_worker(counts: list[int]) -> None:
    try:
        counts.append(deliver_due())
    finally:
        connection.close()


def test_two_workers_send_each_message_once(settings: Settings) -> None:
    settings.EMAIL_BACKEND = "outbox.tests.test_delivery_workers.SlowBackend"
    for number in range(20):
        make_message(subject=f"Message {number}")
    counts: list[int] = []
    workers = [threading.Thread(target=run_worker, args=[counts]) for _ in range(2)]

    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    subjects = [email.subject for email in mail.outbox]
    assert sorted(counts, reverse=True)[1] > 0
    assert sum(counts) == 20
    assert len(subjects) == len(set(subjects)) == 20
