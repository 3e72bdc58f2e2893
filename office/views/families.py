"""Looking a family up, and the office's page about one student and its contacts."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import SignIn
from office.forms import FamilySearchForm
from office.search import find_students
from records.models import CorrectionRequest, Student, StudentContact
from staff.access import office_account, office_student, office_students

RECENT_SIGN_INS = 10


@login_required
def families(request: HttpRequest) -> HttpResponse:
    # The search goes by POST so that names and student numbers stay out of
    # addresses, browser history and server logs.
    account = office_account(request)

    form = FamilySearchForm(request.POST or None)
    found = None
    if form.is_valid():
        found = find_students(office_students(account), form.cleaned_data["query"])

    context = {"form": form, "found": found, "staff_tab": "families"}
    return render(request, "office/families.html", context)


@login_required
def student(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = office_student(request, public_id)

    context = {
        "student": student,
        "links": contacts_on_file(student),
        "corrections": CorrectionRequest.objects.filter(
            student=student, status=CorrectionRequest.Status.OPEN
        ).order_by("created_at"),
        "staff_tab": "families",
    }
    return render(request, "office/student.html", context)


def contacts_on_file(student: Student) -> QuerySet[StudentContact]:
    """The student's contacts, each with its account and that account's sign-ins."""
    recent = SignIn.objects.order_by("-at", "-pk")[:RECENT_SIGN_INS]
    return (
        StudentContact.objects.filter(student=student)
        .select_related("contact__account")
        .prefetch_related(
            Prefetch("contact__account__sign_ins", recent, to_attr="recent_sign_ins")
        )
        .order_by("contact__last_name", "contact__first_name", "pk")
    )
