"""Imports the office starts on its page: the upload kept, then carried out.

The upload view keeps the files in var/imports/ under names of Homeroom's
making and queues an ImportRun; the worker (exchange/worker.py) claims it and
calls `carry_out`, which stores the summary or the problems on the run and
deletes the files.
"""

import logging
import uuid
from dataclasses import asdict
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from accounts.models import Account
from exchange.importing import import_contacts, import_package
from exchange.models import ImportRun
from exchange.problems import Problem
from exchange.runs import ProgressFile, finish, folder, progress_path
from exchange.summary import Summary

logger = logging.getLogger(__name__)

# The page lists this many problems; the command line lists every one.
SHOWN_PROBLEMS = 2000
FOLDER = "imports"


def queue_import(
    account: Account,
    package: UploadedFile | None,
    contacts: UploadedFile | None,
    dry_run: bool,
) -> ImportRun:
    run = ImportRun(created_by=account, dry_run=dry_run)
    if package is not None:
        run.package_name = (package.name or "")[:255]
        run.package_file = keep_upload(package, ".zip")
    if contacts is not None:
        run.contacts_name = (contacts.name or "")[:255]
        run.contacts_file = keep_upload(contacts, ".csv")
    run.save()
    return run


def keep_upload(upload: UploadedFile, suffix: str) -> str:
    """The file under a name of Homeroom's making; the uploaded name is not a path."""
    name = f"{uuid.uuid4().hex}{suffix}"
    with (folder(FOLDER) / name).open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return name


def carry_out(run: ImportRun) -> None:
    progress = ProgressFile(progress_path(run))
    try:
        outcome = start(run, progress)
    except Exception as error:
        # The error's own text may quote a value from the file, such as a name.
        logger.error("Import run %s stopped: %s", run.pk, type(error).__name__)
        finish(run, ImportRun.Status.FAILED)
    else:
        record_outcome(run, outcome)
    finally:
        discard_files(run)


def start(run: ImportRun, progress: ProgressFile) -> Summary | list[Problem]:
    uploads = folder(FOLDER)
    contacts = uploads / run.contacts_file if run.contacts_file else None
    if not run.package_file and contacts is not None:
        return import_contacts(
            contacts,
            progress,
            dry_run=run.dry_run,
            actor=run.created_by,
            name=run.contacts_name,
        )
    return import_package(
        uploads / run.package_file,
        progress,
        contacts=contacts,
        dry_run=run.dry_run,
        actor=run.created_by,
    )


def record_outcome(run: ImportRun, outcome: Summary | list[Problem]) -> None:
    if isinstance(outcome, list):
        run.problems = [as_json(problem) for problem in outcome[:SHOWN_PROBLEMS]]
        run.problem_count = len(outcome)
        finish(run, ImportRun.Status.REJECTED)
        return

    run.summary = outcome.as_dict()
    run.warnings = [as_json(w) for w in outcome.warnings[:SHOWN_PROBLEMS]]
    run.rows = outcome.rows
    run.seconds = round(outcome.seconds, 1)
    finish(run, ImportRun.Status.CHECKED if run.dry_run else ImportRun.Status.DONE)


def as_json(problem: Problem) -> dict[str, Any]:
    return asdict(problem)


def discard_files(run: ImportRun) -> None:
    """The uploads hold families' records: they go as soon as the run is over."""
    uploads = folder(FOLDER)
    for name in (run.package_file, run.contacts_file):
        if name:
            (uploads / name).unlink(missing_ok=True)
    progress_path(run).unlink(missing_ok=True)
