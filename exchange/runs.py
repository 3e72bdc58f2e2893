"""What imports and exports run by the worker share: claiming, progress, files.

A run is claimed with one conditional update, so however many workers there
are, it is carried out once. The uploads, the exports and the progress files
live in HOMEROOM_VAR_DIR, which the web servers and the worker must share.

Progress goes to a small JSON file, not to the database: an import writes
everything in one transaction, so rows it wrote would be seen by no one until
the end, and SQLite lets no other connection write meanwhile.
"""

import contextlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from exchange.models import ExportRun, ImportRun

logger = logging.getLogger(__name__)

# A run whose progress has not moved for this long belongs to a worker that
# died. An import's transaction died with it, so nothing was written.
ABANDONED_AFTER = 15 * 60
PROGRESS_EVERY = 0.5  # seconds between two writes of a progress file

Run = TypeVar("Run", ImportRun, ExportRun)


def folder(name: str) -> Path:
    path = Path(settings.VAR_DIR) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def claim_next(model: type[Run]) -> Run | None:
    for pk in model.objects.waiting().values_list("pk", flat=True)[:20]:
        claimed = (
            model.objects.waiting()
            .filter(pk=pk)
            .update(status="running", started_at=timezone.now())
        )
        if claimed:
            return model.objects.get(pk=pk)
    return None


def finish(run: models.Model, status: str) -> None:
    run.status = status  # type: ignore[attr-defined]
    run.finished_at = timezone.now()  # type: ignore[attr-defined]
    run.save()


def fail_abandoned(model: type[Run]) -> None:
    limit = time.time() - ABANDONED_AFTER
    for run in model.objects.running():
        path = progress_path(run)
        moved = path.stat().st_mtime if path.exists() else 0.0
        started = run.started_at.timestamp() if run.started_at else 0.0
        if max(moved, started) < limit:
            logger.warning("%s was abandoned by its worker", run)
            finish(run, "failed")
            path.unlink(missing_ok=True)


def progress_path(run: ImportRun | ExportRun) -> Path:
    kind = "import" if isinstance(run, ImportRun) else "export"
    return folder("progress") / f"{kind}-{run.pk}.json"


class ProgressFile:
    """A progress callback: the step and counts, written now and then."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.step: str | None = None
        self.written_at = 0.0

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        moved_on = step != self.step or done >= total
        if not moved_on and now - self.written_at < PROGRESS_EVERY:
            return
        self.step, self.written_at = step, now
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"step": step, "done": done, "total": total}))
        os.replace(temporary, self.path)


def progress_of(run: ImportRun | ExportRun) -> dict[str, Any]:
    """What the page's progress bar shows: the run's status and, while it runs,
    the step and how far it has gone."""
    progress: dict[str, Any] = {"step": "", "done": 0, "total": 0}
    if run.status == "running":
        # Not written yet, or being replaced: the next poll reads it.
        with contextlib.suppress(OSError, ValueError):
            progress |= json.loads(progress_path(run).read_text())
    return {
        "status": run.status,
        "status_label": run.get_status_display(),
        "finished": run.finished,
        **progress,
    }
