"""The children on the account: the first page after signing in."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from records.models import Student


@login_required
def children(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "is_school_staff", False):
        return redirect("staff:home")

    visible = Student.objects.visible_to(request.user).select_related("school")
    return render(request, "family/children.html", {"children": visible})


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("family:children")
    return redirect("accounts:sign_in")
