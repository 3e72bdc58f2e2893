"""What the office works through: requests from families and letters it sends."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CredentialRequest(models.Model):
    """ "Forgot username or password" from the sign-in page, for the office to answer.

    It holds what the visitor typed; the office looks the family up and, when
    it finds them, issues a letter to the home address on file.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the office")
        LETTER_SENT = "letter_sent", _("Letter sent")
        CLOSED = "closed", _("Closed without a letter")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    student_number = models.CharField(_("student number"), max_length=40)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"credential request {self.pk}"


class CredentialLetter(models.Model):
    """A letter with a username and a new temporary password, mailed home."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="letters"
    )
    contact = models.ForeignKey(
        "records.Contact", on_delete=models.SET_NULL, null=True, related_name="letters"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="letters_issued",
    )
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    request = models.ForeignKey(
        CredentialRequest, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"credential letter {self.pk}"


class InterimRequest(models.Model):
    """A family's request for a printed or emailed interim progress report."""

    class Delivery(models.TextChoices):
        EMAIL = "email", _("By email")
        MAIL = "mail", _("A printed copy by mail")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SENT = "sent", _("Sent")

    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="interim_requests"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="interim_requests",
    )
    delivery = models.CharField(_("delivery"), max_length=5, choices=Delivery.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"interim request {self.pk}"


class Feedback(models.Model):
    """What a family tells the school about the portal (the pilot asks for it)."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback"
    )
    message = models.TextField(_("your feedback"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"feedback {self.pk}"
