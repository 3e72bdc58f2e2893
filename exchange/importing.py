"""Importing a OneRoster package: everything written in one transaction, or nothing.

    summary_or_problems = import_package("district.zip", progress=bar)

or in two steps, to show the problems or the warnings before writing:

    package = read_package("district.zip")
    summary = apply(package, progress=bar)
"""

import time
from collections.abc import Sized
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone

from accounts.models import Account
from exchange import books, roster
from exchange import columns as c
from exchange.contacts import ContactsFile, ContactWriter, read_contacts
from exchange.package import Package, read_package
from exchange.problems import Problem
from exchange.progress import Meter, Progress
from exchange.run import Run
from exchange.scores import ScoreWriter
from exchange.summary import Summary
from exchange.writing import ChangeLog, batches
from gradebook.models import Gradebook


class NotChecked(Exception):
    """apply() was given a package with problems; nothing was written."""


class RolledBack(Exception):
    """Ends a dry run: the summary is kept, the writes are not."""

    def __init__(self, summary: Summary) -> None:
        super().__init__("dry run")
        self.summary = summary


def apply(
    package: Package,
    progress: Progress | None = None,
    *,
    contacts: ContactsFile | None = None,
    actor: Account | None = None,
) -> Summary:
    """Write the package (and a contacts file) in one transaction; all or nothing."""
    problems = package.problems + (contacts.problems if contacts else [])
    if problems:
        raise NotChecked(f"The package has {len(problems)} problems; nothing written.")

    started = time.monotonic()
    warnings = package.warnings + (contacts.warnings if contacts else [])
    summary = Summary(warnings=list(warnings), rows=package.total_rows)
    total = planned_rows(package) + (len(contacts.rows) if contacts else 0)
    with transaction.atomic():
        run = Run(
            plan=package.plan,
            summary=summary,
            log=ChangeLog(actor),
            meter=Meter(progress, "Writing", total),
            today=timezone.localdate(),
            now=timezone.now(),
        )
        if package.source is not None:
            write_package(run, package)
        if contacts is not None:
            run.step("Writing contacts file")
            ContactWriter(run, contacts).write()
        run.log.save()
    run.meter.finish()

    summary.seconds = time.monotonic() - started
    return summary


def planned_rows(package: Package) -> int:
    """What the write steps count off, for the progress bar."""
    plan = package.plan
    kinds: list[Sized] = [
        plan.schools,
        plan.years,
        plan.periods,
        plan.courses,
        plan.teachers,
        plan.sections,
        plan.students,
        plan.contacts,
        plan.links,
        plan.enrollments,
        plan.gradebooks,
        plan.categories,
        plan.assignments,
    ]
    return sum(map(len, kinds)) + package.rows.get(c.RESULTS, 0)


def write_package(run: Run, package: Package) -> None:
    roster.write_schools(run)
    roster.write_sessions(run)
    roster.write_courses(run)
    roster.write_teachers(run)
    roster.write_sections(run)
    roster.write_students(run)
    roster.write_contacts(run)
    roster.write_links(run)
    roster.write_enrollments(run)

    gradebooks = books.write_gradebooks(run)
    categories = books.write_categories(run, gradebooks)
    books.write_assignments(run, gradebooks, categories)
    scores = ScoreWriter(run)
    if run.plan.results and package.source is not None:
        run.step("Writing scores")
        scores.write(package.source, package.modes[c.RESULTS], package.version)
    scores.remove(package.result_sids)

    for part in batches(sorted(run.touched)):
        Gradebook.objects.filter(pk__in=part).update(updated_at=run.now)


def import_package(
    origin: "str | Path | IO[bytes]",
    progress: Progress | None = None,
    *,
    contacts: "str | Path | IO[bytes] | None" = None,
    dry_run: bool = False,
    actor: Account | None = None,
    contacts_name: str = "",
) -> Summary | list[Problem]:
    """Check, then write; every problem instead if there is any, and nothing written.

    `contacts_name` names the contacts file in problems, if its path does not.
    """
    package = read_package(origin, progress)
    contacts_file = None
    if contacts is not None:
        numbers = {student.number for student in package.plan.students.values()}
        contacts_file = read_contacts(contacts, numbers, contacts_name)
    problems = package.problems + (contacts_file.problems if contacts_file else [])
    if problems:
        return problems

    if not dry_run:
        return apply(package, progress, contacts=contacts_file, actor=actor)
    try:
        with transaction.atomic():
            summary = apply(package, progress, contacts=contacts_file, actor=actor)
            summary.dry_run = True
            raise RolledBack(summary)
    except RolledBack as rollback:
        return rollback.summary


def import_contacts(
    origin: "str | Path | IO[bytes]",
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
    actor: Account | None = None,
    name: str = "",
) -> Summary | list[Problem]:
    """A contacts file alone, for students already on file."""
    contacts = read_contacts(origin, name=name)
    if contacts.problems:
        return contacts.problems
    package = Package(source=None)
    try:
        with transaction.atomic():
            summary = apply(package, progress, contacts=contacts, actor=actor)
            summary.dry_run = dry_run
            if dry_run:
                raise RolledBack(summary)
    except RolledBack as rollback:
        return rollback.summary
    return summary
