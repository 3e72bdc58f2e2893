"""Carry out the imports and exports queued on the office page: once, or until
told to stop."""

import logging
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from exchange.worker import run_waiting
from homeroom.worker import stop_on_signals

logger = logging.getLogger(__name__)

POLL_SECONDS = 2


class Command(BaseCommand):
    help = (
        "Carry out the OneRoster and contacts imports, and the OneRoster exports, "
        "queued on the office page. It needs the web server's var/ folder "
        "(HOMEROOM_VAR_DIR), where the uploads wait and the exports are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Carry out what is waiting now, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            count = run_waiting()
            self.stdout.write(f"Carried out {count} import(s) and export(s).")
            return

        with stop_on_signals() as stop:
            self.run_until(stop)

    def run_until(self, stop: threading.Event) -> None:
        """A stop signal ends the loop between two runs, never inside one."""
        logger.info("Exchange worker started, polling every %d s", POLL_SECONDS)
        while not stop.is_set():
            close_old_connections()
            run_waiting()
            stop.wait(POLL_SECONDS)
        logger.info("Exchange worker stopped")
