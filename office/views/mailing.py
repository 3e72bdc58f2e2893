"""Report cards by mail: one PDF per school, one envelope per household."""

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from accounts.models import Account
from audit.models import Access
from gradebook.models import ReportCardGrade
from office import mailing
from office.mailing import Address, Addressed, Homeroom
from records.models import Enrollment, MarkingPeriod, School, StudentContact
from reports.pdf import render_pdf
from reports.report_cards import ReportCard
from staff.access import office_account, office_schools

ORDERS = {
    "homeroom": mailing.sorted_by_homeroom,
    "family": mailing.sorted_by_family,
}


class MailingForm(forms.Form):
    """Which report cards to print: the marking period, the school, the order."""

    order = forms.ChoiceField(
        choices=[("homeroom", "By homeroom"), ("family", "By family")],
        initial="homeroom",
        widget=forms.RadioSelect,
    )

    def __init__(self, account: Account, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        periods = MarkingPeriod.objects.filter(start__lte=today).order_by("-start")
        ended = periods.filter(end__lt=today).first()
        schools = [school.pk for school in office_schools(account)]

        self.fields["marking_period"] = forms.ModelChoiceField(
            queryset=periods, empty_label=None, initial=ended.pk if ended else None
        )
        self.fields["school"] = forms.ModelChoiceField(
            queryset=School.objects.filter(pk__in=schools), empty_label=None
        )
        self.order_fields(["marking_period", "school", "order"])


@dataclass(frozen=True)
class Letter:
    """One envelope: the household's address, then each child's report card."""

    address: Address
    report_cards: list[tuple[Addressed, ReportCard]]

    @property
    def language(self) -> str:
        """The household's language: the letter is printed in it."""
        return self.address.language or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Mailing:
    school: School
    period: MarkingPeriod
    letters: list[Letter]
    without_address: list[Addressed]

    @property
    def report_card_count(self) -> int:
        return sum(len(letter.report_cards) for letter in self.letters)

    @property
    def filename(self) -> str:
        name = slugify(f"{self.school.name} {self.period.name}")
        return f"report-cards-by-mail-{name}.pdf"


@login_required
def report_cards_by_mail(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    today = timezone.localdate()
    form = MailingForm(account, today, data=request.GET or None)
    if not form.is_valid():
        return page(request, form, None, status=200)

    return page(request, form, mailing_for(form.cleaned_data, today), status=200)


@login_required
def report_cards_by_mail_pdf(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    today = timezone.localdate()
    form = MailingForm(account, today, data=request.GET)
    if not form.is_valid():
        return page(request, form, None, status=400)

    found = mailing_for(form.cleaned_data, today)
    if refusal(found):
        return page(request, form, found, status=400)

    record_printing(account, found)
    pdf = render_pdf("office/report_cards_pdf.html", {"mailing": found}, request)
    disposition = content_disposition_header(
        as_attachment=True, filename=found.filename
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": disposition},
    )


def page(
    request: HttpRequest, form: MailingForm, found: Mailing | None, status: int
) -> HttpResponse:
    context = {
        "staff_tab": "report_cards_by_mail",
        "form": form,
        "mailing": found,
        "refusal": refusal(found) if found else "",
        "query": request.GET.urlencode(),
    }
    return render(request, "office/mailing.html", context, status=status)


def refusal(found: Mailing) -> str:
    """Why there is nothing to print yet, in words that say what to do."""
    if not found.letters and not found.without_address:
        return (
            f"No report card grades for {found.period.name} at {found.school.name} "
            "are posted yet. Teachers post them after the marking period ends; "
            "print the report cards once they have."
        )
    if not found.letters:
        return (
            "No student with posted grades has a home address on file. Add the "
            "addresses to the students' contacts, then print again."
        )
    return ""


def mailing_for(choice: dict[str, Any], today: datetime.date) -> Mailing:
    """Every posted report card of the school and period, by household.

    Grades, contacts and homerooms are each loaded in one query, so the
    number of queries does not grow with the number of students.
    """
    school, period = choice["school"], choice["marking_period"]
    cards = report_cards(posted_grades(school, period, today))
    recipients = mailing.recipients_by_student(contacts_of(cards))
    homerooms = homerooms_of(cards, period, today)

    addressed = [
        Addressed(card.grades[0].student, recipients.get(pk, ()), homerooms.get(pk))
        for pk, card in cards.items()
    ]
    households, without = mailing.households(addressed)
    letters = [
        Letter(
            home.address, [(child, cards[child.student.pk]) for child in home.students]
        )
        for home in ORDERS[choice["order"]](households)
    ]
    return Mailing(school, period, letters, sorted(without, key=mailing.homeroom_key))


def posted_grades(
    school: School, period: MarkingPeriod, today: datetime.date
) -> QuerySet[ReportCardGrade]:
    return (
        ReportCardGrade.objects.filter(
            marking_period=period,
            student__school=school,
            student__active=True,
            posted_on__lte=today,
        )
        .select_related(
            "student__school",
            "marking_period__school_year",
            "section__course",
            "section__teacher",
        )
        .order_by("student_id", "section__period", "section__course__title")
    )


def report_cards(grades: QuerySet[ReportCardGrade]) -> dict[int, ReportCard]:
    """Each student's report card, by the student's key."""
    by_student: dict[int, list[ReportCardGrade]] = {}
    for grade in grades:
        by_student.setdefault(grade.student_id, []).append(grade)
    return {
        pk: ReportCard(rows[0].marking_period, rows) for pk, rows in by_student.items()
    }


def contacts_of(cards: dict[int, ReportCard]) -> QuerySet[StudentContact]:
    return StudentContact.objects.filter(student_id__in=list(cards)).select_related(
        "contact__account"
    )


def homerooms_of(
    cards: dict[int, ReportCard], period: MarkingPeriod, today: datetime.date
) -> dict[int, Homeroom]:
    """Each student's homeroom section in the period: its room and teacher."""
    day = min(today, period.end)
    enrollments = (
        Enrollment.objects.on(day)
        .filter(
            student_id__in=list(cards),
            section__is_homeroom=True,
            section__marking_periods=period,
        )
        .select_related("section__teacher")
        .order_by("start", "pk")
    )
    return {
        enrollment.student_id: Homeroom(
            enrollment.section.room,
            enrollment.section.teacher.get_full_name()
            if enrollment.section.teacher
            else "",
        )
        for enrollment in enrollments
    }


def record_printing(account: Account, found: Mailing) -> None:
    """Note that the office printed each student's report card, in one query."""
    Access.objects.bulk_create(
        Access(actor=account, student=child.student, page="office:report_cards_pdf")
        for letter in found.letters
        for child, card in letter.report_cards
    )
