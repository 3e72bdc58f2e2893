"""Notice new events and send the alerts that are due; safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand

from messaging.alerts import run_alerts


class Command(BaseCommand):
    help = (
        "Notice missing work, absences, tardies and low averages for parents who "
        "asked for alerts, and send the alerts past their grace period (none in "
        "quiet hours). The worker runs this every few minutes; cron may too."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run_alerts()
