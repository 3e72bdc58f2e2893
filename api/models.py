"""Keys a family hands to apps and calendars, and the school events calendars show."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Account
from api import keys


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A key an app signs in with; Homeroom keeps only its hash."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def issue(cls, account: Account, name: str) -> tuple["ApiToken", str]:
        """A new token and its key: the key is shown once and never stored."""
        key = keys.new_key()
        token = cls.objects.create(
            account=account, name=name, key_hash=keys.token_hash(key)
        )
        return token, key

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


class CalendarFeedQuerySet(models.QuerySet["CalendarFeed"]):
    def for_key(self, key: str) -> "CalendarFeed | None":
        return (
            self.filter(secret_hash__in=keys.feed_hashes(key))
            .select_related("account")
            .first()
        )


class CalendarFeed(models.Model):
    """An account's private calendar link; Homeroom keeps only a keyed hash of it."""

    account = models.OneToOneField(
        Account, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"calendar feed {self.pk}"

    @classmethod
    def issue(cls, account: Account) -> tuple["CalendarFeed", str]:
        """A new secret for the account's link; the link made before stops working."""
        key = keys.new_key()
        feed, _created = cls.objects.update_or_create(
            account=account,
            defaults={"secret_hash": keys.feed_hash(key), "created_at": timezone.now()},
        )
        return feed, key


class SchoolEventQuerySet(models.QuerySet["SchoolEvent"]):
    def ending_from(self, day: datetime.date) -> "SchoolEventQuerySet":
        """Events still to come or under way on this day."""
        return self.filter(
            Q(end_date__gte=day) | Q(end_date__isnull=True, date__gte=day)
        )


class SchoolEvent(models.Model):
    """A day families should know about: a concert, a half day, a holiday."""

    school = models.ForeignKey(
        "records.School", on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Only for an event of several days."),
    )

    objects = SchoolEventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="event_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.end_date is not None and self.end_date < self.date:
            raise ValidationError(
                {"end_date": _("The last day cannot come before the first day.")}
            )

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.date
