"""What families wrote about the portal: the office's inbox, newest first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Account
from office.models import Feedback
from staff.access import office_account

PAGE_SIZE = 50


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    visible = feedback_for(account)
    page = Paginator(visible, PAGE_SIZE).get_page(request.GET.get("page"))

    context = {
        "page": page,
        "unread": visible.filter(read_at__isnull=True).count(),
        "staff_tab": "feedback",
    }
    return render(request, "office/feedback_inbox.html", context)


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    account = office_account(request)

    item = get_object_or_404(feedback_for(account), pk=pk)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    return redirect("office:feedback")


def feedback_for(account: Account) -> QuerySet[Feedback]:
    """District administrators read all; a school's office, its own families'."""
    everything = Feedback.objects.select_related("account").order_by(
        "-created_at", "-pk"
    )
    if account.kind == Account.Kind.DISTRICT:
        return everything
    if account.kind != Account.Kind.STAFF or not account.school_id:
        return everything.none()

    school = account.school_id
    families = Account.objects.filter(
        Q(contacts__students__school_id=school) | Q(student_record__school_id=school)
    )
    return everything.filter(account__in=families)
