"""Report card grades from the running average: the starting mark, and which count.

Pure rules, no database: the views load the averages and the grading scale.
"""

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol, TypeVar

from gradebook.averages import letter_for

# Marks the district accepts besides the letters of its grading scale.
EXTRA_MARKS = {
    "P": "pass (a course graded pass or fail)",
    "I": "incomplete: work still to be made up",
    "NG": "no grade: enrolled too recently to be graded",
}


class Posted(Protocol):
    """A report card grade already posted, as far as posting again needs it."""

    @property
    def mark(self) -> str: ...

    @property
    def comment(self) -> str: ...


class Period(Protocol):
    @property
    def start(self) -> datetime.date: ...

    @property
    def end(self) -> datetime.date: ...


P = TypeVar("P", bound=Period)


def allowed_marks(letters: Iterable[str]) -> list[str]:
    """The scale's letters, highest first, then the district's extra marks."""
    marks = list(dict.fromkeys(letters))
    return marks + [mark for mark in EXTRA_MARKS if mark not in marks]


def clean_mark(text: str) -> str:
    """A mark as typed, written the way the scale writes it: " b+ " is "B+"."""
    return text.strip().upper()


def suggested_mark(
    percent: Decimal | None, scale: Sequence[tuple[str, Decimal]]
) -> str:
    """The scale's letter for the running average; blank when nothing is graded."""
    return letter_for(percent, scale)


def starting_mark(posted: Posted | None, suggested: str) -> str:
    """What the mark field holds at first: the posted mark, else the suggestion."""
    return posted.mark if posted is not None else suggested


def needs_posting(posted: Posted | None, mark: str, comment: str) -> bool:
    """Post a mark that is new or corrected; a blank or unchanged one is left alone."""
    if not mark:
        return False
    if posted is None:
        return True
    return (posted.mark, posted.comment) != (mark, comment)


def may_post(period: Period, today: datetime.date) -> bool:
    """Report card grades are posted once the marking period reaches its end date."""
    return today >= period.end


def default_period(periods: Sequence[P], today: datetime.date) -> P | None:
    """The latest period open for posting, else the one running, else the first."""
    ended = [period for period in periods if may_post(period, today)]
    if ended:
        return max(ended, key=lambda period: period.end)

    running = [period for period in periods if period.start <= today <= period.end]
    return running[0] if running else (periods[0] if periods else None)
