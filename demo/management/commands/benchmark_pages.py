from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from demo import benchmark


class Command(BaseCommand):
    help = (
        "Build a school with a term of grades inside a transaction, time the "
        "family pages for a sample of parents, and roll everything back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--students", type=int, default=2000, help="How many students to build."
        )
        parser.add_argument(
            "--parents", type=int, default=20, help="How many parents to sign in as."
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Seed for the random choices."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        allowed = settings.ALLOWED_HOSTS

        # The test client's requests come from "testserver".
        settings.ALLOWED_HOSTS = [*allowed, "testserver"]
        try:
            report = benchmark.run(
                options["students"], options["parents"], options["seed"]
            )
        finally:
            settings.ALLOWED_HOSTS = allowed

        self.stdout.write("\n".join(benchmark.table(report)))
