"""The family's private calendar, read back with the icalendar library."""

import datetime
from collections.abc import Iterator

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.models import CalendarFeed, SchoolEvent
from conftest import Cast, Term, add_assignment
from gradebook.models import Gradebook

DUE = datetime.date(2026, 12, 4)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def homework(term: Term) -> Term:
    add_assignment(term.math_q2, "Homework 9", 10, DUE, term.homework)
    add_assignment(term.english_q2, "Essay", 50, datetime.date(2026, 12, 2))
    later = add_assignment(term.math_q2, "Test 2", 50, datetime.date(2026, 12, 18))
    later.visible_from = datetime.date(2026, 12, 10)
    later.save()
    return term


def feed_url(key: str) -> str:
    return reverse("family:calendar_feed", args=[key])


def read_feed(key: str) -> icalendar.Calendar:
    response = Client().get(feed_url(key))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert isinstance(calendar, icalendar.Calendar)
    assert calendar.errors == []
    return calendar


def summaries(calendar: icalendar.Calendar) -> set[str]:
    return {str(event["summary"]) for event in calendar.events}


def test_a_feed_is_an_icalendar_file_that_is_never_cached(
    cast: Cast, homework: Term
) -> None:
    _feed, key = CalendarFeed.issue(cast.chen)

    response = Client().get(feed_url(key))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["prodid"]) == "-//Homeroom//Family calendar//EN"


def test_one_child_due_dates_as_all_day_events(cast: Cast, homework: Term) -> None:
    _feed, key = CalendarFeed.issue(cast.chen)

    (event,) = read_feed(key).events

    assert str(event["summary"]) == "Math 7: Homework 9 due"
    assert (event.start, event.end) == (DUE, DUE + datetime.timedelta(days=1))
    stamp = event.DTSTAMP
    assert stamp == datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)
    assert str(event["description"]) == "Homework, 10 points possible."
    assert str(event["url"]).endswith(
        f"/children/{cast.lily.public_id}/courses/{homework.math.public_id}/"
    )


def test_several_children_are_named_in_each_summary(cast: Cast, homework: Term) -> None:
    _feed, key = CalendarFeed.issue(cast.rivera)

    assert summaries(read_feed(key)) == {
        "Sofia · Math 7: Homework 9 due",
        "Sofia · English 7: Essay due",
    }


def test_an_assignment_not_visible_yet_is_left_out(cast: Cast, homework: Term) -> None:
    _feed, key = CalendarFeed.issue(cast.rivera)

    assert not any("Test 2" in summary for summary in summaries(read_feed(key)))


def test_each_event_keeps_its_uid_from_one_fetch_to_the_next(
    cast: Cast, homework: Term
) -> None:
    _feed, key = CalendarFeed.issue(cast.rivera)

    first = {str(event["uid"]) for event in read_feed(key).events}
    second = {str(event["uid"]) for event in read_feed(key).events}

    assert first == second and len(first) == 2


def test_the_same_assignment_for_two_children_has_two_uids(
    cast: Cast, homework: Term
) -> None:
    _feed, rivera_key = CalendarFeed.issue(cast.rivera)
    _feed, chen_key = CalendarFeed.issue(cast.chen)

    sofia = {
        str(e["uid"])
        for e in read_feed(rivera_key).events
        if "Math" in str(e["summary"])
    }
    lily = {str(e["uid"]) for e in read_feed(chen_key).events}

    assert len(sofia) == len(lily) == 1
    assert sofia != lily


def test_a_regenerated_link_replaces_the_old_one(cast: Cast, homework: Term) -> None:
    _feed, old_key = CalendarFeed.issue(cast.chen)
    _feed, new_key = CalendarFeed.issue(cast.chen)

    assert Client().get(feed_url(old_key)).status_code == 404
    assert Client().get(feed_url(new_key)).status_code == 200


def test_a_made_up_or_switched_off_link_is_404(cast: Cast, homework: Term) -> None:
    _feed, key = CalendarFeed.issue(cast.chen)
    CalendarFeed.objects.filter(account=cast.chen).delete()

    assert Client().get(feed_url(key)).status_code == 404
    assert Client().get(feed_url("made-up")).status_code == 404


def test_the_link_of_a_disabled_account_is_404(cast: Cast, homework: Term) -> None:
    _feed, key = CalendarFeed.issue(cast.chen)
    cast.chen.is_active = False
    cast.chen.save()

    assert Client().get(feed_url(key)).status_code == 404


def test_online_access_switched_off_removes_that_childs_events(
    cast: Cast, homework: Term
) -> None:
    biology_q2 = Gradebook.objects.create(
        section=homework.biology, marking_period=homework.q2
    )
    add_assignment(biology_q2, "Lab report", 20, DUE)
    _feed, key = CalendarFeed.issue(cast.rivera)
    assert len(read_feed(key).events) == 3

    cast.maria.links.filter(student=cast.sofia).update(online_access=False)

    assert summaries(read_feed(key)) == {"Biology: Lab report due"}


def test_only_the_secret_hash_is_kept(cast: Cast) -> None:
    feed, key = CalendarFeed.issue(cast.chen)

    assert key not in feed.secret_hash
    assert CalendarFeed.objects.for_key(key) == feed


def test_school_events_of_the_childrens_schools(cast: Cast, homework: Term) -> None:
    SchoolEvent.objects.create(
        school=cast.middle,
        title="Winter concert",
        date=datetime.date(2026, 12, 17),
    )
    SchoolEvent.objects.create(
        school=cast.middle,
        title="Winter break",
        date=datetime.date(2026, 12, 24),
        end_date=datetime.date(2027, 1, 1),
    )
    SchoolEvent.objects.create(
        school=cast.high, title="Lyman open house", date=datetime.date(2026, 12, 10)
    )
    SchoolEvent.objects.create(
        school=cast.middle,
        title="Last year's concert",
        date=datetime.date(2025, 12, 17),
    )
    _feed, key = CalendarFeed.issue(cast.chen)

    events = {str(e["summary"]): e for e in read_feed(key).events}

    assert set(events) == {"Math 7: Homework 9 due", "Winter concert", "Winter break"}
    assert (events["Winter break"].start, events["Winter break"].end) == (
        datetime.date(2026, 12, 24),
        datetime.date(2027, 1, 2),
    )


def test_events_name_their_school_when_children_go_to_two(
    cast: Cast, homework: Term
) -> None:
    SchoolEvent.objects.create(
        school=cast.high, title="Open house", date=datetime.date(2026, 12, 10)
    )
    _feed, key = CalendarFeed.issue(cast.rivera)

    assert "Lyman High School: Open house" in summaries(read_feed(key))


def test_the_feed_takes_the_same_queries_however_much_is_due(
    cast: Cast, homework: Term
) -> None:
    _feed, key = CalendarFeed.issue(cast.rivera)
    with CaptureQueriesContext(connection) as few:
        Client().get(feed_url(key))

    for number in range(20):
        add_assignment(homework.english_q2, f"Reading {number}", 5, DUE)
    with CaptureQueriesContext(connection) as many:
        Client().get(feed_url(key))

    assert len(many) == len(few) <= 7
