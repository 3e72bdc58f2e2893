"""The worker's side of the office page: the imports and exports it queued.

The page queues an ImportRun or an ExportRun; `manage.py run_exchange` (or
another worker calling `run_waiting`) carries them out one at a time, and the
outcome goes to the run's row for the page to show.
"""

from exchange import export_runs, import_runs
from exchange.models import ExportRun, ImportRun
from exchange.runs import claim_next, fail_abandoned


def run_waiting() -> int:
    """Carry out every run waiting now, imports first; how many there were."""
    fail_abandoned(ImportRun)
    fail_abandoned(ExportRun)
    export_runs.expire_old()

    count = 0
    while (run := claim_next(ImportRun)) is not None:
        import_runs.carry_out(run)
        count += 1
    while (export := claim_next(ExportRun)) is not None:
        export_runs.carry_out(export)
        count += 1
    return count
