"""A family's private calendar: every child's due dates and their schools' events.

No sign-in: the secret in the address is the only key, so an unknown or
replaced secret answers 404 like any missing page.
"""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api.models import CalendarFeed, SchoolEvent
from family import ical
from family.numbers import plain_number
from gradebook.models import Assignment
from records.models import Enrollment, MarkingPeriod, SchoolYear, Student


@require_safe
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    feed = CalendarFeed.objects.for_key(secret)
    if feed is None or not feed.account.is_active:
        raise Http404

    # A calendar app sends no cookie: the family's own language, if chosen.
    with translation.override(feed.account.language or translation.get_language()):
        text = calendar_text(feed)
    return HttpResponse(text, content_type="text/calendar; charset=utf-8")


def calendar_text(feed: CalendarFeed) -> str:
    today = timezone.localdate()
    children = list(Student.objects.visible_to(feed.account).select_related("school"))
    year = current_year(today)

    events = assignment_events(children, year, today)
    events += school_events(children, year, today)
    return ical.calendar_text(
        events, _("Homeroom: due dates and school events"), timezone.now()
    )


def current_year(today: datetime.date) -> SchoolYear | None:
    period = MarkingPeriod.objects.select_related("school_year").current(today)
    return period.school_year if period else None


def uid_domain() -> str:
    return urlsplit(settings.HOMEROOM_SITE_URL).hostname or "homeroom"


def site_address(path: str) -> str:
    return settings.HOMEROOM_SITE_URL.rstrip("/") + path


def assignment_events(
    children: Sequence[Student], year: SchoolYear | None, today: datetime.date
) -> list[ical.Event]:
    """Each child's visible assignments this school year, on their due dates."""
    if year is None or not children:
        return []

    enrolled = defaultdict(list)
    by_pk = {child.pk: child for child in children}
    for student_id, section_id in (
        Enrollment.objects.on(today)
        .filter(student__in=children)
        .values_list("student_id", "section_id")
    ):
        enrolled[section_id].append(by_pk[student_id])

    assignments = Assignment.objects.filter(
        gradebook__section_id__in=enrolled,
        gradebook__marking_period__school_year=year,
        visible_from__lte=today,
    ).select_related("gradebook__section__course", "category")

    several = len(children) > 1
    return [
        assignment_event(assignment, child, several)
        for assignment in assignments.order_by("due_on", "pk")
        for child in enrolled[assignment.gradebook.section_id]
    ]


def assignment_event(
    assignment: Assignment, child: Student, several: bool
) -> ical.Event:
    section = assignment.gradebook.section
    names = {"course": section.course.title, "title": assignment.title}
    summary = _("%(course)s: %(title)s due") % names
    if several:
        summary = _("%(name)s · %(summary)s") % {
            "name": child.first_name,
            "summary": summary,
        }

    course_page = reverse("family:course", args=[child.public_id, section.public_id])
    return ical.Event(
        uid=f"assignment-{assignment.pk}-{child.public_id}@{uid_domain()}",
        summary=summary,
        first_day=assignment.due_on,
        last_day=assignment.due_on,
        description=assignment_description(assignment),
        url=site_address(course_page),
    )


def assignment_description(assignment: Assignment) -> str:
    points = plain_number(assignment.points_possible)
    if assignment.category is None:
        return _("%(points)s points possible.") % {"points": points}
    return _("%(category)s, %(points)s points possible.") % {
        "category": assignment.category.name,
        "points": points,
    }


def school_events(
    children: Sequence[Student], year: SchoolYear | None, today: datetime.date
) -> list[ical.Event]:
    """Events the district entered for the children's schools, from the year's start."""
    schools = {child.school for child in children}
    if not schools:
        return []

    first_day = year.start if year else today
    events = SchoolEvent.objects.filter(school__in=schools).ending_from(first_day)
    return [
        school_event(event, len(schools) > 1)
        for event in events.select_related("school")
    ]


def school_event(event: SchoolEvent, several_schools: bool) -> ical.Event:
    summary = event.title
    if several_schools:
        summary = _("%(school)s: %(title)s") % {
            "school": event.school.name,
            "title": event.title,
        }
    return ical.Event(
        uid=f"event-{event.pk}@{uid_domain()}",
        summary=summary,
        first_day=event.date,
        last_day=event.last_day,
    )
