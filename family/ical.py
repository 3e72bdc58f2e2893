"""A family's calendar as iCalendar text (RFC 5545), written from plain values.

Only what calendars need is written: all-day events with a stable UID, a
summary, an optional description and link. Text is escaped and long lines
folded as the RFC asks, so Google, Apple and Outlook read it alike.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

PRODUCT = "-//Homeroom//Family calendar//EN"
REFRESH = "PT6H"  # how often calendars are asked to fetch the feed again
LINE_OCTETS = 75
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Event:
    """An all-day event from its first day to its last day, both included."""

    uid: str
    summary: str
    first_day: datetime.date
    last_day: datetime.date
    description: str = ""
    url: str = ""


def escape_text(value: str) -> str:
    """A TEXT value: backslashes, semicolons, commas and line breaks escaped.

    Other control characters, which the RFC does not allow, are left out.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(char for char in value if char in "\t\n" or not is_control(char))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def is_control(char: str) -> bool:
    return ord(char) < 0x20 or ord(char) == 0x7F


def fold(line: str) -> list[str]:
    """The line cut into pieces of at most 75 octets, never inside a character.

    Every piece after the first starts with the space that marks a folded line.
    """
    data = line.encode()
    pieces = []
    limit = LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while data[cut] & 0b1100_0000 == 0b1000_0000:  # inside a UTF-8 sequence
            cut -= 1
        pieces.append(data[:cut].decode())
        data = data[cut:]
        limit = LINE_OCTETS - 1
    pieces.append(data.decode())
    return [pieces[0], *(" " + piece for piece in pieces[1:])]


def date_value(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def stamp_value(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: Event, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{date_value(event.first_day)}",
        f"DTEND;VALUE=DATE:{date_value(event.last_day + ONE_DAY)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def calendar_text(events: Iterable[Event], name: str, now: datetime.datetime) -> str:
    """The whole calendar, lines ended with CRLF as the RFC requires."""
    stamp = stamp_value(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    for event in events:
        lines += event_lines(event, stamp)
    lines.append("END:VCALENDAR")

    folded = [piece for line in lines for piece in fold(line)]
    return "\r\n".join(folded) + "\r\n"
