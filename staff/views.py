"""The staff side's front page: what a teacher or the office has to do."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import Account
from records.models import Section
from staff.access import office_schools, staff_account


@login_required
def home(request: HttpRequest) -> HttpResponse:
    account = staff_account(request)

    context = {
        "account": account,
        "is_teacher": account.kind == Account.Kind.TEACHER,
        "sections": Section.objects.filter(teacher=account)
        .select_related("course")
        .order_by("period"),
        "schools": office_schools(account),
    }
    return render(request, "staff/home.html", context)
