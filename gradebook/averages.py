"""The running average: a pure calculation from a gradebook's scores.

Rules, as the page states them to families:
- Excused (exempt) work and work not graded yet, or marked incomplete, is left out.
- Missing work counts as zero points out of the points possible.
- Total points: points earned over points possible, across all graded work.
- Weighted categories: each category's percentage counts by its weight; a
  category with nothing graded is left out and the other weights are rescaled
  so they add up to 100 %.
- The result is rounded half up to one decimal place.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Entry:
    """One assignment for one student, as far as the average needs it."""

    category: str
    possible: Decimal
    points: Decimal | None = None
    missing: bool = False
    excused: bool = False
    incomplete: bool = False

    @property
    def counts(self) -> bool:
        if self.excused or self.incomplete or self.possible <= 0:
            return False
        return self.missing or self.points is not None

    @property
    def earned(self) -> Decimal:
        if self.missing or self.points is None:
            return Decimal(0)
        return self.points


@dataclass(frozen=True)
class CategoryResult:
    name: str
    weight: Decimal  # as set by the teacher; 0 in a total-points gradebook
    earned: Decimal
    possible: Decimal
    missing: int
    percent: Decimal | None  # None when nothing in it is graded yet
    share: Decimal  # the weight it really carries after rescaling, in percent


@dataclass(frozen=True)
class Average:
    percent: Decimal | None  # None when nothing is graded yet
    categories: list[CategoryResult] = field(default_factory=list)
    without_missing: Decimal | None = None  # what it would be were missing work excused
    missing: int = 0

    @property
    def missing_cost(self) -> Decimal:
        """How many percentage points missing work takes off the average."""
        if self.percent is None or self.without_missing is None:
            return Decimal(0)
        return max(self.without_missing - self.percent, Decimal(0))


def round_percent(value: Decimal) -> Decimal:
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def points_average(entries: Sequence[Entry]) -> Decimal | None:
    counted = [entry for entry in entries if entry.counts]
    possible = sum((entry.possible for entry in counted), Decimal(0))
    if possible == 0:
        return None
    earned = sum((entry.earned for entry in counted), Decimal(0))
    return earned / possible * HUNDRED


def weighted_average(
    weights: dict[str, Decimal], entries: Sequence[Entry]
) -> Decimal | None:
    parts = [
        (weights.get(name, Decimal(0)), points_average(group))
        for name, group in by_category(entries).items()
    ]
    graded = [(weight, percent) for weight, percent in parts if percent is not None]
    total_weight = sum((weight for weight, _ in graded), Decimal(0))
    if total_weight == 0:
        return None
    return (
        sum((weight * percent for weight, percent in graded), Decimal(0)) / total_weight
    )


def by_category(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.category, []).append(entry)
    return groups


def raw_average(
    weights: dict[str, Decimal] | None, entries: Sequence[Entry]
) -> Decimal | None:
    """The unrounded average: by weighted categories when weights are given."""
    if weights is None:
        return points_average(entries)
    return weighted_average(weights, entries)


def running_average(
    weights: dict[str, Decimal] | None, entries: Sequence[Entry]
) -> Average:
    """A student's average for one gradebook, explained by category.

    `weights` maps category names to their weights for a weighted gradebook,
    and is None for a total-points gradebook.
    """
    raw = raw_average(weights, entries)
    excusing_missing = [
        Entry(
            e.category,
            e.possible,
            e.points,
            False,
            e.excused or e.missing,
            e.incomplete,
        )
        for e in entries
    ]
    raw_without_missing = raw_average(weights, excusing_missing)

    return Average(
        percent=None if raw is None else round_percent(raw),
        categories=explain(weights, entries),
        without_missing=None
        if raw_without_missing is None
        else round_percent(raw_without_missing),
        missing=sum(1 for entry in entries if entry.missing and not entry.excused),
    )


def explain(
    weights: dict[str, Decimal] | None, entries: Sequence[Entry]
) -> list[CategoryResult]:
    groups = by_category(entries)
    names = list(weights) if weights is not None else []
    names += [name for name in groups if name not in names]

    rows = [category_row(name, weights, groups.get(name, [])) for name in names]
    graded_weight = sum(
        (row.weight for row in rows if row.percent is not None), Decimal(0)
    )
    return [
        CategoryResult(
            row.name,
            row.weight,
            row.earned,
            row.possible,
            row.missing,
            row.percent,
            share=round_percent(row.weight / graded_weight * HUNDRED)
            if row.percent is not None and graded_weight
            else Decimal(0),
        )
        for row in rows
    ]


def category_row(
    name: str, weights: dict[str, Decimal] | None, entries: Sequence[Entry]
) -> CategoryResult:
    counted = [entry for entry in entries if entry.counts]
    percent = points_average(counted)
    return CategoryResult(
        name=name,
        weight=(weights or {}).get(name, Decimal(0)),
        earned=sum((entry.earned for entry in counted), Decimal(0)),
        possible=sum((entry.possible for entry in counted), Decimal(0)),
        missing=sum(1 for entry in counted if entry.missing),
        percent=None if percent is None else round_percent(percent),
        share=Decimal(0),
    )


def letter_for(percent: Decimal | None, scale: Sequence[tuple[str, Decimal]]) -> str:
    """The letter of the highest band whose minimum the percent reaches."""
    if percent is None:
        return ""
    for letter, minimum in sorted(scale, key=lambda band: band[1], reverse=True):
        if percent >= minimum:
            return letter
    return ""
