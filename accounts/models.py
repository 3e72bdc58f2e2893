"""Accounts people sign in with, their temporary passwords and throttles."""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccountManager(UserManager["Account"]):
    def get_by_natural_key(self, username: str | None) -> "Account":
        return self.get(username__iexact=username)


def language_choices() -> list[tuple[str, str]]:
    """The site's languages; a callable, so adding one needs no migration."""
    return list(settings.LANGUAGES)


class Account(AbstractUser):
    class Kind(models.TextChoices):
        PARENT = "parent", _("Parent or guardian")
        STUDENT = "student", _("Student")
        TEACHER = "teacher", _("Teacher")
        STAFF = "staff", _("Office staff")
        DISTRICT = "district", _("District administrator")

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PARENT)
    must_change_password = models.BooleanField(default=False)
    school = models.ForeignKey(
        "records.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text="The school whose office this account works in (office staff).",
    )
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=language_choices,
        help_text=_("Pages and emails in this language; blank: the browser's."),
    )

    objects: ClassVar[AccountManager] = AccountManager()  # type: ignore[assignment]

    STAFF_KINDS = frozenset({Kind.TEACHER, Kind.STAFF, Kind.DISTRICT})

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="username_unique_any_case")
        ]

    @property
    def is_school_staff(self) -> bool:
        """Teachers, office staff and district administrators: the staff side."""
        return self.kind in self.STAFF_KINDS

    @property
    def signs_in_with_a_code(self) -> bool:
        """School staff and anyone who may open the Django admin use two factors."""
        return self.is_school_staff or self.is_staff or self.is_superuser


class SignIn(models.Model):
    """One attempt to sign in to an existing account: the account's own history."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="sign_ins"
    )
    at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField()
    address = models.GenericIPAddressField(null=True, blank=True)
    browser = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"sign-in {self.pk}"


class TemporaryPassword(models.Model):
    """A single-use numeric password, kept only as a hash until used or expired."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="temporary_passwords"
    )
    password_hash = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"temporary password until {self.expires_at:%Y-%m-%d}"


class Attempt(models.Model):
    """One counted attempt for a throttle; keys are keyed hashes, never raw values."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "created_at"])]

    def __str__(self) -> str:
        return f"{self.scope} attempt"
