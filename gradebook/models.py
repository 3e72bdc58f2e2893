"""Gradebooks, their assignments and scores, and the official report card grades."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Gradebook(models.Model):
    """One section's gradebook for one marking period, with its grading parameters."""

    class Method(models.TextChoices):
        POINTS = "points", _("Total points")
        WEIGHTED = "weighted", _("Weighted categories")

    section = models.ForeignKey(
        "records.Section", on_delete=models.CASCADE, related_name="gradebooks"
    )
    marking_period = models.ForeignKey(
        "records.MarkingPeriod", on_delete=models.CASCADE, related_name="gradebooks"
    )
    method = models.CharField(
        _("grading method"),
        max_length=10,
        choices=Method.choices,
        default=Method.POINTS,
    )
    updated_at = models.DateTimeField(_("last updated"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["section", "marking_period"], name="one_gradebook_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"gradebook {self.pk}"

    def touch(self) -> None:
        self.updated_at = timezone.now()
        self.save(update_fields=["updated_at"])


class Category(models.Model):
    gradebook = models.ForeignKey(
        Gradebook, on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(_("name"), max_length=100)
    weight = models.DecimalField(
        _("weight (percent)"), max_digits=5, decimal_places=2, default=Decimal(0)
    )
    sourced_id = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-weight", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    gradebook = models.ForeignKey(
        Gradebook, on_delete=models.CASCADE, related_name="assignments"
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
    )
    title = models.CharField(_("title"), max_length=200)
    points_possible = models.DecimalField(
        _("points possible"), max_digits=7, decimal_places=2
    )
    assigned_on = models.DateField(_("assigned"))
    due_on = models.DateField(_("due"))
    visible_from = models.DateField(_("families see it from"))
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class Score(models.Model):
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="scores"
    )
    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="scores"
    )
    points = models.DecimalField(
        _("points"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    missing = models.BooleanField(_("missing"), default=False)
    late = models.BooleanField(_("late"), default=False)
    excused = models.BooleanField(_("excused"), default=False)
    incomplete = models.BooleanField(_("incomplete"), default=False)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"], name="one_score_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"score {self.pk}"


class GradeBand(models.Model):
    """One line of the district's grading scale: from this percent up, this letter."""

    letter = models.CharField(_("letter"), max_length=4, unique=True)
    minimum = models.DecimalField(_("from percent"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["-minimum"]

    def __str__(self) -> str:
        return f"{self.letter} from {self.minimum}"


class ReportCardGrade(models.Model):
    """The official mark for a course and marking period, seen from its posting date."""

    student = models.ForeignKey(
        "records.Student", on_delete=models.CASCADE, related_name="report_card_grades"
    )
    section = models.ForeignKey(
        "records.Section", on_delete=models.CASCADE, related_name="report_card_grades"
    )
    marking_period = models.ForeignKey(
        "records.MarkingPeriod",
        on_delete=models.CASCADE,
        related_name="report_card_grades",
    )
    mark = models.CharField(_("mark"), max_length=10)
    percent = models.DecimalField(
        _("percent"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    comment = models.CharField(_("teacher comment"), max_length=500, blank=True)
    posted_on = models.DateField(_("posted on"))
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student", "section", "marking_period"],
                name="one_report_card_grade",
            )
        ]

    def __str__(self) -> str:
        return f"report card grade {self.pk}"
