"""The one permission check every page that shows a student starts with."""

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest

from accounts.models import Account
from audit.record import record_access
from records.models import Student


def student_for(request: HttpRequest, public_id: UUID) -> Student:
    """The student behind this identifier, if the viewer is linked to them; else 404."""
    page = request.resolver_match.url_name if request.resolver_match else ""
    return linked_student(request.user, public_id, f"family:{page}")


def linked_student(user: object, public_id: UUID, page: str) -> Student:
    """The link rule the pages and the API share; each look goes into the record."""
    account = user if isinstance(user, Account) else None
    student = (
        Student.objects.visible_to(account)
        .select_related("school")
        .filter(public_id=public_id)
        .first()
        if account is not None
        else None
    )
    if student is None:
        raise Http404

    record_access(account, student, page)
    return student


def student_page(request: HttpRequest, student: Student, tab: str) -> dict[str, Any]:
    """What every page about one student needs: the student, the switcher, the tab."""
    siblings = Student.objects.visible_to(request.user).only("public_id", "first_name")
    return {"student": student, "siblings": siblings, "tab": tab}
