from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gradebook.averages import (
    Entry,
    letter_for,
    raw_average,
    round_percent,
    running_average,
)

D = Decimal
WEIGHTS = {"Tests": D(60), "Homework": D(40)}
SCALE = [("A", D(90)), ("B", D(80)), ("C", D(70)), ("D", D(60)), ("F", D(0))]


def test_total_points_is_points_earned_over_points_possible() -> None:
    entries = [
        Entry("", D(20), D(18)),
        Entry("", D(50), D(41)),
        Entry("", D(30), D(25)),
    ]

    assert running_average(None, entries).percent == D("84.0")


def test_weighted_categories_count_by_their_weights() -> None:
    entries = [
        Entry("Tests", D(50), D(45)),  # tests 90 %
        Entry("Homework", D(10), D(8)),
        Entry("Homework", D(10), missing=True),  # homework 8/20 = 40 %
    ]

    average = running_average(WEIGHTS, entries)

    assert average.percent == D("70.0")  # 0.6 * 90 + 0.4 * 40
    assert average.missing == 1
    assert average.without_missing == D("86.0")  # 0.6 * 90 + 0.4 * 80
    assert average.missing_cost == D("16.0")


def test_a_category_with_nothing_graded_is_left_out_and_weights_rescaled() -> None:
    entries = [Entry("Tests", D(100), D(75)), Entry("Homework", D(10))]  # ungraded

    average = running_average(WEIGHTS, entries)

    assert average.percent == D("75.0")
    tests, homework = average.categories
    assert tests.share == D("100.0")
    assert homework.percent is None and homework.share == D(0)


def test_excused_and_incomplete_work_is_left_out() -> None:
    entries = [
        Entry("", D(10), D(10)),
        Entry("", D(10), D(0), excused=True),
        Entry("", D(10), D(2), incomplete=True),
        Entry("", D(10), missing=True, excused=True),
    ]

    average = running_average(None, entries)

    assert average.percent == D("100.0")
    assert average.missing == 0


def test_nothing_graded_means_no_average_yet() -> None:
    average = running_average(WEIGHTS, [Entry("Tests", D(10))])

    assert average.percent is None
    assert letter_for(average.percent, SCALE) == ""


def test_rounding_is_half_up_to_one_place() -> None:
    assert round_percent(D("84.45")) == D("84.5")
    assert round_percent(D("84.44999")) == D("84.4")
    entries = [Entry("", D(3), D(2))]  # 66.666...
    assert running_average(None, entries).percent == D("66.7")


def test_extra_credit_can_pass_one_hundred() -> None:
    assert running_average(None, [Entry("", D(10), D(11))]).percent == D("110.0")


def test_letters_follow_the_scale() -> None:
    assert letter_for(D("90.0"), SCALE) == "A"
    assert letter_for(D("89.9"), SCALE) == "B"
    assert letter_for(D("0"), SCALE) == "F"


amounts = st.decimals(min_value=0, max_value=100, places=1)
categories = st.sampled_from(["Tests", "Homework"])


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    possible = draw(st.decimals(min_value=1, max_value=100, places=0))
    return Entry(
        category=draw(categories),
        possible=possible,
        points=draw(st.none() | st.decimals(min_value=0, max_value=possible, places=1)),
        missing=draw(st.booleans()),
        excused=draw(st.booleans()),
        incomplete=draw(st.booleans()),
    )


weight_choices = st.none() | st.just(WEIGHTS)


@given(weight_choices, st.lists(entries(), max_size=12), entries())
def test_a_missing_mark_never_raises_an_average(
    weights: dict[str, Decimal] | None, others: list[Entry], entry: Entry
) -> None:
    before = raw_average(weights, others)
    after = raw_average(
        weights, [*others, Entry(entry.category, entry.possible, missing=True)]
    )

    assert after is not None
    assert before is None or after <= before


@given(
    weight_choices, st.lists(entries(), max_size=12), st.lists(entries(), max_size=12)
)
def test_excusing_one_students_work_never_changes_anothers(
    weights: dict[str, Decimal] | None, mine: list[Entry], theirs: list[Entry]
) -> None:
    before = running_average(weights, theirs)
    excused = [
        Entry(e.category, e.possible, e.points, e.missing, True, e.incomplete)
        for e in mine
    ]

    assert running_average(weights, theirs) == before
    assert running_average(weights, excused).percent is None


@given(weight_choices, st.lists(entries(), max_size=12))
def test_the_average_stays_between_zero_and_one_hundred(
    weights: dict[str, Decimal] | None, marks: list[Entry]
) -> None:
    percent = running_average(weights, marks).percent

    assert percent is None or D(0) <= percent <= D(100)


@given(weight_choices, st.lists(entries(), max_size=12))
def test_excusing_missing_work_never_lowers_the_average(
    weights: dict[str, Decimal] | None, marks: list[Entry]
) -> None:
    average = running_average(weights, marks)

    if average.percent is not None and average.without_missing is not None:
        assert average.without_missing >= average.percent
