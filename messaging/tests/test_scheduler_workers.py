"""Two workers at once never run the same job twice (needs PostgreSQL)."""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from messaging.models import ScheduledRun
from messaging.scheduler import Job, run_due_jobs

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks that other workers skip need PostgreSQL",
    ),
]

MORNING = timezone.make_aware(datetime.datetime(2026, 12, 16, 8, 30))
calls: list[str] = []


def slow_job() -> None:
    calls.append("called")
    time.sleep(0.2)


JOB = Job("slow", datetime.timedelta(hours=1), slow_job)


def hold_lock(locked: threading.Event, done: threading.Event) -> None:
    try:
        with transaction.atomic():
            ScheduledRun.objects.select_for_update().get(name="slow")
            locked.set()
            done.wait(10)
    finally:
        connection.close()


def test_a_job_another_worker_holds_is_skipped() -> None:
    calls.clear()
    ScheduledRun.objects.create(name="slow")
    locked, done = threading.Event(), threading.Event()
    other_worker = threading.Thread(target=hold_lock, args=[locked, done])

    other_worker.start()
    locked.wait(10)
    try:
        assert run_due_jobs(MORNING, [JOB]) == []
    finally:
        done.set()
        other_worker.join()

    assert calls == []


def run_worker(ran: list[list[str]]) -> None:
    try:
        ran.append(run_due_jobs(MORNING, [JOB]))
    finally:
        connection.close()


def test_two_workers_run_a_due_job_once() -> None:
    calls.clear()
    ran: list[list[str]] = []
    workers = [threading.Thread(target=run_worker, args=[ran]) for _ in range(2)]

    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert calls == ["called"]
    assert sorted(ran) == [[], ["slow"]]
