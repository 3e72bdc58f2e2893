"""What a family sees: the children on the account, and each child's page."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from family.access import student_for
from records.models import Student


@login_required
def children(request: HttpRequest) -> HttpResponse:
    visible = Student.objects.visible_to(request.user).select_related("school")
    return render(request, "family/children.html", {"children": visible})


@login_required
def child(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)
    siblings = Student.objects.visible_to(request.user)
    return render(
        request, "family/child.html", {"student": student, "siblings": siblings}
    )


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("family:children")
    return redirect("accounts:sign_in")
