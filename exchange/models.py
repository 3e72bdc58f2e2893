"""Imports started from the office page, carried out by the import worker."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportRunQuerySet(models.QuerySet["ImportRun"]):
    def waiting(self) -> "ImportRunQuerySet":
        return self.filter(status=ImportRun.Status.QUEUED).order_by("created_at", "pk")

    def running(self) -> "ImportRunQuerySet":
        return self.filter(status=ImportRun.Status.RUNNING)


class ImportRun(models.Model):
    """One upload: its files wait in var/imports/ until the worker imports them."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        CHECKED = "checked", "Checked: nothing written"
        REJECTED = "rejected", "Not imported: problems found"
        FAILED = "failed", "Stopped: nothing written"

    FINISHED = frozenset({Status.DONE, Status.CHECKED, Status.REJECTED, Status.FAILED})

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_runs",
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    dry_run = models.BooleanField(default=False)
    # The names the files were uploaded under, shown on the page; and the names
    # they are kept under in var/imports/ until the run is over.
    package_name = models.CharField(max_length=255, blank=True)
    contacts_name = models.CharField(max_length=255, blank=True)
    package_file = models.CharField(max_length=100, blank=True)
    contacts_file = models.CharField(max_length=100, blank=True)
    # The outcome: counts per kind of record, or the problems found.
    summary = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"import {self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED


class ExportRunQuerySet(models.QuerySet["ExportRun"]):
    def waiting(self) -> "ExportRunQuerySet":
        return self.filter(status=ExportRun.Status.QUEUED).order_by("created_at", "pk")

    def running(self) -> "ExportRunQuerySet":
        return self.filter(status=ExportRun.Status.RUNNING)


class ExportRun(models.Model):
    """One OneRoster export asked for on the office page, written by the worker
    to var/exports/ and kept there for a day to download."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Exporting"
        DONE = "done", "Ready to download"
        EXPIRED = "expired", "Deleted after a day"
        FAILED = "failed", "Stopped"

    FINISHED = frozenset({Status.DONE, Status.EXPIRED, Status.FAILED})

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="export_runs",
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file = models.CharField(max_length=100, blank=True)  # in var/exports/
    # Data rows per file, sourcedIds given per kind, and what was left out.
    rows = models.JSONField(default=dict, blank=True)
    identified = models.JSONField(default=dict, blank=True)
    left_out = models.JSONField(default=list, blank=True)

    objects = ExportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"export {self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def identified_count(self) -> int:
        return sum(self.identified.values())
