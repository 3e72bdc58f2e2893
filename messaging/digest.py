"""The weekly digest: one email a week to each parent who asked, about all children.

For each child: every course's running average and its change since last
week's digest, the work marked missing this week, and the week's absences and
tardies; then the alerts the daily limit held back. The worker sends it on
HOMEROOM_DIGEST_WEEKDAY from HOMEROOM_DIGEST_HOUR; `manage.py send_digest`
sends it at once, for cron. A parent gets at most one a week however often
either runs.
"""

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from gradebook.snapshot import CourseSnapshot, course_snapshots
from messaging.alerts import address_for, language_of, readable, site_link
from messaging.models import Alert, AverageSnapshot, DigestSent
from messaging.preferences import stop_link_for
from outbox.compose import queue_email
from records.models import MarkingPeriod, Student

logger = logging.getLogger(__name__)

TEMPLATE = "messaging/email/digest"
WEEK = datetime.timedelta(days=7)
# Last week's averages are those of the latest digest within this many days.
LAST_WEEK_AT_MOST = datetime.timedelta(days=13)


@dataclass(frozen=True)
class CourseLine:
    title: str
    percent: Decimal | None
    letter: str
    change: Decimal | None  # None when there is nothing to compare with


@dataclass(frozen=True)
class MissingLine:
    course: str
    assignment: str
    due: datetime.date


@dataclass(frozen=True)
class ChildDigest:
    student: Student
    period: str
    courses: list[CourseLine]
    missing: list[MissingLine]
    attendance: list[AttendanceMark]


def send_weekly_digest(now: datetime.datetime | None = None) -> int:
    """The scheduled job: daily at the digest hour, it sends on the digest's day."""
    now = now or timezone.now()
    if timezone.localdate(now).isoweekday() != settings.HOMEROOM_DIGEST_WEEKDAY:
        return 0
    return send_digests(now)


def send_digests(now: datetime.datetime | None = None) -> int:
    """Send this week's digest to every parent due one; return how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    week = today - datetime.timedelta(days=today.weekday())
    children: dict[int, ChildDigest] = {}

    sent = sum(send_digest(account, week, now, children) for account in due(week))

    if sent:
        logger.info("Weekly digest: %d sent", sent)
    return sent


def due(week: datetime.date) -> QuerySet[Account]:
    """Parents who asked for the digest, or have alerts waiting for it."""
    waiting = Alert.objects.for_next_digest().filter(account=OuterRef("pk"))
    already = DigestSent.objects.filter(account=OuterRef("pk"), week=week)
    return (
        Account.objects.filter(kind=Account.Kind.PARENT, is_active=True)
        .filter(Q(digest_preference__weekly=True) | Exists(waiting))
        .exclude(Exists(already))
        .order_by("pk")
    )


def send_digest(
    account: Account,
    week: datetime.date,
    now: datetime.datetime,
    children: dict[int, ChildDigest],
) -> bool:
    """Queue one parent's digest, at most once a week; True if it was queued."""
    address = address_for(account)
    students = list(Student.objects.visible_to(account))
    if not address or not students:
        return False

    today = timezone.localdate(now)
    for student in students:
        if student.pk not in children:
            children[student.pk] = child_digest(student, today)
    held = list(Alert.objects.for_next_digest().filter(account=account))
    context = digest_context(account, [children[s.pk] for s in students], held)

    try:
        with transaction.atomic(), translation.override(language_of(account)):
            digest = DigestSent.objects.create(account=account, week=week, sent_at=now)
            queue_email(address, TEMPLATE, context)
            Alert.objects.filter(pk__in=[alert.pk for alert in held]).update(
                digest=digest
            )
    except IntegrityError:
        return False  # another run sent this week's digest first
    return True


def digest_context(
    account: Account, children: list[ChildDigest], held: list[Alert]
) -> dict[str, Any]:
    names = {child.student.pk: child.student.first_name for child in children}
    return {
        "children": children,
        "held": [
            {"kind": alert.kind, "child": names.get(alert.student_id, ""), **details}
            for alert in held
            for details in [readable(alert.details)]
        ],
        "account_url": site_link("accounts:my_account"),
        "stop_url": stop_link_for(account, "digest"),
        "stop_alerts_url": stop_link_for(account, "alerts") if held else "",
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
    }


def child_digest(student: Student, today: datetime.date) -> ChildDigest:
    """One child's week; the averages are kept for next week's change."""
    week_start = today - WEEK + datetime.timedelta(days=1)
    period = MarkingPeriod.objects.current(today)
    courses = course_snapshots(student, period, today) if period else []

    lines = course_lines(student, period, courses, today)

    keep_averages(student, period, courses, today)

    return ChildDigest(
        student=student,
        period=period.name if period else "",
        courses=lines,
        missing=missing_this_week(courses, week_start),
        attendance=attendance_this_week(student, week_start, today),
    )


def course_lines(
    student: Student,
    period: MarkingPeriod | None,
    courses: list[CourseSnapshot],
    today: datetime.date,
) -> list[CourseLine]:
    before = last_week_averages(student, period, today)
    lines = []
    for course in courses:
        percent = course.average.percent
        previous = before.get(course.section.pk)
        change = None
        if percent is not None and previous is not None:
            change = (percent - previous).quantize(Decimal("0.1"))
        lines.append(
            CourseLine(course.section.course.title, percent, course.letter, change)
        )
    return lines


def last_week_averages(
    student: Student, period: MarkingPeriod | None, today: datetime.date
) -> dict[int, Decimal]:
    """Each course's average at the latest digest before today, by section."""
    if period is None:
        return {}
    snapshots = AverageSnapshot.objects.filter(
        student=student,
        marking_period=period,
        taken_on__lt=today,
        taken_on__gte=today - LAST_WEEK_AT_MOST,
    ).order_by("taken_on")
    return {snapshot.section_id: snapshot.percent for snapshot in snapshots}


def keep_averages(
    student: Student,
    period: MarkingPeriod | None,
    courses: list[CourseSnapshot],
    today: datetime.date,
) -> None:
    for course in courses:
        if period is None or course.average.percent is None:
            continue
        AverageSnapshot.objects.update_or_create(
            student=student,
            section=course.section,
            marking_period=period,
            taken_on=today,
            defaults={"percent": course.average.percent},
        )


def missing_this_week(
    courses: list[CourseSnapshot], week_start: datetime.date
) -> list[MissingLine]:
    """Work marked missing this week (going by when its score last changed)."""
    return [
        MissingLine(
            course.section.course.title, line.assignment.title, line.assignment.due_on
        )
        for course in courses
        for line in course.missing_lines
        if line.score and timezone.localdate(line.score.updated_at) >= week_start
    ]


def attendance_this_week(
    student: Student, week_start: datetime.date, today: datetime.date
) -> list[AttendanceMark]:
    kinds = [AttendanceCode.Kind.ABSENT, AttendanceCode.Kind.TARDY]
    return list(
        AttendanceMark.objects.between(week_start, today)
        .filter(student=student, code__kind__in=kinds)
        .select_related("code", "section__course")
        .order_by("date", "section__period")
    )
