"""The state of one import while it writes: the plan, the counts, the maps."""

import datetime
from dataclasses import dataclass, field

from exchange.plan import Plan
from exchange.progress import Meter
from exchange.summary import Summary
from exchange.writing import ChangeLog


@dataclass
class Run:
    plan: Plan
    summary: Summary
    log: ChangeLog
    meter: Meter
    today: datetime.date
    now: datetime.datetime
    # sourcedId → primary key, for each kind written so far, imported before too.
    schools: dict[str, int] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)
    periods: dict[str, int] = field(default_factory=dict)
    courses: dict[str, int] = field(default_factory=dict)
    teachers: dict[str, int] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    students: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    assignments: dict[str, int] = field(default_factory=dict)
    # Gradebooks whose assignments or scores changed: their "last updated" moves.
    touched: set[int] = field(default_factory=set)

    def step(self, name: str, rows: int = 0) -> None:
        self.meter.step = name
        self.meter.advance(rows)
