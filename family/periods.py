"""Which marking period a family page shows: the current one, or one asked for."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.http import HttpRequest

from records.models import MarkingPeriod


@dataclass(frozen=True)
class Periods:
    """The marking period a page shows, the one running now, and those to pick from."""

    shown: MarkingPeriod | None
    current: MarkingPeriod | None
    started: list[MarkingPeriod]

    @property
    def query(self) -> str:
        """What links add to keep showing a period other than the current one."""
        if self.shown is None or self.shown == self.current:
            return ""
        return f"?period={self.shown.pk}"


def pick_period(
    started: Sequence[MarkingPeriod], wanted: str, current: MarkingPeriod | None
) -> MarkingPeriod | None:
    """The period asked for in the address if it has started, else the current one."""
    return next((period for period in started if str(period.pk) == wanted), current)


def periods_for(request: HttpRequest, today: datetime.date) -> Periods:
    current = MarkingPeriod.objects.current(today)
    if current is None:
        return Periods(None, None, [])

    started = list(
        MarkingPeriod.objects.filter(
            school_year_id=current.school_year_id, start__lte=today
        )
    )
    shown = pick_period(started, request.GET.get("period", ""), current)
    return Periods(shown, current, started)
