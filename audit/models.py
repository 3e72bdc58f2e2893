"""The record of who changed what, and when: grades, attendance, contacts."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Change(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes_made",
    )
    student = models.ForeignKey(
        "records.Student",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="changes",
    )
    subject = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=60)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject", "object_id"])]

    def __str__(self) -> str:
        return f"{self.subject} {self.object_id}: {self.field}"


class Access(models.Model):
    """One look at a student's records: who, when, which page."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accesses",
    )
    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="accesses"
    )
    page = models.CharField(max_length=60)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "accesses"

    def __str__(self) -> str:
        return f"access {self.pk}"
