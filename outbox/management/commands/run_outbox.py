"""Deliver the outbox: once, or every few seconds until told to stop."""

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from homeroom.worker import stop_on_signals
from outbox.delivery import deliver_due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Deliver the emails waiting in the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Deliver what is due now, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            sent = deliver_due()
            self.stdout.write(f"Sent {sent} message(s).")
            return

        with stop_on_signals() as stop:
            self.run_until(stop)

    def run_until(self, stop: threading.Event) -> None:
        """Deliver every few seconds; a stop signal ends the loop between runs."""
        poll_seconds = settings.OUTBOX_POLL_SECONDS
        logger.info("Outbox worker started, polling every %d s", poll_seconds)

        while not stop.is_set():
            # A worker lives for weeks; drop database connections that went stale.
            close_old_connections()
            deliver_due()
            stop.wait(poll_seconds)

        logger.info("Outbox worker stopped")
