"""Writing a OneRoster 1.2 bulk package from what Homeroom holds.

    with open("district.zip", "wb") as out:
        report = export_package(out)

Every record written needs a sourcedId. Those made in Homeroom have none, so
the export gives them one (homeroom-student-12 and the like) and stores it, in
the same transaction as the reading: an import of the package then matches
each row to the record it came from, and changes nothing.

What OneRoster cannot hold is left out, and the report says how much:
inactive students (a bulk file lists only what is current), sections with no
marking period, and school years with none.
"""

import csv
import datetime
import io
import itertools
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from accounts.models import Account
from exchange import columns as c
from exchange.contacts import COLUMNS as CONTACT_COLUMNS
from exchange.progress import Progress
from gradebook.models import Assignment, Category, Gradebook, Score
from records.models import (
    Contact,
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
    StudentContact,
)

DISTRICT = "homeroom-district"
# OneRoster needs a category on every line item; Homeroom's total-points
# gradebooks may have none. Such assignments go under this one.
NO_CATEGORY = "homeroom-no-category"
NO_CATEGORY_TITLE = "No category"
PARENT_ROLES: dict[str, str] = {
    StudentContact.Relationship.MOTHER: "parent",
    StudentContact.Relationship.FATHER: "parent",
    StudentContact.Relationship.GUARDIAN: "guardian",
    StudentContact.Relationship.GRANDPARENT: "relative",
    StudentContact.Relationship.OTHER: "relative",
}
# Files of OneRoster 1.2 that Homeroom does not write: absent in the manifest.
NOT_WRITTEN = (
    "classResources",
    "courseResources",
    "lineItemLearningObjectiveIds",
    "lineItemScoreScales",
    "resources",
    "resultLearningObjectiveIds",
    "resultScoreScales",
    "scoreScales",
    "userProfiles",
    "userResources",
)
CHUNK = 5000

Row = dict[str, str | None]  # None is written as a blank


@dataclass
class ExportReport:
    """What the package holds, and what the export gave a sourcedId or left out."""

    rows: dict[str, int] = field(default_factory=dict)  # data rows per file
    identified: dict[str, int] = field(default_factory=dict)  # new sourcedIds
    left_out: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


# What the package holds: named so the sourcedIds given and the rows written
# always cover the same records.


def exported_years() -> QuerySet[SchoolYear]:
    periods = MarkingPeriod.objects.filter(school_year=OuterRef("pk"))
    return SchoolYear.objects.filter(Exists(periods))


def exported_sections() -> QuerySet[Section]:
    through = Section.marking_periods.through._default_manager
    return Section.objects.filter(Exists(through.filter(section_id=OuterRef("pk"))))


def exported_teachers() -> QuerySet[Account]:
    return Account.objects.filter(kind=Account.Kind.TEACHER)


def exported_students() -> QuerySet[Student]:
    return Student.objects.active()


def exported_enrollments() -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(
        student__active=True, section__in=exported_sections()
    )


def exported_assignments() -> QuerySet[Assignment]:
    return Assignment.objects.filter(gradebook__section__in=exported_sections())


def exported_scores() -> QuerySet[Score]:
    return Score.objects.filter(
        assignment__in=exported_assignments(), student__active=True
    )


IDENTIFIED: tuple[tuple[str, Any], ...] = (
    ("school", lambda: School.objects.all()),
    ("school-year", exported_years),
    ("marking-period", lambda: MarkingPeriod.objects.all()),
    ("course", lambda: Course.objects.all()),
    ("section", exported_sections),
    ("teacher", exported_teachers),
    ("student", exported_students),
    ("contact", lambda: Contact.objects.all()),
    ("enrollment", exported_enrollments),
    ("assignment", exported_assignments),
    ("score", exported_scores),
)


def export_package(out: IO[bytes], progress: Progress | None = None) -> ExportReport:
    """Write the zip to `out`; records lacking a sourcedId get one, stored."""
    report = ExportReport()
    with transaction.atomic():
        for kind, records in IDENTIFIED:
            report.identified[kind] = give_sourced_ids(records(), kind)
        categories = CategoryIds(report)

        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            package = ZipWriter(archive, report, progress)
            package.write(c.ORGS, org_rows())
            package.write(c.SESSIONS, session_rows())
            package.write(c.COURSES, course_rows())
            package.write(c.CLASSES, class_rows())
            people = People()
            package.write(c.USERS, people.user_rows())
            package.write(c.ROLES, people.role_rows())
            package.write(c.ENROLLMENTS, enrollment_rows())
            package.write(c.DEMOGRAPHICS, demographic_rows())
            package.write(c.CATEGORIES, categories.rows())
            package.write(c.LINE_ITEMS, line_item_rows(categories))
            package.write(c.RESULTS, result_rows(), large=True)
            package.write_manifest()

    note_left_out(report)
    return report


