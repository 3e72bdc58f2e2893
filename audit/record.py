"""Write what changed, field by field, into the record of changes."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models

from audit.models import Access, Change

if TYPE_CHECKING:
    from accounts.models import Account
    from records.models import Student


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def changed(before: dict[str, Any], name: str, value: Any) -> bool:
    """A new record changes every field that is set; an old one, those that differ."""
    if name not in before:
        return value is not None and value is not False and value != ""
    return bool(before[name] != value)


def record_changes(
    actor: "Account | None",
    subject: str,
    instance: models.Model,
    before: dict[str, Any],
    fields: Iterable[str],
    student: "Student | None" = None,
) -> list[Change]:
    """Store one Change per field whose value differs from `before`.

    `before` is empty for a new record, so every field is recorded from blank.
    """
    changes = [
        Change(
            actor=actor,
            student=student,
            subject=subject,
            object_id=str(instance.pk),
            field=name,
            old_value=as_text(before.get(name)),
            new_value=as_text(getattr(instance, name)),
        )
        for name in fields
        if changed(before, name, getattr(instance, name))
    ]
    return Change.objects.bulk_create(changes)


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of these fields now, to compare with after a change."""
    return {name: getattr(instance, name) for name in fields}


def record_removal(
    actor: "Account | None",
    subject: str,
    instance: models.Model,
    fields: Iterable[str],
    student: "Student | None" = None,
) -> list[Change]:
    """Store what a record held before it was removed, each field now blank."""
    changes = [
        Change(
            actor=actor,
            student=student,
            subject=subject,
            object_id=str(instance.pk),
            field=name,
            old_value=as_text(getattr(instance, name)),
            new_value="",
        )
        for name in fields
    ]
    return Change.objects.bulk_create(changes)


def record_access(actor: "Account | None", student: "Student", page: str) -> Access:
    """Note that someone opened a page of this student's records."""
    return Access.objects.create(actor=actor, student=student, page=page[:60])
