"""The API's one permission check for a child: the same link rule as the pages."""

from uuid import UUID

from rest_framework.request import Request

from family.access import linked_student
from records.models import Student


def child_for(request: Request, public_id: UUID, operation: str) -> Student:
    """The child behind this identifier, if the account is linked to them; else 404."""
    return linked_student(request.user, public_id, f"api:{operation}")
