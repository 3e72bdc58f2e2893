from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from demo import district, roster

REFUSAL = (
    "The demo district comes with published passwords, so it loads only when "
    "DEBUG is on. Set DEBUG=true for a local trial, or pass --force if you are "
    "sure this is not a production database."
)


class Command(BaseCommand):
    help = (
        "Load a demo district: two schools, their students, families and sign-ins, "
        "and a school year with schedules, grades and attendance."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off. Never use this on a production database.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(REFUSAL)

        summary = district.load(timezone.localdate())

        self.stdout.write(self.style.SUCCESS(counts_line(summary)))
        self.stdout.write("")
        self.stdout.write(sign_ins_table())
        self.stdout.write("")
        self.stdout.write("\n".join(f"- {line}" for line in roster.TRY_THESE))


def counts_line(summary: district.Summary) -> str:
    return (
        f"Demo district loaded: {summary.schools} schools, "
        f"{summary.students} students, {summary.contacts} contacts, "
        f"{summary.accounts} accounts.\n"
        f"School year 2026-2027: {summary.sections} sections, "
        f"{summary.enrollments} enrollments, {summary.assignments} assignments, "
        f"{summary.scores} scores, {summary.attendance_marks} attendance marks, "
        f"{summary.report_card_grades} report card grades."
    )


def sign_ins_table() -> str:
    width = max(len(sign_in.username) for sign_in in roster.SIGN_INS) + 2
    rows = [f"  {s.username:<{width}}{s.password:<20}{s.who}" for s in roster.SIGN_INS]
    return "\n".join(["Sign in as:", *rows])
