"""The import page: upload, then follow the run to its summary or its problems."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from exchange.access import district_account
from exchange.forms import ImportForm
from exchange.import_runs import queue_import
from exchange.models import ImportRun
from exchange.plan import KINDS
from exchange.runs import progress_of
from staff.access import office_account

RECENT = 20


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    account = district_account(request)

    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    if posted and form.is_valid():
        run = queue_import(
            account,
            form.cleaned_data["package"],
            form.cleaned_data["contacts"],
            form.cleaned_data["dry_run"],
        )
        return redirect("exchange:import_run", run.pk)

    context = {
        "form": form,
        "runs": ImportRun.objects.select_related("created_by")[:RECENT],
        "staff_tab": "exchange",
    }
    return render(request, "exchange/import.html", context)


@login_required
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    district_account(request)

    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)

    context = {
        "run": run,
        "counts": summary_rows(run),
        "progress": progress_of(run),
        "staff_tab": "exchange",
    }
    return render(request, "exchange/import_run.html", context)


@login_required
def import_progress(request: HttpRequest, pk: int) -> JsonResponse:
    district_account(request)

    run = get_object_or_404(ImportRun, pk=pk)
    return JsonResponse(progress_of(run))


@login_required
def contacts_template(request: HttpRequest) -> HttpResponse:
    """The contacts file's header row, for the office to fill in a spreadsheet."""
    office_account(request)

    text = render_to_string("exchange/contacts_template.csv")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contacts_template.csv"'
    return response


def summary_rows(run: ImportRun) -> list[dict[str, object]]:
    """The summary's counts, one row per kind of record, in the import's order."""
    counts = run.summary or {}
    kinds = [kind for kind in KINDS if kind in counts]
    kinds += [kind for kind in counts if kind not in KINDS]
    return [{"kind": kind, **counts[kind]} for kind in kinds]
