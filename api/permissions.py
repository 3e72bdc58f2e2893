"""Who may use the API: signed-in families and students, never the staff side."""

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from accounts.models import Account

if TYPE_CHECKING:
    from rest_framework.views import APIView


class FamilyAccount(BasePermission):
    def has_permission(self, request: Request, view: "APIView") -> bool:
        account = request.user
        return isinstance(account, Account) and not account.is_school_staff
