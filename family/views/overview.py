"""A child's overview: what a parent opens most."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from family.access import student_for, student_page


@login_required
def overview(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)
    return render(
        request, "family/overview.html", student_page(request, student, "overview")
    )
