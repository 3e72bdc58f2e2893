"""Report cards: the official marks per marking period, and each one as a PDF."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from family.access import student_for, student_page
from reports.pdf import render_pdf
from reports.report_cards import posted_report_card, posted_report_cards


@login_required
def report_cards(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    cards = posted_report_cards(student, timezone.localdate())

    context = student_page(request, student, "report_cards")
    context["report_cards"] = cards
    return render(request, "family/report_cards.html", context)


@login_required
def report_card_pdf(
    request: HttpRequest, public_id: UUID, period_id: int
) -> HttpResponse:
    student = student_for(request, public_id)

    card = posted_report_card(student, period_id, timezone.localdate())
    if card is None:
        raise Http404

    context = {"student": student, "report_card": card}
    pdf = render_pdf("reports/report_card.html", context, request)
    disposition = content_disposition_header(as_attachment=True, filename=card.filename)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": disposition},
    )
