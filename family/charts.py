"""The running average over a marking period, as coordinates for an inline SVG.

Pure arithmetic: the page draws the line with no script and no other site.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 420
HEIGHT = 200
LEFT = 56  # room for the percent labels
RIGHT = 16
TOP = 12
BOTTOM = 32  # room for the date labels


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    day: datetime.date
    percent: Decimal


@dataclass(frozen=True)
class Tick:
    y: float
    percent: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    start: datetime.date  # the first day on the time axis
    end: datetime.date  # the last day on the time axis
    left: int
    right: float  # x of the plot's right edge
    bottom: float  # y of the plot's bottom edge
    path: str  # SVG path data for the line
    dots: list[Dot]
    ticks: list[Tick]  # horizontal guide lines, lowest first

    @property
    def first(self) -> Dot:
        return self.dots[0]

    @property
    def last(self) -> Dot:
        return self.dots[-1]


def percent_range(lowest: Decimal, highest: Decimal) -> tuple[int, int, int]:
    """The bottom, top and step of the percent axis: always up to 100 at least."""
    for step in (10, 20):
        bottom = max(0, math.floor((lowest - 5) / step) * step)
        top = max(100, math.ceil(highest / step) * step)
        if top - bottom <= 60:
            break
    return bottom, top, step


def scale(value: float, low: float, high: float, start: float, end: float) -> float:
    """Where value falls between start and end, as low falls to start, high to end."""
    if high == low:
        return start
    return round(start + (value - low) / (high - low) * (end - start), 1)


def line_chart(
    points: Sequence[tuple[datetime.date, Decimal]],
    first: datetime.date,
    last: datetime.date,
) -> Chart | None:
    """The chart of these (day, percent) points from first to last; None if empty."""
    if not points:
        return None

    first = min(first, points[0][0])
    last = max(last, points[-1][0])
    span = (last - first).days
    bottom, top, step = percent_range(
        min(percent for _, percent in points), max(percent for _, percent in points)
    )

    right = WIDTH - RIGHT
    floor = HEIGHT - BOTTOM
    dots = [
        Dot(
            x=scale((day - first).days, 0, span, LEFT, right),
            y=scale(float(percent), bottom, top, floor, TOP),
            day=day,
            percent=percent,
        )
        for day, percent in points
    ]
    ticks = [
        Tick(y=scale(value, bottom, top, floor, TOP), percent=value)
        for value in range(bottom, top + 1, step)
    ]

    return Chart(
        width=WIDTH,
        height=HEIGHT,
        start=first,
        end=last,
        left=LEFT,
        right=right,
        bottom=floor,
        path=path_data(dots),
        dots=dots,
        ticks=ticks,
    )


def path_data(dots: Sequence[Dot]) -> str:
    """SVG path data through the dots: move to the first, a line to each next."""
    steps = [f"{dot.x:g},{dot.y:g}" for dot in dots]
    return "M" + " L".join(steps)
