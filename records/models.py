"""What the district keeps on file: schools, students and their contacts."""

import datetime
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import Account


class School(models.Model):
    class Level(models.TextChoices):
        MIDDLE = "middle", _("Middle school")
        HIGH = "high", _("High school")

    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StudentQuerySet(models.QuerySet["Student"]):
    def active(self) -> "StudentQuerySet":
        return self.filter(active=True)

    def visible_to(self, account: "Account | AnonymousUser") -> "StudentQuerySet":
        """Students this account may see: its own record, or a child it is linked to."""
        pk = account.pk
        if pk is None:
            return self.none()

        linked = StudentContact.objects.filter(
            student=OuterRef("pk"), contact__account_id=pk, online_access=True
        )
        return self.active().filter(Q(account_id=pk) | Q(Exists(linked)))


class Student(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("student number"), max_length=40, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    grade = models.PositiveSmallIntegerField(
        _("grade"), validators=[MinValueValidator(6), MaxValueValidator(12)]
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="students"
    )
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    active = models.BooleanField(default=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="student_record",
    )
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    objects = StudentQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Contact(models.Model):
    """A person on file for one or more students."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200, blank=True)
    address_line2 = models.CharField(
        _("address, second line"), max_length=200, blank=True
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=40, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    students: "models.ManyToManyField[Student, StudentContact]" = (
        models.ManyToManyField(
            Student, through="StudentContact", related_name="contacts"
        )
    )
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def address_lines(self) -> list[str]:
        town = " ".join(
            part for part in [self.city, self.state, self.postal_code] if part
        )
        lines = [self.address_line1, self.address_line2, town]
        return [line for line in lines if line]


class StudentContact(models.Model):
    """The link between a student and a contact on file, as the office keeps it."""

    class Relationship(models.TextChoices):
        MOTHER = "mother", _("Mother")
        FATHER = "father", _("Father")
        GUARDIAN = "guardian", _("Guardian")
        GRANDPARENT = "grandparent", _("Grandparent")
        OTHER = "other", _("Other")

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="links")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="links")
    relationship = models.CharField(
        _("relationship"), max_length=20, choices=Relationship.choices
    )
    online_access = models.BooleanField(
        _("online access"),
        default=True,
        help_text=_("Switch off to stop this contact seeing this student online."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student", "contact"], name="one_link_per_student_and_contact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} ({self.get_relationship_display()})"


class SchoolYear(models.Model):
    name = models.CharField(_("name"), max_length=40)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return self.name


class MarkingPeriodQuerySet(models.QuerySet["MarkingPeriod"]):
    def current(self, today: datetime.date) -> "MarkingPeriod | None":
        """The marking period running today, else the latest one that has started."""
        running = self.filter(start__lte=today, end__gte=today).first()
        return running or self.filter(start__lte=today).order_by("-start").first()


class MarkingPeriod(models.Model):
    school_year = models.ForeignKey(
        SchoolYear, on_delete=models.CASCADE, related_name="marking_periods"
    )
    name = models.CharField(_("name"), max_length=40)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    midpoint = models.DateField(_("mid-point"))
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    objects = MarkingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return self.name

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200)
    code = models.CharField(_("course code"), max_length=40, blank=True)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="courses")
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    """One class of a course: its teacher, period, room and meeting days."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sections"
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sections",
    )
    period = models.PositiveSmallIntegerField(_("period"))
    room = models.CharField(_("room"), max_length=40, blank=True)
    meeting_days = models.CharField(
        _("meeting days"),
        max_length=7,
        default="12345",
        help_text=_("ISO weekday numbers the section meets on: 1 is Monday."),
    )
    marking_periods: "models.ManyToManyField[MarkingPeriod, models.Model]" = (
        models.ManyToManyField(MarkingPeriod, related_name="sections")
    )
    is_homeroom = models.BooleanField(default=False)
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["period"]

    def __str__(self) -> str:
        return f"{self.course.title} ({self.period})"

    def meets_on(self, day: datetime.date) -> bool:
        return str(day.isoweekday()) in self.meeting_days


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def on(self, day: datetime.date) -> "EnrollmentQuerySet":
        """Enrollments in force on this day: started, and not dropped yet."""
        return self.filter(start__lte=day).filter(
            Q(dropped_on__isnull=True) | Q(dropped_on__gt=day)
        )


class Enrollment(models.Model):
    """A student in a section: one line of the student's schedule."""

    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="enrollments"
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="enrollments"
    )
    start = models.DateField(_("start date"))
    dropped_on = models.DateField(_("drop date"), null=True, blank=True)
    sourced_id = models.CharField(max_length=255, unique=True, null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student", "section"], name="one_enrollment_per_section"
            )
        ]

    def __str__(self) -> str:
        return f"enrollment {self.pk}"


class CorrectionRequest(models.Model):
    """A family's request to correct the contact information on file."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the office")
        APPLIED = "applied", _("Corrected")
        DECLINED = "declined", _("Declined")

    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="correction_requests"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="correction_requests",
    )
    message = models.TextField(_("what should change"), max_length=2000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"correction request {self.pk}"