def give_sourced_ids(records: QuerySet[Any], kind: str) -> int:
    """homeroom-<kind>-<pk> for each record lacking one, unless another holds it."""
    prefix = f"homeroom-{kind}-"
    model = records.model
    lacking = records.filter(sourced_id__isnull=True)
    candidate = Concat(
        models.Value(prefix), Cast("pk", output_field=models.CharField())
    )
    taken = model._default_manager.filter(sourced_id__startswith=prefix)
    clashing = list(
        lacking.annotate(candidate=candidate)
        .filter(candidate__in=taken.values("sourced_id"))
        .values_list("pk", flat=True)
    )

    given = lacking.exclude(pk__in=clashing).update(sourced_id=candidate)
    for pk in clashing:
        sid = unused(f"{prefix}{pk}", taken)
        model._default_manager.filter(pk=pk).update(sourced_id=sid)
    return given + len(clashing)


def unused(base: str, taken: QuerySet[Any]) -> str:
    number = 2
    while taken.filter(sourced_id=f"{base}-{number}").exists():
        number += 1
    return f"{base}-{number}"


class CategoryIds:
    """Each category in an exported gradebook, under one sourcedId per row written.

    Homeroom keeps categories per gradebook; OneRoster has one list. Imported
    categories share the district's sourcedId across gradebooks, so one row
    serves them all while their title and weight agree; any that differ, and
    those made in Homeroom, get a sourcedId of their own.
    """

    def __init__(self, report: ExportReport) -> None:
        self.titles: dict[str, tuple[str, Decimal]] = {}
        self.by_pk: dict[int, str] = {}
        used = Assignment.objects.filter(
            category=OuterRef("pk"), pk__in=exported_assignments().values("pk")
        )
        categories = (
            Category.objects.filter(Exists(used))
            .select_related("gradebook")
            .order_by("pk")
        )
        taken = set(
            Category.objects.exclude(sourced_id="").values_list("sourced_id", flat=True)
        )
        changed = []
        for category in categories:
            want = (category.name, category_weight(category))
            sid = category.sourced_id
            if not sid or self.titles.get(sid, want) != want:
                sid = self.new_sid(category.pk, taken)
                category.sourced_id = sid
                changed.append(category)
            self.titles[sid] = want
            self.by_pk[category.pk] = sid

        Category.objects.bulk_update(changed, ["sourced_id"], batch_size=CHUNK)
        report.identified["category"] = len(changed)
        uncategorized = exported_assignments().filter(category__isnull=True)
        if uncategorized.exists():
            self.titles[NO_CATEGORY] = (NO_CATEGORY_TITLE, Decimal(0))

    def new_sid(self, pk: int, taken: set[str]) -> str:
        sid = base = f"homeroom-category-{pk}"
        number = 2
        while sid in taken or sid in self.titles:
            sid, number = f"{base}-{number}", number + 1
        taken.add(sid)
        return sid

    def sid_for(self, category_id: int | None) -> str:
        return NO_CATEGORY if category_id is None else self.by_pk[category_id]

    def rows(self) -> Iterator[Row]:
        for sid, (title, weight) in self.titles.items():
            yield {"sourcedId": sid, "title": title, "weight": number(weight)}


def category_weight(category: Category) -> Decimal:
    """A total-points gradebook ignores weights: written as 0, so it stays one."""
    if category.gradebook.method == Gradebook.Method.WEIGHTED:
        return category.weight
    return Decimal(0)


