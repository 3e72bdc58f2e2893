import datetime
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.models import AttendanceCode, AttendanceMark
from conftest import Cast, Term
from family.calendar import Count, Day
from records.models import Section, Student


def url(public_id: uuid.UUID, month: str = "") -> str:
    address = reverse("family:attendance", args=[public_id])
    return f"{address}?month={month}" if month else address


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def add_mark(
    student: Student,
    day: datetime.date,
    code: AttendanceCode,
    section: Section | None = None,
    comment: str = "",
) -> AttendanceMark:
    return AttendanceMark.objects.create(
        student=student, date=day, code=code, section=section, comment=comment
    )


@pytest.fixture
def marks(cast: Cast, term: Term) -> None:
    excused = AttendanceCode.objects.get(code="AE")
    add_mark(cast.sofia, datetime.date(2026, 10, 5), term.absent)  # Q1
    add_mark(cast.sofia, datetime.date(2026, 11, 16), term.absent)
    add_mark(cast.sofia, datetime.date(2026, 11, 18), term.tardy, term.math, "Bus late")
    add_mark(cast.sofia, datetime.date(2026, 12, 1), excused)
    add_mark(cast.lucas, datetime.date(2026, 11, 17), term.absent)


def days_of(weeks: list[list[Day]]) -> dict[datetime.date, list[str]]:
    return {day.date: [m.code for m in day.marks] for week in weeks for day in week}


def test_the_month_view_shows_each_mark_on_its_day(
    cast: Cast, term: Term, marks: None
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, "2026-11"))
    page = response.content.decode()

    days = days_of(response.context["weeks"])
    assert days[datetime.date(2026, 11, 16)] == ["A"]
    assert days[datetime.date(2026, 11, 18)] == ["T"]
    assert days[datetime.date(2026, 11, 17)] == []  # Lucas's absence, not Sofia's
    assert "P2 T" in page
    assert "November 2026" in page


def test_weeks_start_on_monday(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, "2026-11"))

    first_week = response.context["weeks"][0]
    assert first_week[0].date == datetime.date(2026, 11, 2)
    assert '<abbr title="Monday">Mon</abbr>' in response.content.decode()


def test_the_current_month_is_shown_by_default(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response.context["month"] == datetime.date(2026, 12, 1)
    assert 'aria-current="date"' in response.content.decode()


def test_links_to_the_months_before_and_after(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    assert "?month=2026-11" in page
    assert "?month=2027-01" in page


def test_no_link_before_the_first_month_of_the_school_year(
    cast: Cast, term: Term
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, "2026-08"))

    assert response.context["previous_month"] is None
    assert response.context["next_month"] == datetime.date(2026, 9, 1)


def test_a_month_outside_the_school_year_shows_the_nearest_one(
    cast: Cast, term: Term
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id, "2031-02"))

    assert response.context["month"] == datetime.date(2027, 6, 1)
    assert response.context["next_month"] is None


def test_the_list_holds_every_mark_of_the_marking_period(
    cast: Cast, term: Term, marks: None
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))
    page = response.content.decode()

    listed = [(m.date, m.code) for m in response.context["period_marks"]]
    assert listed == [
        (datetime.date(2026, 12, 1), "AE"),
        (datetime.date(2026, 11, 18), "T"),
        (datetime.date(2026, 11, 16), "A"),
    ]
    assert "Period 2, Math 7" in page
    assert "All day" in page
    assert "Bus late" in page


def test_the_legend_lists_every_code(cast: Cast, term: Term) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content.decode()

    for meaning in ["Absent, unexcused", "Tardy", "Absent, excused"]:
        assert meaning in page
    assert "Counts as an absence" in page


def test_totals_for_the_marking_period_and_the_year(
    cast: Cast, term: Term, marks: None
) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))
    page = response.content.decode()

    rows = dict(response.context["totals_rows"])
    assert rows["Days absent"] == [Count(excused=1, unexcused=1), Count(1, 2)]
    assert rows["Tardies"] == [Count(excused=0, unexcused=1)] * 2
    assert "Marking period Q2" in page
    assert "School year 2026-2027" in page
    assert "1 excused, 1 unexcused" in page


def test_a_student_sees_their_own_attendance(cast: Cast, term: Term) -> None:
    client = cast.client_for(cast.lily_account)

    assert client.get(url(cast.lily.public_id)).status_code == 200


def test_without_a_school_year_the_page_still_opens(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response.status_code == 200
    assert response.context["totals_rows"] == []


def test_the_number_of_queries_does_not_grow_with_the_marks(
    cast: Cast, term: Term
) -> None:
    client = cast.client_for(cast.rivera)
    add_mark(cast.sofia, datetime.date(2026, 11, 9), term.absent)
    few = count_queries(client, url(cast.sofia.public_id, "2026-11"))

    for day in range(10, 28):
        add_mark(cast.sofia, datetime.date(2026, 11, day), term.tardy, term.math)
        add_mark(cast.sofia, datetime.date(2026, 11, day), term.absent, term.english)
    many = count_queries(client, url(cast.sofia.public_id, "2026-11"))

    assert few == many


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_the_page_is_not_cached(cast: Cast, term: Term) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, term: Term, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404
