"""What Homeroom already holds under OneRoster sourcedIds, each kind read once."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from accounts.models import Account
from gradebook.models import Assignment, Category
from records.models import (
    Contact,
    Course,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
)


@dataclass(frozen=True)
class PeriodOnFile:
    year_sid: str | None
    start: datetime.date
    end: datetime.date


class OnFile:
    """Read-only views of the database, for checks before anything is written."""

    @cached_property
    def schools(self) -> set[str]:
        return sourced(School.objects.values_list("sourced_id", flat=True))

    @cached_property
    def years(self) -> set[str]:
        return sourced(SchoolYear.objects.values_list("sourced_id", flat=True))

    @cached_property
    def periods(self) -> dict[str, PeriodOnFile]:
        rows = MarkingPeriod.objects.filter(sourced_id__isnull=False).values_list(
            "sourced_id", "school_year__sourced_id", "start", "end"
        )
        return {
            sid: PeriodOnFile(year, start, end) for sid, year, start, end in rows if sid
        }

    @cached_property
    def courses(self) -> set[str]:
        return sourced(Course.objects.values_list("sourced_id", flat=True))

    @cached_property
    def sections(self) -> set[str]:
        return sourced(Section.objects.values_list("sourced_id", flat=True))

    @cached_property
    def section_periods(self) -> dict[str, list[str]]:
        """Each imported section's marking periods that came from OneRoster too."""
        model = Section.marking_periods.through
        through = model._default_manager.filter(
            section__sourced_id__isnull=False,
            markingperiod__sourced_id__isnull=False,
        ).values_list("section__sourced_id", "markingperiod__sourced_id")
        periods: dict[str, list[str]] = {}
        for section, period in through:
            periods.setdefault(section, []).append(period)
        return periods

    @cached_property
    def teachers(self) -> set[str]:
        accounts = Account.objects.filter(kind=Account.Kind.TEACHER)
        return sourced(accounts.values_list("sourced_id", flat=True))

    @cached_property
    def students(self) -> set[str]:
        return sourced(Student.objects.values_list("sourced_id", flat=True))

    @cached_property
    def contacts(self) -> set[str]:
        return sourced(Contact.objects.values_list("sourced_id", flat=True))

    @cached_property
    def users(self) -> set[str]:
        return self.teachers | self.students | self.contacts

    @cached_property
    def categories(self) -> dict[str, tuple[str, Decimal]]:
        rows = Category.objects.exclude(sourced_id="").values_list(
            "sourced_id", "name", "weight"
        )
        return {sid: (name, weight) for sid, name, weight in rows}

    @cached_property
    def assignments(self) -> set[str]:
        return sourced(Assignment.objects.values_list("sourced_id", flat=True))


def sourced(values: Iterable[str | None]) -> set[str]:
    return {value for value in values if value}
