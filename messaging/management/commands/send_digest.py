"""Send this week's digest to the parents who asked for it; safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand

from messaging.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email this week's summary to every parent who asked for it, or has "
        "alerts held for it: at most one a week each, whenever it runs. The "
        "worker sends it on HOMEROOM_DIGEST_WEEKDAY at HOMEROOM_DIGEST_HOUR."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digests()
        self.stdout.write(f"Sent {sent} weekly digest(s).")