class ZipWriter:
    """The zip being written: each file's rows, then the manifest."""

    def __init__(
        self, archive: zipfile.ZipFile, report: ExportReport, progress: Progress | None
    ) -> None:
        self.archive = archive
        self.report = report
        self.progress = progress

    def write(self, file: str, rows: Iterable[Row], large: bool = False) -> None:
        """A file with its header and rows; a file with no rows is left out."""
        if self.progress is not None:
            self.progress(f"Writing {file}", len(self.report.rows), len(c.READ_ORDER))
        columns = c.LAYOUTS[file, c.V12][0].columns
        count = 0
        rows = iter(rows)
        first = next(rows, None)
        if first is not None:
            with self.member(file, large) as text:
                writer = csv.writer(text)
                writer.writerow(columns)
                for row in itertools.chain([first], rows):
                    writer.writerow([row.get(name) or "" for name in columns])
                    count += 1
        self.report.rows[file] = count

    def member(self, file: str, large: bool) -> io.TextIOWrapper:
        stream = self.archive.open(file, "w", force_zip64=large)
        return io.TextIOWrapper(stream, encoding="utf-8", newline="")

    def write_manifest(self) -> None:
        rows = [
            ["propertyName", "value"],
            ["manifest.version", "1.0"],
            ["oneroster.version", "1.2"],
        ]
        modes = {
            file.removesuffix(".csv"): "bulk" if count else "absent"
            for file, count in self.report.rows.items()
        }
        modes |= dict.fromkeys(NOT_WRITTEN, "absent")
        rows += [[f"file.{name}", mode] for name, mode in sorted(modes.items())]
        rows += [["source.systemName", "Homeroom"], ["source.systemCode", ""]]
        with self.member("manifest.csv", False) as text:
            csv.writer(text).writerows(rows)


def org_rows() -> Iterator[Row]:
    yield {
        "sourcedId": DISTRICT,
        "name": settings.HOMEROOM_DISTRICT_NAME,
        "type": "district",
    }
    for school in School.objects.order_by("pk"):
        yield {
            "sourcedId": sid(school),
            "name": school.name,
            "type": "school",
            "parentSourcedId": DISTRICT,
        }


def session_rows() -> Iterator[Row]:
    for year in exported_years().order_by("start", "pk"):
        yield {
            "sourcedId": sid(year),
            "title": year.name,
            "type": "schoolYear",
            "startDate": year.start.isoformat(),
            "endDate": year.end.isoformat(),
            "schoolYear": str(year.end.year),
        }
    periods = MarkingPeriod.objects.select_related("school_year")
    for period in periods.order_by("start", "pk"):
        yield {
            "sourcedId": sid(period),
            "title": period.name,
            "type": "gradingPeriod",
            "startDate": period.start.isoformat(),
            "endDate": period.end.isoformat(),
            "parentSourcedId": sid(period.school_year),
            "schoolYear": str(period.school_year.end.year),
        }


def course_rows() -> Iterator[Row]:
    for course in Course.objects.select_related("school").order_by("pk"):
        yield {
            "sourcedId": sid(course),
            "title": course.title,
            "courseCode": course.code,
            "orgSourcedId": sid(course.school),
        }


def class_rows() -> Iterator[Row]:
    sections = (
        exported_sections()
        .select_related("course__school")
        .prefetch_related("marking_periods")
        .order_by("pk")
    )
    for section in sections:
        periods = sorted(section.marking_periods.all(), key=lambda p: (p.start, p.pk))
        yield {
            "sourcedId": sid(section),
            "title": f"{section.course.title} ({section.period})",
            "courseSourcedId": sid(section.course),
            "classType": "homeroom" if section.is_homeroom else "scheduled",
            "location": section.room,
            "schoolSourcedId": sid(section.course.school),
            "termSourcedIds": ",".join(sid(period) for period in periods),
            "periods": str(section.period),
        }


