"""Gradebooks left alone too long: the letter promises an update every two to three
weeks, and the principal follows up on the ones that slipped.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from gradebook.models import Gradebook
from records.models import MarkingPeriod, School, Section


@dataclass(frozen=True)
class StaleGradebook:
    section: Section
    last_updated: datetime.datetime | None  # None: never updated, or no gradebook
    days_since: int | None


@dataclass(frozen=True)
class SchoolList:
    school: School
    gradebooks: list[StaleGradebook]


def is_stale(
    last_updated: datetime.datetime | None, now: datetime.datetime, days: int
) -> bool:
    """Never updated, or updated longer than `days` days ago."""
    if last_updated is None:
        return True
    return last_updated < now - datetime.timedelta(days=days)


def stale_row(
    section: Section, last_updated: datetime.datetime | None, now: datetime.datetime
) -> StaleGradebook:
    days = None if last_updated is None else (now - last_updated).days
    return StaleGradebook(section, last_updated, days)


def stale_gradebooks(
    schools: list[School], now: datetime.datetime
) -> tuple[MarkingPeriod | None, list[SchoolList]]:
    """Per school, the current marking period's sections whose gradebook went stale.

    A section meeting in the marking period without a gradebook counts as
    never updated.
    """
    period = MarkingPeriod.objects.current(timezone.localdate(now))
    if period is None:
        return None, []

    sections = (
        Section.objects.filter(marking_periods=period, course__school__in=schools)
        .select_related("course__school", "teacher")
        .order_by("teacher__last_name", "teacher__first_name", "period", "pk")
    )
    updated = dict(
        Gradebook.objects.filter(
            marking_period=period, section__in=sections
        ).values_list("section_id", "updated_at")
    )
    days = settings.HOMEROOM_STALE_GRADEBOOK_DAYS

    stale = [
        stale_row(section, updated.get(section.pk), now)
        for section in sections
        if is_stale(updated.get(section.pk), now, days)
    ]
    return period, [
        SchoolList(
            school, [row for row in stale if row.section.course.school == school]
        )
        for school in schools
    ]
