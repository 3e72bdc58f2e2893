"""Writing many records at once: create what is new, update what differs."""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import models

from accounts.models import Account
from audit.models import Change
from audit.record import as_text, changed
from exchange.summary import Counts

BATCH = 2000
M = TypeVar("M", bound=models.Model)


@dataclass
class Synced(Generic[M]):
    """The records by sourcedId after a sync, and those updated with what they were."""

    objects: dict[str, M] = field(default_factory=dict)
    updated: list[tuple[M, dict[str, Any]]] = field(default_factory=list)


def imported(model: type[M], **filters: Any) -> dict[str, M]:
    """Every record of the model that came from OneRoster, by sourcedId."""
    records = model._default_manager.filter(sourced_id__isnull=False, **filters)
    return {record.sourced_id: record for record in records}  # type: ignore[attr-defined]


def sync(
    model: type[M],
    wanted: dict[str, dict[str, Any]],
    existing: dict[str, M],
    counts: Counts,
    new: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None,
) -> Synced[M]:
    """Make the records hold the wanted values; `new` adds fields set only once."""
    synced: Synced[M] = Synced()
    to_create: list[M] = []
    fields: set[str] = set()
    for sid, values in wanted.items():
        record = existing.get(sid)
        if record is None:
            extra = new(sid, values) if new else {}
            record = model(sourced_id=sid, **values, **extra)
            to_create.append(record)
        else:
            before = differences(record, values)
            if getattr(record, "sourced_id", None) != sid:
                before["sourced_id"] = getattr(record, "sourced_id", None)
                values = {**values, "sourced_id": sid}
            if before:
                for name in before:
                    setattr(record, name, values[name])
                fields.update(before)
                synced.updated.append((record, before))
        synced.objects[sid] = record

    model._default_manager.bulk_create(to_create, batch_size=BATCH)
    update(model, [record for record, _ in synced.updated], fields)
    counts.created += len(to_create)
    counts.updated += len(synced.updated)
    return synced


def differences(record: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """The fields whose values differ, with what the record holds now."""
    return {
        name: getattr(record, name)
        for name, value in values.items()
        if getattr(record, name) != value
    }


def update(model: type[M], records: Sequence[M], fields: Iterable[str]) -> None:
    names = sorted(fields)
    if records and names:
        model._default_manager.bulk_update(records, names, batch_size=BATCH)


def batches(values: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def pk_map(records: dict[str, M]) -> dict[str, int]:
    return {sid: record.pk for sid, record in records.items()}


class ChangeLog:
    """Changes to grades and contacts, kept in the record of changes in one go."""

    def __init__(self, actor: Account | None) -> None:
        self.actor = actor
        self.pending: list[Change] = []

    def changed(
        self,
        subject: str,
        record: models.Model,
        before: dict[str, Any],
        student_id: int | None = None,
    ) -> None:
        for name, old in before.items():
            new = getattr(record, name)
            if name != "sourced_id" and changed({name: old}, name, new):
                self.add(subject, record, name, as_text(old), as_text(new), student_id)

    def removed(
        self,
        subject: str,
        record: models.Model,
        fields: Iterable[str],
        student_id: int | None = None,
    ) -> None:
        for name in fields:
            self.add(
                subject, record, name, as_text(getattr(record, name)), "", student_id
            )

    def add(
        self,
        subject: str,
        record: models.Model,
        name: str,
        old: str,
        new: str,
        student_id: int | None,
    ) -> None:
        self.pending.append(
            Change(
                actor=self.actor,
                student_id=student_id,
                subject=subject,
                object_id=str(record.pk),
                field=name,
                old_value=old,
                new_value=new,
            )
        )

    def save(self) -> None:
        Change.objects.bulk_create(self.pending, batch_size=BATCH)
        self.pending = []