class People:
    """Students, teachers and contacts: users.csv, and their roles for roles.csv."""

    def __init__(self) -> None:
        self.schools = dict(School.objects.values_list("pk", "sourced_id"))
        self.contacts_of: dict[str, list[str]] = defaultdict(list)
        self.students_of: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        links = (
            StudentContact.objects.filter(student__active=True)
            .order_by("pk")
            .values_list(
                "student__sourced_id",
                "contact__sourced_id",
                "relationship",
                "student__school__sourced_id",
            )
        )
        for student, contact, relationship, school in links:
            if student and contact and school:
                self.contacts_of[student].append(contact)
                self.students_of[contact].append((student, relationship, school))
        self.teaches_at = teaching_schools()

    def user_rows(self) -> Iterator[Row]:
        yield from self.student_rows()
        yield from self.teacher_rows()
        yield from self.contact_rows()

    def student_rows(self) -> Iterator[Row]:
        students = exported_students().select_related("account").order_by("pk")
        for student in students.iterator(CHUNK):
            account = student.account
            yield {
                "sourcedId": sid(student),
                "enabledUser": "true",
                "username": account.username if account else student.number,
                "givenName": student.first_name,
                "familyName": student.last_name,
                "identifier": student.number,
                "agentSourcedIds": ",".join(self.contacts_of[sid(student)]),
                "grades": f"{student.grade:02d}",
                "primaryOrgSourcedId": self.schools[student.school_id],
            }

    def teacher_rows(self) -> Iterator[Row]:
        for teacher in exported_teachers().order_by("pk"):
            yield {
                "sourcedId": sid(teacher),
                "enabledUser": "true" if teacher.is_active else "false",
                "username": teacher.username,
                "givenName": teacher.first_name or teacher.username,
                "familyName": teacher.last_name or teacher.username,
                "email": teacher.email,
                "primaryOrgSourcedId": self.teaches_at.get(teacher.pk, DISTRICT),
            }

    def contact_rows(self) -> Iterator[Row]:
        contacts = Contact.objects.select_related("account").order_by("pk")
        for contact in contacts.iterator(CHUNK):
            students = self.students_of[sid(contact)]
            account = contact.account
            yield {
                "sourcedId": sid(contact),
                "enabledUser": "true",
                "username": account.username if account else sid(contact),
                "givenName": contact.first_name,
                "familyName": contact.last_name,
                "email": contact.email,
                "phone": contact.phone,
                "agentSourcedIds": ",".join(student for student, _, _ in students),
                "primaryOrgSourcedId": students[0][2] if students else DISTRICT,
            }

    def role_rows(self) -> Iterator[Row]:
        students = exported_students().order_by("pk")
        for pk, student, school in students.values_list(
            "pk", "sourced_id", "school__sourced_id"
        ):
            yield role(f"student-{pk}", student, "student", school)
        for pk, teacher in (
            exported_teachers().order_by("pk").values_list("pk", "sourced_id")
        ):
            school = self.teaches_at.get(pk, DISTRICT)
            yield role(f"teacher-{pk}", teacher, "teacher", school)
        for pk, contact in Contact.objects.order_by("pk").values_list(
            "pk", "sourced_id"
        ):
            kind, school = self.contact_role(contact or "")
            yield role(f"contact-{pk}", contact, kind, school)

    def contact_role(self, contact: str) -> tuple[str, str]:
        """The role of the contact's first link, at that student's school."""
        students = self.students_of[contact]
        if not students:
            return "guardian", DISTRICT
        _, relationship, school = students[0]
        return PARENT_ROLES[relationship], school


def role(name: str, user: str | None, kind: str, org: str | None) -> Row:
    """Homeroom keeps no roles: their sourcedIds are made from the user's kind."""
    return {
        "sourcedId": f"homeroom-role-{name}",
        "userSourcedId": user or "",
        "roleType": "primary",
        "role": kind,
        "orgSourcedId": org or DISTRICT,
    }


def teaching_schools() -> dict[int, str]:
    """Each teacher's school: that of the first section they teach."""
    schools: dict[int, str] = {}
    sections = (
        exported_sections()
        .filter(teacher__isnull=False)
        .order_by("pk")
        .values_list("teacher_id", "course__school__sourced_id")
    )
    for teacher, school in sections:
        if teacher and school:
            schools.setdefault(teacher, school)
    return schools


def enrollment_rows() -> Iterator[Row]:
    enrollments = (
        exported_enrollments()
        .order_by("pk")
        .values_list(
            "sourced_id",
            "section__sourced_id",
            "section__course__school__sourced_id",
            "student__sourced_id",
            "start",
            "dropped_on",
        )
    )
    for enrollment, section, school, student, start, dropped_on in enrollments.iterator(
        CHUNK
    ):
        yield {
            "sourcedId": enrollment,
            "classSourcedId": section,
            "schoolSourcedId": school,
            "userSourcedId": student,
            "role": "student",
            "primary": "false",
            "beginDate": start.isoformat(),
            "endDate": dropped_on.isoformat() if dropped_on else "",
        }
    yield from teacher_enrollment_rows()


def teacher_enrollment_rows() -> Iterator[Row]:
    """Homeroom keeps a section's teacher on the section, not as an enrollment."""
    sections = (
        exported_sections()
        .filter(teacher__kind=Account.Kind.TEACHER)
        .order_by("pk")
        .values_list(
            "pk", "sourced_id", "course__school__sourced_id", "teacher__sourced_id"
        )
    )
    for pk, section, school, teacher in sections:
        yield {
            "sourcedId": f"homeroom-teaching-{pk}",
            "classSourcedId": section or "",
            "schoolSourcedId": school or "",
            "userSourcedId": teacher or "",
            "role": "teacher",
            "primary": "true",
        }


