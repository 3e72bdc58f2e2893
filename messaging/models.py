"""Messages to families: mid-term prompts, alerts, digests, opt-outs, the scheduler."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records.models import StudentContact


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


class AlertPreferenceQuerySet(models.QuerySet["AlertPreference"]):
    def in_force(self) -> "AlertPreferenceQuerySet":
        """Choices of active parents for a child they may still see online."""
        linked = StudentContact.objects.filter(
            student=OuterRef("student"),
            contact__account=OuterRef("account"),
            online_access=True,
        )
        return self.filter(
            Exists(linked),
            account__is_active=True,
            account__kind="parent",
            student__active=True,
        )


class AlertPreference(models.Model):
    """What a parent wants to hear about one child as soon as it happens."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="alert_preferences",
    )
    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="alert_preferences"
    )
    average_below = models.DecimalField(
        _("when a course average falls below (percent)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leave it empty for no alert about averages."),
    )
    missing = models.BooleanField(
        _("when an assignment is marked missing"), default=False
    )
    attendance = models.BooleanField(_("when marked absent or tardy"), default=False)

    objects = AlertPreferenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "student"], name="one_alert_preference_per_child"
            )
        ]

    def __str__(self) -> str:
        return f"alert preference {self.pk}"


class DigestPreference(models.Model):
    """Whether a parent wants the weekly summary of all their children."""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_preference",
    )
    weekly = models.BooleanField(
        _("a weekly summary of all my children, by email"), default=False
    )

    def __str__(self) -> str:
        return f"digest preference {self.pk}"


class DigestSent(models.Model):
    """One weekly digest sent to one parent: at most one a week."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    week = models.DateField(help_text="The Monday of the week it covers.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "week"], name="one_digest_per_account_and_week"
            )
        ]

    def __str__(self) -> str:
        return f"digest {self.pk}"


class AlertQuerySet(models.QuerySet["Alert"]):
    def waiting(self) -> "AlertQuerySet":
        """Noticed, and neither sent, cancelled nor folded into a digest yet."""
        return self.filter(
            sent_at__isnull=True, cancelled_at__isnull=True, folded_into_digest=False
        )

    def due(self, now: datetime.datetime) -> "AlertQuerySet":
        return self.waiting().filter(due_at__lte=now)

    def sent_between(
        self, first: datetime.datetime, last: datetime.datetime
    ) -> "AlertQuerySet":
        return self.filter(sent_at__gte=first, sent_at__lt=last)

    def for_next_digest(self) -> "AlertQuerySet":
        return self.filter(folded_into_digest=True, digest__isnull=True)


class Alert(models.Model):
    """One event a parent asked to hear about, from the moment it was noticed.

    The key names the event (the score, the day's absence, the course average),
    so one event makes one alert however often the job looks.
    """

    class Kind(models.TextChoices):
        BELOW = "below", _("A course average below your threshold")
        MISSING = "missing", _("An assignment marked missing")
        ABSENT = "absent", _("An absence")
        TARDY = "tardy", _("A tardy")

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=100)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    folded_into_digest = models.BooleanField(default=False)
    digest = models.ForeignKey(
        DigestSent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
    )

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "key"], name="one_alert_per_account_and_event"
            )
        ]
        indexes = [models.Index(fields=["due_at"], name="alert_due_at")]

    def __str__(self) -> str:
        return f"alert {self.pk} ({self.kind})"


class AverageSnapshot(models.Model):
    """A course average as the weekly digest showed it, for next week's change."""

    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        "records.Section", on_delete=models.CASCADE, related_name="+"
    )
    marking_period = models.ForeignKey(
        "records.MarkingPeriod", on_delete=models.CASCADE, related_name="+"
    )
    percent = models.DecimalField(max_digits=6, decimal_places=2)
    taken_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student", "section", "marking_period", "taken_on"],
                name="one_average_snapshot_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"average snapshot {self.pk}"
