"""The outbox: every email waits here until the worker has delivered it."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCRUBBED = "This message held a temporary password and was cleared after delivery."


class MessageQuerySet(models.QuerySet["Message"]):
    def due(self, now: datetime.datetime) -> "MessageQuerySet":
        return self.filter(status=Message.Status.WAITING, next_attempt_at__lte=now)


class Message(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed after all retries")

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    holds_secret = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.status})"
