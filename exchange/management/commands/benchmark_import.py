from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from exchange import benchmark
from exchange.progress import TextBar


class Command(BaseCommand):
    help = (
        "Generate a OneRoster 1.2 package of many students with a term's "
        "gradebook, import it inside a transaction, report rows per second (and, "
        "on PostgreSQL, the time of a COPY of the same scores), and roll "
        "everything back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--students",
            type=int,
            default=10000,
            help="How many students (about 105 results each).",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Seed for the random choices."
        )
        parser.add_argument(
            "--again",
            action="store_true",
            help="Import the same package a second time and time that too.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bar = TextBar(lambda text: self.stderr.write(text, ending=""))
        try:
            report = benchmark.run(
                options["students"], options["seed"], bar, options["again"]
            )
        finally:
            bar.close()
        self.stdout.write("\n".join(benchmark.lines(report)))
