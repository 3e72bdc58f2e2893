from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.importing import import_package
from exchange.problems import Problem
from exchange.progress import TextBar
from exchange.summary import Summary


class Command(BaseCommand):
    help = (
        "Import a OneRoster 1.1 or 1.2 package (a zip, or a folder of its CSV "
        "files), and optionally a contacts file. Every row is checked first: if "
        "anything is wrong, every problem is listed and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The OneRoster zip file or folder.")
        parser.add_argument(
            "--contacts",
            metavar="FILE",
            help="A contacts CSV file with addresses and online access "
            "(see exchange/CONTACTS.md).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check everything and count what would change; write nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bar = TextBar(lambda text: self.stderr.write(text, ending=""))
        try:
            outcome = import_package(
                options["path"],
                bar,
                contacts=options["contacts"],
                dry_run=options["dry_run"],
            )
        finally:
            bar.close()

        if isinstance(outcome, list):
            self.report_problems(outcome)
        self.report(outcome)

    def report_problems(self, problems: list[Problem]) -> NoReturn:
        for problem in problems:
            self.stderr.write(f"- {problem}")
        count = len(problems)
        raise CommandError(
            f"{count} problem{'s' if count != 1 else ''} found; nothing was "
            "imported. Correct the files and run the import again."
        )

    def report(self, summary: Summary) -> None:
        for warning in summary.warnings:
            self.stdout.write(f"Warning: {warning}")
        if summary.warnings:
            self.stdout.write("")

        self.stdout.write("\n".join(summary.table()))
        self.stdout.write("")
        rate = summary.rows / summary.seconds if summary.seconds else 0
        timing = (
            f"{summary.rows:,} rows in {summary.seconds:.1f} s ({rate:,.0f} rows/s)"
        )
        if summary.dry_run:
            self.stdout.write(f"Dry run: nothing was written. {timing}.")
        elif summary.changed:
            self.stdout.write(self.style.SUCCESS(f"Imported: {timing}."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Nothing to change: Homeroom was up to date. {timing}."
                )
            )
