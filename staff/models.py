"""What the staff side keeps of its own: each staff account's authenticator."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StaffDevice(models.Model):
    """The authenticator app a staff account signs in with: its time-based codes.

    The secret must stay readable to check a code. It is shown once, while the
    device is being set up, and never again; a lost phone means deleting this
    row so the account sets up a new one at its next sign-in.
    """

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_device",
    )
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(
        null=True,
        blank=True,
        help_text="The time step of the last code accepted; no code is taken twice.",
    )

    def __str__(self) -> str:
        return f"authenticator {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
