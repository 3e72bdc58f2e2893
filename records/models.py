"""What the district keeps on file: schools, students and their contacts."""

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
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
