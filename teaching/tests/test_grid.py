from decimal import Decimal

import pytest

from gradebook.models import Score
from teaching.grid import (
    CellError,
    Typed,
    cell_text,
    is_empty,
    parse_cell,
    score_values,
)

TWENTY = Decimal(20)


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("18", Typed(points=Decimal(18))),
        (" 8.5 ", Typed(points=Decimal("8.5"))),
        (".5", Typed(points=Decimal("0.5"))),
        ("0", Typed(points=Decimal(0))),
        ("60", Typed(points=Decimal(60))),
        ("18L", Typed(points=Decimal(18), late=True)),
        ("18 l", Typed(points=Decimal(18), late=True)),
        ("m", Typed(missing=True)),
        ("M L", Typed(missing=True, late=True)),
        ("EX", Typed(excused=True)),
        ("inc", Typed(incomplete=True)),
        ("12 INC", Typed(points=Decimal(12), incomplete=True)),
        ("L", Typed(toggles_late=True)),
        ("", Typed()),
        ("   ", Typed()),
    ],
)
def test_what_a_teacher_types(text: str, typed: Typed) -> None:
    assert parse_cell(text, TWENTY) == typed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-3", "can't be negative"),
        ("61", "more than three times the 20 points possible"),
        ("8.125", "at most two decimal places"),
        ("X", "“X” is not a code. Use M (missing), EX (excused)"),
        ("18 ok", "“OK” is not a code"),
        ("M 18", "is not a score"),
        ("1 8", "is not a score"),
        ("8,5", "is not a score"),
        ("18M", "Missing work has no points"),
        ("M EX", "Choose one of M, EX and INC, not M and EX"),
    ],
)
def test_what_is_refused_says_why(text: str, message: str) -> None:
    with pytest.raises(CellError) as refused:
        parse_cell(text, TWENTY)

    assert message in refused.value.message


def test_clearing_is_an_empty_cell() -> None:
    assert parse_cell("", TWENTY).clears
    assert not parse_cell("0", TWENTY).clears


def test_late_alone_switches_late_and_keeps_the_points() -> None:
    on_time = Score(points=Decimal(18))
    late = Score(points=Decimal(18), late=True)

    assert score_values(parse_cell("L", TWENTY), on_time) == {"late": True}
    assert score_values(parse_cell("L", TWENTY), late) == {"late": False}
    assert score_values(parse_cell("L", TWENTY), None) == {"late": True}


def test_a_typed_score_replaces_every_flag() -> None:
    values = score_values(parse_cell("17", TWENTY), Score(missing=True, late=True))

    assert values == {
        "points": Decimal(17),
        "missing": False,
        "late": False,
        "excused": False,
        "incomplete": False,
    }


@pytest.mark.parametrize(
    ("score", "text"),
    [
        (None, ""),
        (Score(), ""),
        (Score(points=Decimal("18.00")), "18"),
        (Score(points=Decimal("8.50"), late=True), "8.5 L"),
        (Score(missing=True), "M"),
        (Score(excused=True), "EX"),
        (Score(points=Decimal(12), incomplete=True), "12 INC"),
    ],
)
def test_a_score_shows_as_it_would_be_typed(score: Score | None, text: str) -> None:
    assert cell_text(score) == text


@pytest.mark.parametrize(
    "text", ["18", "8.5 L", "M", "M L", "EX", "12 INC", "0", "100"]
)
def test_the_shown_text_reads_back_as_the_same_score(text: str) -> None:
    score = Score(**score_values(parse_cell(text, Decimal(50)), None))

    assert cell_text(score) == text


def test_empty_cells_are_those_with_nothing_entered() -> None:
    assert is_empty(None)
    assert is_empty(Score(late=True, comment="see me"))
    assert not is_empty(Score(points=Decimal(0)))
    assert not is_empty(Score(missing=True))
    assert not is_empty(Score(excused=True))