def demographic_rows() -> Iterator[Row]:
    students = exported_students().filter(birth_date__isnull=False).order_by("pk")
    for student, birth_date in students.values_list("sourced_id", "birth_date"):
        yield {"sourcedId": student, "birthDate": iso(birth_date)}


def line_item_rows(categories: CategoryIds) -> Iterator[Row]:
    assignments = (
        exported_assignments()
        .order_by("pk")
        .values_list(
            "sourced_id",
            "title",
            "assigned_on",
            "due_on",
            "gradebook__section__sourced_id",
            "category_id",
            "gradebook__marking_period__sourced_id",
            "points_possible",
            "gradebook__section__course__school__sourced_id",
        )
    )
    for row in assignments.iterator(CHUNK):
        item, title, assigned, due, section, category, period, possible, school = row
        yield {
            "sourcedId": item,
            "title": title,
            "assignDate": assigned.isoformat(),
            "dueDate": due.isoformat(),
            "classSourcedId": section,
            "categorySourcedId": categories.sid_for(category),
            "academicSessionSourcedId": period,
            "resultValueMin": "0",
            "resultValueMax": number(possible),
            "schoolSourcedId": school,
        }


def result_rows() -> Iterator[Row]:
    scores = (
        exported_scores()
        .order_by("pk")
        .values_list(
            "sourced_id",
            "assignment__sourced_id",
            "student__sourced_id",
            "points",
            "missing",
            "late",
            "excused",
            "incomplete",
            "comment",
            "updated_at",
            "assignment__gradebook__section__sourced_id",
        )
    )
    zone = timezone.get_current_timezone()
    for row in scores.iterator(CHUNK):
        score, item, student, points, missing, late, excused, incomplete = row[:8]
        comment, updated_at, section = row[8:]
        yield {
            "sourcedId": score,
            "lineItemSourcedId": item,
            "studentSourcedId": student,
            "scoreStatus": score_status(points, excused),
            "score": "" if points is None else number(points),
            "scoreDate": updated_at.astimezone(zone).date().isoformat(),
            "comment": comment,
            "classSourcedId": section,
            "inProgress": "false",
            "incomplete": boolean(incomplete),
            "late": boolean(late),
            "missing": boolean(missing),
        }


def score_status(points: Decimal | None, excused: bool) -> str:
    if excused:
        return "exempt"
    return "not submitted" if points is None else "fully graded"


def export_contacts(out: IO[bytes]) -> int:
    """The contacts file: what OneRoster does not carry, one row per link.

    Imported with the package into an empty Homeroom, it brings back the
    addresses, relationships and online access.
    """
    links = (
        StudentContact.objects.filter(student__active=True)
        .select_related("student", "contact")
        .order_by("student__number", "pk")
    )
    count = 0
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        writer = csv.writer(text)
        writer.writerow(CONTACT_COLUMNS)
        for link in links.iterator(CHUNK):
            values = contact_values(link)
            writer.writerow([values[name] for name in CONTACT_COLUMNS])
            count += 1
    finally:
        text.detach()  # flushed, and `out` left open for the caller
    return count


def contact_values(link: StudentContact) -> dict[str, str]:
    contact = link.contact
    return {
        "student_number": link.student.number,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "relationship": link.relationship,
        "email": contact.email,
        "phone": contact.phone,
        "address_line1": contact.address_line1,
        "address_line2": contact.address_line2,
        "city": contact.city,
        "state": contact.state,
        "postal_code": contact.postal_code,
        "online_access": "yes" if link.online_access else "no",
    }


def note_left_out(report: ExportReport) -> None:
    counts = [
        (
            Student.objects.filter(active=False).count(),
            "inactive students, with their enrollments and scores",
        ),
        (
            Section.objects.exclude(pk__in=exported_sections().values("pk")).count(),
            "sections with no marking period, with their enrollments and gradebooks",
        ),
        (
            SchoolYear.objects.exclude(pk__in=exported_years().values("pk")).count(),
            "school years with no marking period",
        ),
    ]
    for count, what in counts:
        if count:
            report.left_out.append(f"{count:,} {what}")


def sid(record: models.Model) -> str:
    return getattr(record, "sourced_id", None) or ""


def number(value: Decimal) -> str:
    """A decimal without trailing zeros: 60.00 is written 60, 7.50 is 7.5."""
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def boolean(value: bool) -> str:
    return "true" if value else "false"
