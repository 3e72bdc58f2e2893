"""Jobs the worker runs on a schedule, each by one worker at a time.

A job is registered once with `register_job` (see messaging/jobs.py): every
so often, or daily at a local hour. Its last start and finish are kept in the
database, and a worker claims a due job by moving its start time forward in one
conditional update, under a row lock other workers skip. So however many
workers share the database, a due job starts once, and never while it runs.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from messaging.models import ScheduledRun

logger = logging.getLogger(__name__)

JOBS_MODULE = "messaging.jobs"

# A run that started this long ago and never finished belongs to a worker that
# died; the job may start again.
ABANDONED_AFTER = datetime.timedelta(hours=2)


@dataclass(frozen=True)
class DailyAt:
    """Once a day, from this hour of the district's local time."""

    hour: int


Schedule = datetime.timedelta | DailyAt
JobFunction = Callable[[], object] | str


@dataclass(frozen=True)
class Job:
    name: str
    every: Schedule
    function: JobFunction  # a callable, or its dotted path, imported when it runs

    def run(self) -> None:
        function = self.function
        if isinstance(function, str):
            function = import_string(function)
        function()


_registry: dict[str, Job] = {}


def register_job(name: str, every: Schedule, function: JobFunction) -> Job:
    """Run `function` on this schedule from the worker, under a name of its own."""
    job = Job(name, every, function)
    _registry[name] = job
    return job


def registered_jobs() -> list[Job]:
    import_module(JOBS_MODULE)
    return list(_registry.values())


def is_due(
    every: Schedule, last_started: datetime.datetime | None, now: datetime.datetime
) -> bool:
    if isinstance(every, DailyAt):
        local = timezone.localtime(now)
        slot = local.replace(hour=every.hour, minute=0, second=0, microsecond=0)
        return now >= slot and (last_started is None or last_started < slot)

    return last_started is None or now >= last_started + every


def is_running(run: ScheduledRun, now: datetime.datetime) -> bool:
    started, finished = run.last_started_at, run.last_finished_at
    if started is None or (finished is not None and finished >= started):
        return False
    return now - started < ABANDONED_AFTER


def claim(job: Job, now: datetime.datetime) -> bool:
    """Mark the job started if it is due and nobody runs it; True if this worker may."""
    ScheduledRun.objects.get_or_create(name=job.name)

    with transaction.atomic():
        run = (
            ScheduledRun.objects.select_for_update(skip_locked=True)
            .filter(name=job.name)
            .first()
        )
        if run is None or is_running(run, now):
            return False
        if not is_due(job.every, run.last_started_at, now):
            return False

        # Where rows cannot be locked (SQLite), the condition on the start time
        # still lets only one of two workers that read the same row claim it.
        claimed = ScheduledRun.objects.filter(
            pk=run.pk, last_started_at=run.last_started_at
        ).update(last_started_at=now)
        return claimed == 1


def run_claimed(job: Job, started: datetime.datetime) -> bool:
    """Run a job this worker claimed and record when it finished; True if it worked."""
    try:
        job.run()
    # A failing job must not stop the worker, which also delivers the mail.
    except Exception as error:
        logger.error("Scheduled job %s failed: %s", job.name, type(error).__name__)
        logger.debug("Scheduled job %s failed", job.name, exc_info=True)
        succeeded = False
    else:
        succeeded = True

    finished = max(started, timezone.now())
    ScheduledRun.objects.filter(name=job.name).update(last_finished_at=finished)
    return succeeded


def run_due_jobs(
    now: datetime.datetime | None = None, jobs: list[Job] | None = None
) -> list[str]:
    """Run every job that is due and not running elsewhere; return their names."""
    now = now or timezone.now()
    ran = []

    for job in registered_jobs() if jobs is None else jobs:
        if claim(job, now):
            run_claimed(job, now)
            ran.append(job.name)
    return ran
