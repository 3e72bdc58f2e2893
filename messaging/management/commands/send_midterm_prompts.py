"""Send the mid-term prompts and invitations due today; safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from messaging.prompts import Selection, send_midterm_prompts


class Command(BaseCommand):
    help = (
        "Email parents who have not signed in lately, once per marking period, "
        "from its mid-point to its end (and invite contacts without an account "
        "when HOMEROOM_INVITE_CONTACTS is on)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would get an email, and send nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        selection = send_midterm_prompts(dry_run=dry_run)

        if selection.period is None:
            self.stdout.write("No marking period is past its mid-point today.")
            return

        self.stdout.write(summary(selection, dry_run))
        if dry_run:
            for account in selection.accounts:
                self.stdout.write(f"prompt: {account.username}")
            for contact in selection.contacts:
                self.stdout.write(f"invitation: contact {contact.pk}")


def summary(selection: Selection, dry_run: bool) -> str:
    verb = "Would send" if dry_run else "Sent"
    prompts, invitations = len(selection.accounts), len(selection.contacts)
    return (
        f"{selection.period}: {verb} {prompts} prompt(s) "
        f"and {invitations} invitation(s)."
    )
