"""Interim progress reports families asked for: the queue, the PDF, marking sent."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from accounts.models import Account
from audit.record import record_access
from office.interims import InterimReport, interim_report, office_requests
from office.mailing import Address, home_address, preferring, recipients_by_student
from office.models import InterimRequest
from outbox.compose import queue_email
from records.models import StudentContact
from reports.pdf import render_pdf
from staff.access import office_account

RECENTLY_SENT = 20

NO_PERIOD = (
    "No marking period has started yet, so there is nothing to report. "
    "Produce the report once the marking period has begun."
)


@login_required
def interims(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    requests = office_requests(account)
    waiting = list(requests.filter(status=InterimRequest.Status.REQUESTED))
    sent = requests.filter(status=InterimRequest.Status.SENT).order_by("-sent_at")
    found = addresses(waiting)

    context = {
        "staff_tab": "interims",
        "waiting": [(item, found[item.pk]) for item in waiting],
        "sent": sent[:RECENTLY_SENT],
    }
    return render(request, "office/interims.html", context)


@login_required
def interim_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    account = office_account(request)
    item = office_request(account, pk)

    report = interim_report(item.student, timezone.localdate())
    if report is None:
        messages.error(request, NO_PERIOD)
        return redirect("office:interims")

    record_access(account, item.student, "office:interim_pdf")
    # The family reads the report: their language, not the office's.
    with translation.override(item.account.language or settings.LANGUAGE_CODE):
        context = pdf_context(item, report)
        pdf = render_pdf("office/interim_pdf.html", context, request)
    disposition = content_disposition_header(
        as_attachment=True, filename=report.filename
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": disposition},
    )


@login_required
@require_POST
def mark_sent(request: HttpRequest, pk: int) -> HttpResponse:
    account = office_account(request)
    item = office_request(account, pk)

    refusal = refusal_to_send(item)
    if refusal:
        messages.error(request, refusal)
        return redirect("office:interims")

    report = interim_report(item.student, timezone.localdate())
    if report is None:
        messages.error(request, NO_PERIOD)
        return redirect("office:interims")

    if not send(item, report, account):
        messages.info(request, "Someone marked this request sent a moment ago.")
        return redirect("office:interims")

    record_access(account, item.student, "office:interim_sent")
    messages.success(request, sent_message(item))
    return redirect("office:interims")


def office_request(account: Account, pk: int) -> InterimRequest:
    """A request for a student this office account may see; any other is not found."""
    item = office_requests(account).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def refusal_to_send(item: InterimRequest) -> str:
    if item.status == InterimRequest.Status.SENT:
        return "This request was already marked sent."
    if item.delivery == InterimRequest.Delivery.EMAIL and not item.account.email:
        return (
            "The account that asked has no email address on file. "
            "Print the report and mail it instead, then mark it sent."
        )
    return ""


def send(item: InterimRequest, report: InterimReport, account: Account) -> bool:
    """Mark the request sent and, for email, queue the report: both or neither.

    The update only applies to a request still waiting, so two people pressing
    the button at once send one email.
    """
    with transaction.atomic():
        now = timezone.now()
        updated = InterimRequest.objects.filter(
            pk=item.pk, status=InterimRequest.Status.REQUESTED
        ).update(status=InterimRequest.Status.SENT, sent_at=now, sent_by=account)
        if not updated:
            return False

        if item.delivery == InterimRequest.Delivery.EMAIL:
            queue_email(
                item.account.email,
                "office/email/interim_report",
                email_context(report),
                language=item.account.language,
            )
    return True


def sent_message(item: InterimRequest) -> str:
    name = item.student.full_name
    if item.delivery == InterimRequest.Delivery.EMAIL:
        return f"The interim report for {name} is in the outbox and marked sent."
    return f"The interim report for {name} is marked sent by mail."


def addresses(items: list[InterimRequest]) -> dict[int, Address | None]:
    """Each request's home address on file, the asking parent's own first.

    Every contact of every student is loaded in one query.
    """
    links = StudentContact.objects.filter(
        student_id__in={item.student_id for item in items}
    ).select_related("contact__account")
    by_student = recipients_by_student(links)
    return {
        item.pk: home_address(
            preferring(by_student.get(item.student_id, ()), item.account_id)
        )
        for item in items
    }


def pdf_context(item: InterimRequest, report: InterimReport) -> dict[str, object]:
    context: dict[str, object] = {"report": report, "student": report.student}
    if item.delivery == InterimRequest.Delivery.MAIL:
        address = addresses([item])[item.pk]
        context["mailing_address"] = address.mailing_lines if address else []
    return context


def email_context(report: InterimReport) -> dict[str, object]:
    overview = reverse("family:child", args=[report.student.public_id])
    return {
        "report": report,
        "student": report.student,
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
        "overview_url": settings.HOMEROOM_SITE_URL.rstrip("/") + overview,
    }
