import datetime
from decimal import Decimal

from family.charts import HEIGHT, LEFT, RIGHT, TOP, WIDTH, line_chart, percent_range

D = Decimal
NOV = [datetime.date(2026, 11, day) for day in (9, 19, 29)]


def test_no_points_no_chart() -> None:
    assert line_chart([], NOV[0], NOV[-1]) is None


def test_the_line_runs_from_the_first_day_to_the_last() -> None:
    chart = line_chart(
        [(NOV[0], D("80.0")), (NOV[1], D("90.0")), (NOV[2], D("100.0"))],
        NOV[0],
        NOV[-1],
    )

    assert chart is not None
    xs = [dot.x for dot in chart.dots]
    assert xs == [LEFT, (LEFT + WIDTH - RIGHT) / 2, WIDTH - RIGHT]
    assert chart.path == f"M{LEFT},{chart.dots[0].y:g} L" + " L".join(
        f"{dot.x:g},{dot.y:g}" for dot in chart.dots[1:]
    )


def test_a_higher_average_is_drawn_higher_up() -> None:
    chart = line_chart([(NOV[0], D("70.0")), (NOV[1], D("95.5"))], NOV[0], NOV[1])

    assert chart is not None
    low, high = chart.dots
    assert high.y < low.y
    assert high.y >= TOP and low.y <= HEIGHT


def test_guide_lines_run_from_below_the_lowest_point_to_100() -> None:
    chart = line_chart([(NOV[0], D("72.4")), (NOV[1], D("88.0"))], NOV[0], NOV[1])

    assert chart is not None
    assert [tick.percent for tick in chart.ticks] == [60, 70, 80, 90, 100]
    assert chart.ticks[-1].y == TOP
    assert chart.ticks[0].y == chart.bottom


def test_a_wide_range_uses_coarser_steps() -> None:
    assert percent_range(D("12.0"), D("95.0")) == (0, 100, 20)
    assert percent_range(D("100.0"), D("100.0")) == (90, 100, 10)
    assert percent_range(D("96.0"), D("104.5")) == (90, 110, 10)


def test_the_time_axis_stretches_to_points_outside_the_period() -> None:
    late = datetime.date(2026, 12, 10)

    chart = line_chart([(NOV[0], D("80.0")), (late, D("82.0"))], NOV[0], NOV[1])

    assert chart is not None
    assert chart.end == late
    assert chart.dots[-1].x == WIDTH - RIGHT


def test_a_single_point_is_a_dot_at_the_start() -> None:
    chart = line_chart([(NOV[0], D("85.0"))], NOV[0], NOV[0])

    assert chart is not None
    assert chart.path == f"M{LEFT},{chart.dots[0].y:g}"
