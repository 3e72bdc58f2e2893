import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from teaching.posting import (
    allowed_marks,
    clean_mark,
    default_period,
    may_post,
    needs_posting,
    starting_mark,
    suggested_mark,
)

SCALE = [
    ("A", Decimal(93)),
    ("A-", Decimal(90)),
    ("B", Decimal(80)),
    ("C", Decimal(70)),
    ("D", Decimal(60)),
    ("F", Decimal(0)),
]


@dataclass(frozen=True)
class Posted:
    mark: str
    comment: str = ""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date


Q1 = Period(datetime.date(2026, 8, 31), datetime.date(2026, 11, 6))
Q2 = Period(datetime.date(2026, 11, 9), datetime.date(2027, 1, 22))
Q3 = Period(datetime.date(2027, 1, 25), datetime.date(2027, 4, 2))


@pytest.mark.parametrize(
    ("percent", "letter"),
    [
        ("93.0", "A"),
        ("92.9", "A-"),
        ("90.0", "A-"),
        ("89.9", "B"),
        ("70.0", "C"),
        ("59.9", "F"),
        ("0", "F"),
    ],
)
def test_the_suggested_mark_is_the_band_of_the_average(
    percent: str, letter: str
) -> None:
    assert suggested_mark(Decimal(percent), SCALE) == letter


def test_nothing_is_suggested_before_anything_is_graded() -> None:
    assert suggested_mark(None, SCALE) == ""


def test_the_marks_are_the_scale_then_the_district_extras() -> None:
    assert allowed_marks(["A", "B", "F"]) == ["A", "B", "F", "P", "I", "NG"]
    assert allowed_marks(["A", "P"]) == ["A", "P", "I", "NG"]


@pytest.mark.parametrize(
    ("typed", "mark"), [(" b+ ", "B+"), ("a-", "A-"), ("ng", "NG"), ("  ", "")]
)
def test_a_typed_mark_is_written_as_the_scale_writes_it(typed: str, mark: str) -> None:
    assert clean_mark(typed) == mark


def test_the_mark_starts_as_the_posted_one_else_the_suggestion() -> None:
    assert starting_mark(None, "B") == "B"
    assert starting_mark(Posted("A-"), "B") == "A-"


def test_only_new_and_corrected_grades_are_posted() -> None:
    assert needs_posting(None, "B", "")
    assert not needs_posting(None, "", "")
    assert not needs_posting(Posted("B", "Good work."), "B", "Good work.")
    assert needs_posting(Posted("B", "Good work."), "B+", "Good work.")
    assert needs_posting(Posted("B", "Good work."), "B", "Very good work.")


def test_posting_opens_on_the_last_day_of_the_marking_period() -> None:
    assert not may_post(Q2, datetime.date(2027, 1, 21))
    assert may_post(Q2, datetime.date(2027, 1, 22))
    assert may_post(Q2, datetime.date(2027, 2, 1))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 12, 3), Q1),  # Q1 ended: ready to post
        (datetime.date(2027, 1, 22), Q2),  # Q2's last day
        (datetime.date(2027, 3, 1), Q2),  # Q3 running, Q2 the latest ended
        (datetime.date(2026, 9, 15), Q1),  # nothing ended: the running one
        (datetime.date(2026, 8, 1), Q1),  # before the year: the first
    ],
)
def test_the_page_opens_on_the_latest_period_ready_to_post(
    today: datetime.date, expected: Period
) -> None:
    assert default_period([Q1, Q2, Q3], today) == expected


def test_no_marking_period_means_nothing_to_post() -> None:
    assert default_period([], datetime.date(2026, 12, 3)) is None
