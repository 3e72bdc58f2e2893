"""The API's one permission check for a child: the same link rule as the pages."""

from uuid import UUID

from django.http import Http404
from rest_framework.request import Request

from accounts.models import Account
from audit.record import record_access
from records.models import Student


def child_for(request: Request, public_id: UUID, operation: str) -> Student:
    """The child behind this identifier, if the account is linked to them; else 404."""
    student = (
        Student.objects.visible_to(request.user)
        .select_related("school")
        .filter(public_id=public_id)
        .first()
    )
    if student is None:
        raise Http404

    account = request.user if isinstance(request.user, Account) else None
    record_access(account, student, f"api:{operation}")
    return student
