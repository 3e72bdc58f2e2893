"""Carry out the imports and exports queued on the office page: once, or until
told to stop."""

import logging
import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from exchange.worker import run_waiting

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
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

        stop = threading.Event()

        def request_stop(number: int, frame: FrameType | None) -> None:
            stop.set()

        previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
        for number in STOP_SIGNALS:
            signal.signal(number, request_stop)
        try:
            self.run_until(stop)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    def run_until(self, stop: threading.Event) -> None:
        """A stop signal ends the loop between two runs, never inside one."""
        logger.info("Exchange worker started, polling every %d s", POLL_SECONDS)
        while not stop.is_set():
            close_old_connections()
            run_waiting()
            stop.wait(POLL_SECONDS)
        logger.info("Exchange worker stopped")
