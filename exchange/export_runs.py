"""Exports the office asks for on its page: written by the worker, kept a day.

A district's package can take a minute or more to write, longer than a web
request may last, so the page queues an ExportRun and the worker
(exchange/worker.py) writes the zip to var/exports/. It is kept for a day to
download, then deleted: it holds every family's records.
"""

import datetime
import logging
import uuid
from pathlib import Path

from django.utils import timezone

from accounts.models import Account
from exchange.export import export_package
from exchange.models import ExportRun
from exchange.runs import ProgressFile, finish, folder, progress_path

logger = logging.getLogger(__name__)

KEPT_FOR = datetime.timedelta(days=1)
FOLDER = "exports"


def queue_export(account: Account) -> ExportRun:
    return ExportRun.objects.create(created_by=account)


def carry_out(run: ExportRun) -> None:
    name = f"{uuid.uuid4().hex}.zip"
    path = folder(FOLDER) / name
    progress = ProgressFile(progress_path(run))
    try:
        with path.open("wb") as out:
            report = export_package(out, progress)
    except Exception as error:
        # The error's own text may quote a stored value, such as a name.
        logger.error("Export run %s stopped: %s", run.pk, type(error).__name__)
        path.unlink(missing_ok=True)
        finish(run, ExportRun.Status.FAILED)
    else:
        run.file = name
        run.rows = report.rows
        run.identified = report.identified
        run.left_out = report.left_out
        finish(run, ExportRun.Status.DONE)
    finally:
        progress_path(run).unlink(missing_ok=True)


def export_file(run: ExportRun) -> Path | None:
    """The zip to download, while it is kept."""
    if run.status != ExportRun.Status.DONE or not run.file:
        return None
    path = folder(FOLDER) / run.file
    return path if path.exists() else None


def expire_old() -> None:
    limit = timezone.now() - KEPT_FOR
    for run in ExportRun.objects.filter(
        status=ExportRun.Status.DONE, finished_at__lt=limit
    ):
        (folder(FOLDER) / run.file).unlink(missing_ok=True)
        run.file = ""
        run.status = ExportRun.Status.EXPIRED
        run.save(update_fields=["file", "status"])
