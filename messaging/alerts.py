"""Alerts a parent asked for: noticed as they happen, sent after a grace period.

Every few minutes the job notices new events for the children whose parents
opted in on My Account: a score marked missing, an absence or a tardy, a course
average under the parent's threshold. Each event makes one Alert, keyed so it
is never sent twice. An alert waits out HOMEROOM_ALERT_GRACE_MINUTES and goes
out only if its event still holds then, so a teacher's slip corrected within
the hour never reaches the family. Nothing goes out in HOMEROOM_QUIET_HOURS;
alerts held then go out when they end. Past HOMEROOM_ALERTS_PER_DAY in one
local day, a parent's alerts wait for the weekly digest instead.
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from gradebook.models import Score
from gradebook.snapshot import CourseSnapshot, course_snapshots
from messaging.models import Alert, AlertPreference
from messaging.preferences import stop_link_for
from outbox.compose import queue_email
from records.models import MarkingPeriod

logger = logging.getLogger(__name__)

# Events changed this long ago are old news: a parent who opts in is not sent
# last month's missing work, and a worker that was down a night catches up.
LOOKBACK = datetime.timedelta(days=1)

ATTENDANCE_KINDS = {
    AttendanceCode.Kind.ABSENT: Alert.Kind.ABSENT,
    AttendanceCode.Kind.TARDY: Alert.Kind.TARDY,
}

TEMPLATES: dict[str, str] = {
    Alert.Kind.BELOW: "messaging/email/alert_below",
    Alert.Kind.MISSING: "messaging/email/alert_missing",
    Alert.Kind.ABSENT: "messaging/email/alert_attendance",
    Alert.Kind.TARDY: "messaging/email/alert_attendance",
}

PAGES: dict[str, str] = {
    Alert.Kind.BELOW: "family:child",
    Alert.Kind.MISSING: "family:missing",
    Alert.Kind.ABSENT: "family:attendance",
    Alert.Kind.TARDY: "family:attendance",
}


def run_alerts(now: datetime.datetime | None = None) -> None:
    """The scheduled job: notice new events, then send the alerts that are due."""
    now = now or timezone.now()

    notice_events(now)

    send_due_alerts(now)


# Noticing events


def notice_events(now: datetime.datetime) -> None:
    today = timezone.localdate(now)
    preferences = list(
        AlertPreference.objects.in_force().select_related("account", "student")
    )

    notice_missing_work([p for p in preferences if p.missing], today, now)

    notice_attendance([p for p in preferences if p.attendance], now)

    below = [p for p in preferences if p.average_below is not None]
    notice_low_averages(below, today, now)


def by_student(
    preferences: Iterable[AlertPreference],
) -> dict[int, list[AlertPreference]]:
    grouped = defaultdict(list)
    for preference in preferences:
        grouped[preference.student_id].append(preference)
    return grouped


def notice_missing_work(
    preferences: list[AlertPreference], today: datetime.date, now: datetime.datetime
) -> None:
    wanted = by_student(preferences)
    scores = Score.objects.filter(
        student__in=wanted,
        missing=True,
        excused=False,
        updated_at__gte=now - LOOKBACK,
        assignment__visible_from__lte=today,
    )

    for score in scores:
        for preference in wanted[score.student_id]:
            key = f"missing:{score.pk}"
            notice(preference, Alert.Kind.MISSING, key, {"score": score.pk}, now)


def notice_attendance(
    preferences: list[AlertPreference], now: datetime.datetime
) -> None:
    """One alert per child, day and kind, however many class periods are marked.

    Excused absences are left out: the school already knows why, and most
    often so does the family.
    """
    wanted = by_student(preferences)
    marks = AttendanceMark.objects.filter(
        student__in=wanted,
        recorded_at__gte=now - LOOKBACK,
        code__kind__in=ATTENDANCE_KINDS,
        code__excused=False,
    ).select_related("code")

    for mark in marks:
        kind = ATTENDANCE_KINDS[AttendanceCode.Kind(mark.code.kind)]
        key = f"{kind}:{mark.student_id}:{mark.date.isoformat()}"
        for preference in wanted[mark.student_id]:
            notice(preference, kind, key, {"date": mark.date.isoformat()}, now)


def notice_low_averages(
    preferences: list[AlertPreference], today: datetime.date, now: datetime.datetime
) -> None:
    period = MarkingPeriod.objects.current(today)
    if not preferences or period is None or not period.contains(today):
        return

    courses: dict[int, list[CourseSnapshot]] = {}
    for preference in preferences:
        student = preference.student
        if student.pk not in courses:
            courses[student.pk] = course_snapshots(student, period, today)

        for course in courses[student.pk]:
            if is_below(course, preference):
                key = f"below:{student.pk}:{course.section.pk}:{period.pk}"
                refs = {"section": course.section.pk, "period": period.pk}
                notice(preference, Alert.Kind.BELOW, key, refs, now)


def is_below(course: CourseSnapshot, preference: AlertPreference) -> bool:
    percent, threshold = course.average.percent, preference.average_below
    return percent is not None and threshold is not None and percent < threshold


def grace() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.HOMEROOM_ALERT_GRACE_MINUTES)


def notice(
    preference: AlertPreference,
    kind: str,
    key: str,
    refs: dict[str, Any],
    now: datetime.datetime,
) -> None:
    """Keep one alert for the event; an event back after a correction waits anew."""
    alert, created = Alert.objects.get_or_create(
        account_id=preference.account_id,
        key=key,
        defaults={
            "student_id": preference.student_id,
            "kind": kind,
            "details": refs,
            "created_at": now,
            "due_at": now + grace(),
        },
    )
    if created or alert.cancelled_at is None or alert.sent_at is not None:
        return

    Alert.objects.filter(pk=alert.pk, cancelled_at__isnull=False).update(
        cancelled_at=None, created_at=now, due_at=now + grace(), details=refs
    )


# Sending alerts


def quiet_hours() -> tuple[int, int] | None:
    """The quiet hours from the setting (checked at start-up), or None."""
    value = settings.HOMEROOM_QUIET_HOURS
    if not value:
        return None
    start, _dash, end = value.partition("-")
    return int(start), int(end)


def in_quiet_hours(now: datetime.datetime) -> bool:
    hours = quiet_hours()
    if hours is None:
        return False

    start, end = hours
    hour = timezone.localtime(now).hour
    if start <= end:
        return start <= hour < end
    return hour >= start or hour < end


def send_due_alerts(now: datetime.datetime) -> None:
    if in_quiet_hours(now):
        return

    due = Alert.objects.due(now).select_related("account", "student")
    outcomes: dict[str, int] = defaultdict(int)
    for alert in due.order_by("due_at", "pk"):
        outcomes[settle(alert, now)] += 1

    if outcomes:
        logger.info(
            "Alerts: %d sent, %d folded into the digest, %d cancelled",
            outcomes["sent"],
            outcomes["folded"],
            outcomes["cancelled"],
        )


def settle(alert: Alert, now: datetime.datetime) -> str:
    """Send the alert, fold it into the digest or cancel it; say which."""
    details = describe(alert, timezone.localdate(now))
    address = address_for(alert.account)
    if details is None or not address:
        claim(alert, cancelled_at=now)
        return "cancelled"

    if sent_today(alert.account, now) >= settings.HOMEROOM_ALERTS_PER_DAY:
        claim(alert, folded_into_digest=True, details=details)
        return "folded"

    with transaction.atomic():
        if not claim(alert, sent_at=now, details=details):
            return "settled elsewhere"
        queue_alert(alert, details, address)
    return "sent"


def claim(alert: Alert, **changes: Any) -> bool:
    """Apply the change only if no other run has settled the alert first."""
    return bool(Alert.objects.waiting().filter(pk=alert.pk).update(**changes))


def sent_today(account: Account, now: datetime.datetime) -> int:
    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    next_midnight = timezone.make_aware(
        datetime.datetime.combine(
            midnight.date() + datetime.timedelta(days=1), datetime.time.min
        )
    )
    return (
        Alert.objects.filter(account=account)
        .sent_between(midnight, next_midnight)
        .count()
    )


def address_for(account: Account) -> str:
    if account.email:
        return account.email
    contact = account.contacts.exclude(email="").order_by("pk").first()
    return contact.email if contact else ""


def language_of(account: Account) -> str:
    return getattr(account, "language", "") or settings.LANGUAGE_CODE


# What an alert says, if its event still holds


def describe(alert: Alert, today: datetime.date) -> dict[str, Any] | None:
    """The alert's details as of now, or None when the event no longer holds.

    The result is kept in the alert (JSON), so the digest can show it later.
    """
    preference = (
        AlertPreference.objects.in_force()
        .filter(account=alert.account_id, student=alert.student_id)
        .first()
    )
    if preference is None:
        return None

    refs = alert.details
    if alert.kind == Alert.Kind.MISSING:
        return describe_missing(preference, refs, today)
    if alert.kind == Alert.Kind.BELOW:
        return describe_below(preference, refs, today)
    return describe_attendance(preference, alert.kind, refs)


def describe_missing(
    preference: AlertPreference, refs: dict[str, Any], today: datetime.date
) -> dict[str, Any] | None:
    score = (
        Score.objects.filter(
            pk=refs["score"],
            missing=True,
            excused=False,
            assignment__visible_from__lte=today,
        )
        .select_related("assignment__gradebook__section__course")
        .first()
    )
    if not preference.missing or score is None:
        return None

    assignment = score.assignment
    return {
        **refs,
        "course": assignment.gradebook.section.course.title,
        "assignment": assignment.title,
        "due": assignment.due_on.isoformat(),
    }


def describe_attendance(
    preference: AlertPreference, kind: str, refs: dict[str, Any]
) -> dict[str, Any] | None:
    code_kind = AttendanceCode.Kind.ABSENT
    if kind == Alert.Kind.TARDY:
        code_kind = AttendanceCode.Kind.TARDY
    marks = AttendanceMark.objects.filter(
        student=preference.student_id,
        date=refs["date"],
        code__kind=code_kind,
        code__excused=False,
    ).select_related("section__course")
    if not preference.attendance or not marks:
        return None

    courses = sorted({m.section.course.title for m in marks if m.section is not None})
    whole_day = any(mark.section is None for mark in marks)
    return {**refs, "courses": courses, "whole_day": whole_day}


def describe_below(
    preference: AlertPreference, refs: dict[str, Any], today: datetime.date
) -> dict[str, Any] | None:
    period = MarkingPeriod.objects.filter(pk=refs["period"]).first()
    if period is None or not period.contains(today):
        return None

    courses = course_snapshots(preference.student, period, today)
    course = next((c for c in courses if c.section.pk == refs.get("section")), None)
    if course is None or not is_below(course, preference):
        return None

    return {
        **refs,
        "course": course.section.course.title,
        "average": str(course.average.percent),
        "threshold": str(preference.average_below),
    }


def readable(details: dict[str, Any]) -> dict[str, Any]:
    """Kept details as templates show them: dates as dates, numbers as numbers."""
    shown = dict(details)
    for name in ("due", "date"):
        if name in shown:
            shown[name] = datetime.date.fromisoformat(shown[name])
    for name in ("average", "threshold"):
        if name in shown:
            shown[name] = Decimal(shown[name]).normalize()
    return shown


def queue_alert(alert: Alert, details: dict[str, Any], address: str) -> None:
    account, student = alert.account, alert.student
    context = {
        **readable(details),
        "kind": alert.kind,
        "child": student.first_name,
        "page_url": site_link(PAGES[alert.kind], student.public_id),
        "account_url": site_link("accounts:my_account"),
        "stop_url": stop_link_for(account, alert.kind, student),
        "stop_all_url": stop_link_for(account, "alerts"),
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
    }
    with translation.override(language_of(account)):
        queue_email(address, TEMPLATES[alert.kind], context)


def site_link(name: str, *args: object) -> str:
    return settings.HOMEROOM_SITE_URL.rstrip("/") + reverse(name, args=args)
