"""The scheduler: a due job runs once, whichever worker gets there first."""

import datetime
import logging

import pytest
from django.utils import timezone

from messaging import scheduler
from messaging.models import ScheduledRun
from messaging.scheduler import (
    ABANDONED_AFTER,
    DailyAt,
    Job,
    is_due,
    register_job,
    registered_jobs,
    run_due_jobs,
)

pytestmark = pytest.mark.django_db

MORNING = timezone.make_aware(datetime.datetime(2026, 12, 16, 8, 30))
calls: list[str] = []


def count_a_call() -> None:
    calls.append("called")


def fail() -> None:
    raise ValueError("something about Sofia Rivera")


@pytest.fixture(autouse=True)
def no_calls_yet() -> None:
    calls.clear()


def every(minutes: int, name: str = "tally") -> Job:
    return Job(name, datetime.timedelta(minutes=minutes), count_a_call)


def test_a_due_job_runs_once_across_two_workers() -> None:
    job = every(15)

    first = run_due_jobs(MORNING, [job])
    second = run_due_jobs(MORNING, [job])

    assert (first, second) == (["tally"], [])
    assert calls == ["called"]
    run = ScheduledRun.objects.get(name="tally")
    assert run.last_started_at == MORNING
    assert run.last_finished_at is not None


def test_a_job_runs_again_when_its_interval_has_passed() -> None:
    job = every(15)

    for minutes in (0, 5, 14, 15, 29, 31):
        run_due_jobs(MORNING + datetime.timedelta(minutes=minutes), [job])

    assert len(calls) == 3  # at 0, 15 and 31 minutes


def test_a_daily_job_waits_for_its_hour() -> None:
    job = Job("daily", DailyAt(8), count_a_call)
    seven = MORNING.replace(hour=7)

    assert run_due_jobs(seven, [job]) == []
    assert run_due_jobs(MORNING, [job]) == ["daily"]
    assert run_due_jobs(MORNING.replace(hour=23), [job]) == []
    assert run_due_jobs(seven + datetime.timedelta(days=1), [job]) == []
    assert run_due_jobs(MORNING + datetime.timedelta(days=1), [job]) == ["daily"]


def test_the_daily_hour_is_local_time() -> None:
    eight_in_new_york = datetime.datetime(2026, 12, 16, 13, 0, tzinfo=datetime.UTC)

    assert not is_due(
        DailyAt(8), None, eight_in_new_york - datetime.timedelta(seconds=1)
    )
    assert is_due(DailyAt(8), None, eight_in_new_york)


def test_a_job_still_running_elsewhere_is_not_started_again() -> None:
    job = every(5)
    started = MORNING - datetime.timedelta(minutes=30)
    ScheduledRun.objects.create(name="tally", last_started_at=started)

    assert run_due_jobs(MORNING, [job]) == []
    assert run_due_jobs(started + ABANDONED_AFTER, [job]) == ["tally"]


def test_a_failing_job_is_logged_without_its_message_and_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    jobs = [Job("broken", datetime.timedelta(hours=1), fail), every(15)]

    with caplog.at_level(logging.INFO, logger="messaging.scheduler"):
        ran = run_due_jobs(MORNING, jobs)

    assert ran == ["broken", "tally"]
    assert calls == ["called"]
    assert "Scheduled job broken failed: ValueError" in caplog.text
    assert "Sofia" not in caplog.text
    assert ScheduledRun.objects.get(name="broken").last_finished_at is not None


def test_a_job_may_be_given_by_its_dotted_path() -> None:
    job = Job("by path", datetime.timedelta(hours=1), f"{__name__}.count_a_call")

    run_due_jobs(MORNING, [job])

    assert calls == ["called"]


def test_the_mid_term_prompt_is_registered_daily_at_the_set_hour() -> None:
    jobs = {job.name: job for job in registered_jobs()}

    assert jobs["midterm_prompts"].every == DailyAt(8)


def test_registering_adds_a_job_to_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduler, "_registry", dict(scheduler._registry))

    job = register_job("test only", datetime.timedelta(hours=1), count_a_call)

    assert job in registered_jobs()
