"""Messages to families: mid-term prompts, opt-outs and the scheduler's runs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MidTermPrompt(models.Model):
    """One mid-term email: a prompt to sign in, or an invitation to create an account.

    A prompt goes to a parent's account, an invitation to a contact who has no
    account yet; each at most once per marking period.
    """

    class Kind(models.TextChoices):
        PROMPT = "prompt", _("Prompt to sign in")
        INVITATION = "invitation", _("Invitation to create an account")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="midterm_prompts",
    )
    contact = models.ForeignKey(
        "records.Contact",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="midterm_invitations",
    )
    marking_period = models.ForeignKey(
        "records.MarkingPeriod",
        on_delete=models.CASCADE,
        related_name="midterm_prompts",
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "marking_period"],
                condition=Q(account__isnull=False),
                name="one_prompt_per_account_and_period",
            ),
            models.UniqueConstraint(
                fields=["contact", "marking_period"],
                condition=Q(contact__isnull=False),
                name="one_invitation_per_contact_and_period",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="prompt", account__isnull=False, contact__isnull=True)
                    | Q(kind="invitation", account__isnull=True, contact__isnull=False)
                ),
                name="prompt_to_account_invitation_to_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"


class EmailOptOut(models.Model):
    """An address that asked to stop one kind of message, from a link in an email."""

    class Kind(models.TextChoices):
        PROMPT = "prompt", _("Reminders to sign in")
        INVITATION = "invitation", _("Invitations to create an account")

    email = models.EmailField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "kind", name="one_opt_out_per_email_and_kind"
            )
        ]

    def __str__(self) -> str:
        return f"opt-out {self.pk} ({self.kind})"


class ScheduledRun(models.Model):
    """When the worker last started and finished one scheduled job."""

    name = models.CharField(max_length=100, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
