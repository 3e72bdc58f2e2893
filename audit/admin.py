from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from accounts.models import Account
from audit.models import Change
from audit.record import record_changes, record_removal, snapshot


class RecordedAdmin(admin.ModelAdmin[Any]):
    """An admin whose saves and deletions go into the record of changes."""

    audit_subject = ""
    audit_fields: list[str] = []

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: Any, change: bool
    ) -> None:
        before = {}
        if change:
            stored = type(obj)._default_manager.get(pk=obj.pk)
            before = snapshot(stored, self.audit_fields)
        super().save_model(request, obj, form, change)
        record_changes(
            actor(request),
            self.audit_subject,
            obj,
            before,
            self.audit_fields,
            getattr(obj, "student", None),
        )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        record_removal(
            actor(request),
            self.audit_subject,
            obj,
            self.audit_fields,
            getattr(obj, "student", None),
        )
        super().delete_model(request, obj)


def actor(request: HttpRequest) -> Account | None:
    return request.user if isinstance(request.user, Account) else None


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin[Change]):
    list_display = [
        "at",
        "actor",
        "subject",
        "object_id",
        "field",
        "old_value",
        "new_value",
    ]
    list_filter = ["subject"]
    search_fields = ["student__last_name", "actor__username", "object_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
