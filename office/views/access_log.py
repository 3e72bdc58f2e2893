"""The record of access: who looked at or changed which student's records, and when."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet, Value
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import Account
from audit.models import Access, Change
from office.forms import AccessLogForm
from office.search import matching_student_ids
from staff.access import office_account, office_students

PER_PAGE = 50

Row = tuple[Any, int, str]  # when, the record's key, "view" or "change"


@dataclass(frozen=True)
class Entry:
    """One line of the record: a look at a student's page, or one changed field."""

    kind: str
    record: Access | Change


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    # Searches go by POST, pages too, so that names and student numbers stay
    # out of addresses and server logs.
    account = office_account(request)

    form = AccessLogForm(request.POST or None)
    if form.is_bound and not form.is_valid():
        return render_log(request, form, None, status=400)

    conditions = log_conditions(account, form.cleaned_data if form.is_bound else {})
    paginator = Paginator(timeline(conditions), PER_PAGE)
    page = paginator.get_page(request.POST.get("page"))
    return render_log(request, form, page, status=200)


def render_log(
    request: HttpRequest, form: AccessLogForm, page: Any, status: int
) -> HttpResponse:
    context = {
        "form": form,
        "page": page,
        "entries": [] if page is None else entries_for(list(page.object_list)),
        "staff_tab": "access_log",
    }
    return render(request, "office/access_log.html", context, status=status)


def log_conditions(account: Account, search: dict[str, Any]) -> dict[str, Any]:
    """The filters both kinds of lines share: the office's reach, then the search."""
    students = office_students(account)
    conditions: dict[str, Any] = {"student__in": students}

    if search.get("student"):
        conditions["student__in"] = matching_student_ids(students, search["student"])
    if search.get("username"):
        conditions["actor__username__iexact"] = search["username"].strip()
    if search.get("since"):
        conditions["at__date__gte"] = search["since"]
    if search.get("until"):
        conditions["at__date__lte"] = search["until"]
    return conditions


def timeline(conditions: dict[str, Any]) -> QuerySet[Any]:
    """Views and changes as one list of (when, key, kind), newest first."""
    views = (
        Access.objects.filter(**conditions)
        .order_by()
        .annotate(kind=Value("view"))
        .values_list("at", "pk", "kind")
    )
    changes = (
        Change.objects.filter(**conditions)
        .order_by()
        .annotate(kind=Value("change"))
        .values_list("at", "pk", "kind")
    )
    return views.union(changes, all=True).order_by("-at", "-kind", "-pk")


def entries_for(rows: list[Row]) -> list[Entry]:
    """The full lines for one page of the timeline: two queries, whatever its size."""
    views = Access.objects.select_related("actor", "student__school").in_bulk(
        [pk for _, pk, kind in rows if kind == "view"]
    )
    changes = Change.objects.select_related("actor", "student__school").in_bulk(
        [pk for _, pk, kind in rows if kind == "change"]
    )

    return [
        Entry(kind, views[pk] if kind == "view" else changes[pk])
        for _, pk, kind in rows
    ]
