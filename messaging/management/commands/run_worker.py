"""The one background process: deliver the outbox and run the scheduled jobs."""

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser
from django.db import close_old_connections

from messaging.scheduler import registered_jobs, run_due_jobs
from outbox.delivery import deliver_due
from outbox.management.commands import run_outbox

logger = logging.getLogger(__name__)


class Command(run_outbox.Command):
    help = (
        "Deliver the emails waiting in the outbox every few seconds and run the "
        "scheduled jobs (the mid-term prompt, alerts, the weekly digest) when due."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Deliver what is due and run the jobs that are due now, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["once"]:
            super().handle(*args, **options)
            return

        ran = run_due_jobs()
        sent = deliver_due()
        self.stdout.write(
            f"Sent {sent} message(s). Jobs run: {', '.join(ran) or 'none'}."
        )

    def run_until(self, stop: threading.Event) -> None:
        """Every few seconds, the due jobs, then the mail; a stop ends the loop."""
        poll_seconds = settings.OUTBOX_POLL_SECONDS
        names = ", ".join(job.name for job in registered_jobs())
        logger.info("Worker started, polling every %d s; jobs: %s", poll_seconds, names)

        while not stop.is_set():
            # A worker lives for weeks; drop database connections that went stale.
            close_old_connections()
            run_due_jobs()
            deliver_due()
            stop.wait(poll_seconds)

        logger.info("Worker stopped")
