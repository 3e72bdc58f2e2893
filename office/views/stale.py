"""Gradebooks not updated lately, per school, for the principal to follow up."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from office.stale import stale_gradebooks as find_stale
from staff.access import office_account, office_schools


@login_required
def stale_gradebooks(request: HttpRequest) -> HttpResponse:
    account = office_account(request)

    period, schools = find_stale(office_schools(account), timezone.now())

    context = {
        "period": period,
        "schools": schools,
        "days": settings.HOMEROOM_STALE_GRADEBOOK_DAYS,
        "staff_tab": "stale_gradebooks",
    }
    return render(request, "office/stale_gradebooks.html", context)
