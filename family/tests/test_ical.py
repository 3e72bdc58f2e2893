"""The iCalendar writer, read back by the icalendar library as calendars would."""

import datetime

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from family.ical import Event, calendar_text, escape_text, fold

NOW = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)
DAY = datetime.date(2026, 12, 9)


def parse(text: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(text)
    assert isinstance(calendar, icalendar.Calendar)
    assert calendar.errors == []
    return calendar


def test_an_all_day_event_reads_back_whole() -> None:
    event = Event(
        uid="assignment-1@homeroom.example.org",
        summary="Math 7: Homework 9 due",
        first_day=DAY,
        last_day=DAY,
        description="Homework, 10 points possible.",
        url="https://homeroom.example.org/children/x/courses/y/",
    )

    calendar = parse(calendar_text([event], "Homeroom", NOW))

    (read,) = calendar.events
    assert str(read["uid"]) == event.uid
    assert str(read["summary"]) == "Math 7: Homework 9 due"
    assert str(read["description"]) == "Homework, 10 points possible."
    assert (read.start, read.end) == (DAY, DAY + datetime.timedelta(days=1))
    assert read.DTSTAMP == NOW
    assert str(calendar["prodid"]) == "-//Homeroom//Family calendar//EN"
    assert str(calendar["version"]) == "2.0"


def test_an_event_of_several_days_ends_the_day_after_its_last() -> None:
    event = Event("event-1@x", "Winter break", DAY, DAY + datetime.timedelta(days=4))

    (read,) = parse(calendar_text([event], "Homeroom", NOW)).events

    assert read.end == datetime.date(2026, 12, 14)


def test_lines_end_with_crlf_and_stay_within_75_octets() -> None:
    long_title = "Ünit 4 review: fractions, decimals; percents " * 4
    event = Event("event-2@x", long_title, DAY, DAY)

    text = calendar_text([event], "Homeroom", NOW)

    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (read,) = parse(text).events
    assert str(read["summary"]) == long_title


def test_special_characters_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_control_characters_are_left_out() -> None:
    assert escape_text("a\x00b\x1bc\td\r\ne\x7f") == "abc\td\\ne"


@given(st.text(min_size=0, max_size=300))
def test_folding_never_splits_a_character(text: str) -> None:
    line = "SUMMARY:" + text.replace("\r", "").replace("\n", "")

    pieces = fold(line)

    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])


@given(st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=200))
def test_any_summary_reads_back_unchanged(summary: str) -> None:
    event = Event("event-3@x", summary, DAY, DAY)

    (read,) = parse(calendar_text([event], "Homeroom", NOW)).events

    assert str(read["summary"]) == summary
