"""The gradebook grid: what a teacher types in a cell, and the rows the grid shows.

A cell holds points, codes, or both:
- 18 or 8.5: the points earned.
- M: missing (counts as zero); EX: excused; INC: incomplete.
- L after the points marks the work late (18L); L alone switches late on or off.
- Nothing: clears the score (a comment stays).
"""

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from family.numbers import plain_number, typed_number
from gradebook.averages import Average
from gradebook.models import Assignment, Score
from records.models import Enrollment, Student

MOST_TIMES_POSSIBLE = 3
LARGEST_POINTS = Decimal("99999.99")  # what the score's column can hold
SHAPE = re.compile(r"(?P<number>\d+(?:\.\d*)?|\.\d+)?\s*(?P<codes>[A-Z\s]*)")
CODES = re.compile(r"INC|EX|M|L")
ONE_OF = ("M", "EX", "INC")
VOCABULARY = "M (missing), EX (excused), INC (incomplete) or L (late)"


class CellError(ValueError):
    """A typed cell that is not a score, with a message for the teacher."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Typed:
    """What a typed cell asks for."""

    points: Decimal | None = None
    missing: bool = False
    late: bool = False
    excused: bool = False
    incomplete: bool = False
    toggles_late: bool = False  # "L" alone: switch late, keep everything else

    @property
    def clears(self) -> bool:
        return self == Typed()


def parse_cell(text: str, possible: Decimal) -> Typed:
    """Read a typed cell, or raise CellError saying what is wrong with it."""
    compact = text.strip().upper()
    if not compact:
        return Typed()
    if compact.startswith("-"):
        raise CellError("A score can't be negative: type 0 or M for missing.")

    shape = SHAPE.fullmatch(compact)
    if shape is None:
        raise CellError(f"“{text.strip()}” is not a score. {how_to_type()}")

    codes = read_codes(shape.group("codes"))
    number = shape.group("number")
    points = read_points(number, possible) if number else None
    return typed_from(points, codes)


def how_to_type() -> str:
    return f"Type the points, such as 18, or a code: {VOCABULARY}."


def read_codes(letters: str) -> set[str]:
    joined = re.sub(r"\s+", "", letters)
    if not re.fullmatch(rf"(?:{CODES.pattern})*", joined):
        raise CellError(f"“{letters.strip()}” is not a code. Use {VOCABULARY}.")
    return set(CODES.findall(joined))


def read_points(number: str, possible: Decimal) -> Decimal:
    try:
        points = Decimal(number)
    except InvalidOperation as error:  # the pattern lets only digits through
        raise CellError(how_to_type()) from error

    if points != points.quantize(Decimal("0.01")):
        raise CellError("Use at most two decimal places, such as 8.25.")
    most = min(possible * MOST_TIMES_POSSIBLE, LARGEST_POINTS)
    if points > most:
        raise CellError(
            f"{plain_number(points)} is more than three times the "
            f"{plain_number(possible)} points possible: check the score."
        )
    return points


def typed_from(points: Decimal | None, codes: set[str]) -> Typed:
    chosen = [code for code in ONE_OF if code in codes]
    if len(chosen) > 1:
        raise CellError(f"Choose one of M, EX and INC, not {' and '.join(chosen)}.")
    if "M" in codes and points is not None:
        raise CellError("Missing work has no points: type M alone, or the points.")
    if codes == {"L"} and points is None:
        return Typed(toggles_late=True)

    return Typed(
        points=points,
        missing="M" in codes,
        late="L" in codes,
        excused="EX" in codes,
        incomplete="INC" in codes,
    )


def score_values(typed: Typed, current: Score | None) -> dict[str, Any]:
    """The fields to save for what was typed, given the score on file."""
    if typed.toggles_late:
        return {"late": not (current is not None and current.late)}
    return {
        "points": typed.points,
        "missing": typed.missing,
        "late": typed.late,
        "excused": typed.excused,
        "incomplete": typed.incomplete,
    }


def cell_flags(score: Score | None) -> list[str]:
    if score is None:
        return []
    flags = ["missing", "excused", "incomplete", "late"]
    return [flag for flag in flags if getattr(score, flag)]


def cell_text(score: Score | None) -> str:
    """A score as the teacher would type it: 18, 18 L, M, 12 INC."""
    if score is None:
        return ""
    codes = {"missing": "M", "excused": "EX", "incomplete": "INC", "late": "L"}
    parts = [] if score.points is None else [typed_number(score.points)]
    parts += [codes[flag] for flag in cell_flags(score)]
    return " ".join(parts)


def is_empty(score: Score | None) -> bool:
    """Nothing entered yet: no points and no missing, excused or incomplete."""
    if score is None:
        return True
    return score.points is None and not (
        score.missing or score.excused or score.incomplete
    )


@dataclass(frozen=True)
class Cell:
    assignment: Assignment
    score: Score | None

    @property
    def text(self) -> str:
        return cell_text(self.score)

    @property
    def flags(self) -> list[str]:
        return cell_flags(self.score)

    @property
    def comment(self) -> str:
        return self.score.comment if self.score else ""


@dataclass(frozen=True)
class Row:
    student: Student
    dropped_on: datetime.date | None
    cells: list[Cell]
    average: Average
    letter: str


def counted_assignments(
    assignments: Iterable[Assignment], today: datetime.date
) -> list[Assignment]:
    """The assignments families see today: the ones the running average counts."""
    return [
        assignment for assignment in assignments if assignment.visible_from <= today
    ]


def build_rows(
    enrollments: Sequence[Enrollment],
    assignments: Sequence[Assignment],
    scores: dict[int, dict[int, Score]],
    average: Callable[[dict[int, Score]], tuple[Average, str]],
) -> list[Row]:
    """One row per enrolled student: a cell per assignment, and the average.

    `scores` maps a student's pk to that student's scores by assignment pk;
    `average` gives the running average and letter for one student's scores.
    """
    rows = []
    for enrollment in enrollments:
        own = scores.get(enrollment.student_id, {})
        cells = [Cell(assignment, own.get(assignment.pk)) for assignment in assignments]
        percent, letter = average(own)
        rows.append(
            Row(enrollment.student, enrollment.dropped_on, cells, percent, letter)
        )
    return rows
