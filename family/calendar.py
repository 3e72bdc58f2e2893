"""Pure arithmetic for the attendance and schedule pages: months, weeks and totals.

Nothing here reads the database: the views load the rows and hand over plain
values, so every rule below is tested with plain values too.
"""

import calendar
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

SCHOOL_WEEK = (1, 2, 3, 4, 5)  # ISO weekdays: Monday to Friday


@dataclass(frozen=True)
class Mark:
    """One attendance exception, as a family reads it."""

    date: datetime.date
    period: int | None  # None: the whole day
    course: str
    code: str
    meaning: str
    kind: str  # "absent", "tardy" or "dismissed", as in the code table
    excused: bool
    counts_as_absence: bool
    comment: str = ""

    @property
    def is_daily(self) -> bool:
        return self.period is None


@dataclass(frozen=True)
class Day:
    date: datetime.date
    in_month: bool
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Count:
    excused: int = 0
    unexcused: int = 0

    @property
    def total(self) -> int:
        return self.excused + self.unexcused


@dataclass(frozen=True)
class Totals:
    absent_days: Count
    class_absences: Count
    tardies: Count
    dismissals: Count


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(first: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after (or before) this one."""
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(text: str | None) -> datetime.date | None:
    """The first day of a month written YYYY-MM, or None for anything else."""
    try:
        return datetime.datetime.strptime(text or "", "%Y-%m").date()
    except ValueError:
        return None


def month_to_show(
    text: str | None,
    today: datetime.date,
    first_day: datetime.date | None,
    last_day: datetime.date | None,
) -> datetime.date:
    """The month asked for, else today's, kept within the school year if known."""
    month = parse_month(text) or first_of_month(today)

    if first_day is not None:
        month = max(month, first_of_month(first_day))
    if last_day is not None:
        month = min(month, first_of_month(last_day))
    return month


def neighbour_month(
    month: datetime.date, step: int, first_day: datetime.date, last_day: datetime.date
) -> datetime.date | None:
    """The month before (-1) or after (+1), if it still falls in the school year."""
    other = add_months(month, step)
    if first_of_month(first_day) <= other <= first_of_month(last_day):
        return other
    return None


def within_day(mark: Mark) -> int:
    """Sort key inside one day: the whole-day mark first, then by period."""
    return -1 if mark.period is None else mark.period


def in_order(marks: Iterable[Mark]) -> list[Mark]:
    """Newest day first; within a day the whole-day mark, then by period."""
    by_period = sorted(marks, key=within_day)
    return sorted(by_period, key=lambda mark: mark.date, reverse=True)


def between(
    marks: Iterable[Mark], first: datetime.date, last: datetime.date
) -> list[Mark]:
    return [mark for mark in marks if first <= mark.date <= last]


def month_weeks(month: datetime.date, marks: Iterable[Mark]) -> list[list[Day]]:
    """The school weeks of a month, Monday to Friday, each day with its marks.

    Days of the neighbouring months fill the first and last week but carry no
    marks; a week with no school day of this month is left out.
    """
    by_date: dict[datetime.date, list[Mark]] = {}
    for mark in sorted(marks, key=within_day):
        by_date.setdefault(mark.date, []).append(mark)

    weeks = []
    grid = calendar.Calendar(firstweekday=calendar.MONDAY)
    for dates in grid.monthdatescalendar(month.year, month.month):
        school_days = [day for day in dates if day.isoweekday() in SCHOOL_WEEK]
        if all(day.month != month.month for day in school_days):
            continue
        weeks.append([month_day(day, month, by_date) for day in school_days])
    return weeks


def month_day(
    day: datetime.date,
    month: datetime.date,
    by_date: dict[datetime.date, list[Mark]],
) -> Day:
    if day.month != month.month:
        return Day(day, in_month=False)
    return Day(day, in_month=True, marks=by_date.get(day, []))


def count(marks: Iterable[Mark]) -> Count:
    marks = list(marks)
    excused = sum(1 for mark in marks if mark.excused)
    return Count(excused=excused, unexcused=len(marks) - excused)


def totals(marks: Iterable[Mark]) -> Totals:
    """Absent days, class absences, tardies and early dismissals.

    A day counts as absent when its whole-day mark counts as an absence in the
    code table; an absence from one class period is a class absence, not a day.
    Tardies and dismissals count every mark, whole-day or per period.
    """
    marks = list(marks)
    absences = [mark for mark in marks if mark.counts_as_absence]

    return Totals(
        absent_days=count(mark for mark in absences if mark.is_daily),
        class_absences=count(mark for mark in absences if not mark.is_daily),
        tardies=count(mark for mark in marks if mark.kind == "tardy"),
        dismissals=count(mark for mark in marks if mark.kind == "dismissed"),
    )


class MeetsOnDays(Protocol):
    @property
    def period(self) -> int: ...

    def meets_on(self, day: datetime.date) -> bool: ...


SectionT = TypeVar("SectionT", bound=MeetsOnDays)


@dataclass(frozen=True)
class PeriodRow(Generic[SectionT]):
    period: int
    cells: list[list[SectionT]]  # one cell per day of the week


def school_week(today: datetime.date) -> list[datetime.date]:
    """Monday to Friday of this week; on a weekend, of the week to come."""
    monday = today - datetime.timedelta(days=today.isoweekday() - 1)
    if today.isoweekday() not in SCHOOL_WEEK:
        monday += datetime.timedelta(days=7)
    return [monday + datetime.timedelta(days=n) for n in range(len(SCHOOL_WEEK))]


def week_by_period(
    sections: Sequence[SectionT], days: Sequence[datetime.date]
) -> list[PeriodRow[SectionT]]:
    """Rows of periods, each with the sections that meet on each day."""
    periods = sorted({section.period for section in sections})
    return [
        PeriodRow(
            period,
            [
                [s for s in sections if s.period == period and s.meets_on(day)]
                for day in days
            ],
        )
        for period in periods
    ]
