"""Attendance kept as exceptions: only when a student was not simply present."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttendanceCode(models.Model):
    """The district's code table, which families read as a legend."""

    class Kind(models.TextChoices):
        ABSENT = "absent", _("Absent")
        TARDY = "tardy", _("Tardy")
        DISMISSED = "dismissed", _("Dismissed early")

    code = models.CharField(_("code"), max_length=10, unique=True)
    meaning = models.CharField(_("meaning"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    excused = models.BooleanField(_("excused"), default=False)
    counts_as_absence = models.BooleanField(_("counts as an absence"), default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.meaning}"


class AttendanceMarkQuerySet(models.QuerySet["AttendanceMark"]):
    def between(
        self, first: datetime.date, last: datetime.date
    ) -> "AttendanceMarkQuerySet":
        return self.filter(date__gte=first, date__lte=last)


class AttendanceMark(models.Model):
    """One exception: a whole day (no section) or one class period."""

    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="attendance_marks"
    )
    date = models.DateField(_("date"))
    section = models.ForeignKey(
        "records.Section",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance_marks",
    )
    code = models.ForeignKey(AttendanceCode, on_delete=models.PROTECT)
    comment = models.CharField(_("comment"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AttendanceMarkQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "date", "section"],
                condition=models.Q(section__isnull=False),
                name="one_mark_per_student_day_and_section",
            ),
            models.UniqueConstraint(
                fields=["student", "date"],
                condition=models.Q(section__isnull=True),
                name="one_daily_mark_per_student_and_day",
            ),
        ]

    def __str__(self) -> str:
        return f"attendance mark {self.pk}"

    @property
    def is_daily(self) -> bool:
        return self.section_id is None
