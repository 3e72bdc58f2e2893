"""Write Homeroom's rosters and gradebooks as a OneRoster 1.2 bulk zip."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.export import ExportReport, export_contacts, export_package
from exchange.progress import TextBar


class Command(BaseCommand):
    help = (
        "Export schools, school years and marking periods, courses, sections, "
        "teachers, students, contacts, enrollments, birth dates and gradebooks as "
        "a OneRoster 1.2 bulk zip that import_oneroster reads back unchanged. "
        "Records made in Homeroom are given a sourcedId, which is kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The zip file to write.")
        parser.add_argument(
            "--contacts",
            metavar="FILE",
            help="Also write the contacts file (addresses, relationships, online "
            "access: what OneRoster does not carry), as exchange/CONTACTS.md "
            "describes it.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the files if they exist.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        contacts = Path(options["contacts"]) if options["contacts"] else None
        for target in filter(None, [path, contacts]):
            check_target(target, options["force"])

        bar = TextBar(lambda text: self.stderr.write(text, ending=""))
        try:
            with path.open("wb") as out:
                report = export_package(out, bar)
        finally:
            bar.close()
        if contacts is not None:
            with contacts.open("wb") as out:
                rows = export_contacts(out)

        self.report(report, path)
        if contacts is not None:
            self.stdout.write(f"{rows:,} contact rows written to {contacts}.")

    def report(self, report: ExportReport, path: Path) -> None:
        for file, count in report.rows.items():
            self.stdout.write(f"{file:<22} {count:>10,}")
        given = sum(report.identified.values())
        if given:
            self.stdout.write(
                f"{given:,} records made in Homeroom were given a sourcedId."
            )
        for what in report.left_out:
            self.stdout.write(f"Left out: {what}.")
        self.stdout.write(
            self.style.SUCCESS(f"{report.total_rows:,} rows written to {path}.")
        )


def check_target(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise CommandError(f"{path} exists already. Add --force to replace it.")
    if not path.parent.is_dir():
        raise CommandError(f"There is no folder {path.parent} to write {path.name} in.")
