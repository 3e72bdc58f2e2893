import datetime
from dataclasses import dataclass

from family.calendar import (
    Count,
    Mark,
    add_months,
    in_order,
    month_to_show,
    month_weeks,
    neighbour_month,
    parse_month,
    school_week,
    totals,
    week_by_period,
)

NOVEMBER = datetime.date(2026, 11, 1)
YEAR_START = datetime.date(2026, 8, 31)
YEAR_END = datetime.date(2027, 6, 18)


def mark(
    day: int,
    code: str = "A",
    period: int | None = None,
    kind: str = "absent",
    excused: bool = False,
    counts_as_absence: bool = True,
    month: int = 11,
) -> Mark:
    return Mark(
        date=datetime.date(2026, month, day),
        period=period,
        course="Math 7" if period else "",
        code=code,
        meaning=code,
        kind=kind,
        excused=excused,
        counts_as_absence=counts_as_absence,
    )


def tardy(day: int, period: int | None = None, excused: bool = False) -> Mark:
    return mark(day, "T", period, "tardy", excused, counts_as_absence=False)


def test_november_2026_has_five_school_weeks_starting_on_monday() -> None:
    weeks = month_weeks(NOVEMBER, [])

    assert len(weeks) == 5
    assert [day.date for day in weeks[0]] == [
        datetime.date(2026, 11, d) for d in range(2, 7)
    ]
    assert all(day.date.isoweekday() == 1 for day in (week[0] for week in weeks))


def test_a_week_made_only_of_last_months_days_is_left_out() -> None:
    # November 1st is a Sunday: the week of October 26th has no November school day.
    first_monday = month_weeks(NOVEMBER, [])[0][0].date

    assert first_monday == datetime.date(2026, 11, 2)


def test_the_last_week_spills_into_december_without_marks() -> None:
    december_first = mark(1, month=12)

    last_week = month_weeks(NOVEMBER, [december_first])[-1]

    assert [day.in_month for day in last_week] == [True, False, False, False, False]
    assert last_week[1].marks == []


def test_marks_land_on_their_day_whole_day_first_then_by_period() -> None:
    marks = [tardy(18, period=3), mark(18), tardy(18, period=2), mark(16)]

    days = {day.date.day: day for week in month_weeks(NOVEMBER, marks) for day in week}

    assert [m.period for m in days[18].marks] == [None, 2, 3]
    assert [m.code for m in days[16].marks] == ["A"]
    assert days[17].marks == []


def test_weekend_marks_are_not_in_the_school_week_grid() -> None:
    saturday = mark(14)

    days = [day for week in month_weeks(NOVEMBER, [saturday]) for day in week]

    assert all(day.marks == [] for day in days)


def test_in_order_lists_the_newest_day_first() -> None:
    ordered = in_order([mark(2), tardy(20, period=4), mark(20)])

    assert [(m.date.day, m.period) for m in ordered] == [(20, None), (20, 4), (2, None)]


def test_parse_month_reads_year_and_month_only() -> None:
    assert parse_month("2026-11") == NOVEMBER
    assert parse_month("2026-13") is None
    assert parse_month("november") is None
    assert parse_month(None) is None


def test_add_months_crosses_years_both_ways() -> None:
    assert add_months(datetime.date(2026, 12, 1), 1) == datetime.date(2027, 1, 1)
    assert add_months(datetime.date(2027, 1, 1), -1) == datetime.date(2026, 12, 1)


def test_the_month_shown_defaults_to_today_and_stays_in_the_school_year() -> None:
    today = datetime.date(2026, 12, 3)

    assert month_to_show(None, today, YEAR_START, YEAR_END) == datetime.date(
        2026, 12, 1
    )
    assert month_to_show("nonsense", today, None, None) == datetime.date(2026, 12, 1)
    assert month_to_show("2025-01", today, YEAR_START, YEAR_END) == datetime.date(
        2026, 8, 1
    )
    assert month_to_show("2030-01", today, YEAR_START, YEAR_END) == datetime.date(
        2027, 6, 1
    )


def test_neighbour_months_stop_at_the_ends_of_the_school_year() -> None:
    august = datetime.date(2026, 8, 1)
    june = datetime.date(2027, 6, 1)

    assert neighbour_month(august, -1, YEAR_START, YEAR_END) is None
    assert neighbour_month(august, 1, YEAR_START, YEAR_END) == datetime.date(2026, 9, 1)
    assert neighbour_month(june, 1, YEAR_START, YEAR_END) is None
    assert neighbour_month(june, -1, YEAR_START, YEAR_END) == datetime.date(2027, 5, 1)


def test_totals_count_days_class_absences_tardies_and_dismissals() -> None:
    marks = [
        mark(2),
        mark(3, "AE", excused=True),
        mark(4, period=2),
        tardy(5),
        tardy(6, period=2, excused=True),
        mark(9, "D", kind="dismissed", counts_as_absence=False),
    ]

    result = totals(marks)

    assert result.absent_days == Count(excused=1, unexcused=1)
    assert result.class_absences == Count(excused=0, unexcused=1)
    assert result.tardies == Count(excused=1, unexcused=1)
    assert result.dismissals == Count(excused=0, unexcused=1)
    assert result.absent_days.total == 2


def test_a_code_that_does_not_count_as_an_absence_is_not_an_absent_day() -> None:
    field_trip = mark(10, "FT", counts_as_absence=False, excused=True)

    assert totals([field_trip]).absent_days.total == 0


def test_no_marks_is_all_zero() -> None:
    result = totals([])

    assert result.absent_days.total == result.tardies.total == 0


@dataclass
class FakeSection:
    name: str
    period: int
    meeting_days: str = "12345"

    def meets_on(self, day: datetime.date) -> bool:
        return str(day.isoweekday()) in self.meeting_days


def test_school_week_is_monday_to_friday_of_this_week() -> None:
    thursday = datetime.date(2026, 12, 3)

    assert school_week(thursday) == [
        datetime.date(2026, 11, 30) + datetime.timedelta(days=n) for n in range(5)
    ]


def test_on_a_weekend_the_school_week_is_the_next_one() -> None:
    saturday = datetime.date(2026, 12, 5)

    assert school_week(saturday)[0] == datetime.date(2026, 12, 7)


def test_week_by_period_puts_each_section_on_the_days_it_meets() -> None:
    math = FakeSection("math", 2, "135")
    art = FakeSection("art", 2, "24")
    english = FakeSection("english", 3)
    days = school_week(datetime.date(2026, 12, 3))

    rows = week_by_period([english, math, art], days)

    assert [row.period for row in rows] == [2, 3]
    assert [[s.name for s in cell] for cell in rows[0].cells] == [
        ["math"],
        ["art"],
        ["math"],
        ["art"],
        ["math"],
    ]
    assert all(cell == [english] for cell in rows[1].cells)
