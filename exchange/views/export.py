"""The export page: the rosters and gradebooks as a OneRoster 1.2 zip.

The zip is written by the worker, since a district's takes longer than a web
request may last; the page follows it and offers it to download for a day.
The contacts file is small, and written at once.
"""

import logging
import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from exchange.access import district_account
from exchange.export import export_contacts
from exchange.export_runs import export_file, queue_export
from exchange.models import ExportRun
from exchange.runs import progress_of

logger = logging.getLogger(__name__)

RECENT = 10


@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    district_account(request)

    runs = list(ExportRun.objects.select_related("created_by")[:RECENT])
    following = next((run for run in runs if not run.finished), None)

    context = {
        "runs": runs,
        "following": following,
        "progress": progress_of(following) if following else None,
        "staff_tab": "exchange",
    }
    return render(request, "exchange/export.html", context)


@login_required
@require_POST
def start_export(request: HttpRequest) -> HttpResponse:
    """A POST: records made in Homeroom are given sourcedIds on the way out."""
    account = district_account(request)

    queue_export(account)
    return redirect("exchange:export")


@login_required
def export_progress(request: HttpRequest, pk: int) -> JsonResponse:
    district_account(request)

    run = get_object_or_404(ExportRun, pk=pk)
    return JsonResponse(progress_of(run))


@login_required
def download_export(request: HttpRequest, pk: int) -> FileResponse:
    account = district_account(request)

    run = get_object_or_404(ExportRun, pk=pk)
    path = export_file(run)
    if path is None:
        raise Http404
    logger.info("OneRoster export %s downloaded by account %s", run.pk, account.pk)
    day = timezone.localdate(run.created_at).isoformat()
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=f"homeroom-oneroster-{day}.zip"
    )


@login_required
@require_POST
def download_contacts(request: HttpRequest) -> FileResponse:
    account = district_account(request)

    logger.info("Contacts file export by account %s", account.pk)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it once sent
    export_contacts(out)
    out.seek(0)
    day = timezone.localdate().isoformat()
    return FileResponse(
        out, as_attachment=True, filename=f"homeroom-contacts-{day}.csv"
    )
