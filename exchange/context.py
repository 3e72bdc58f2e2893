"""What the planning steps share: the records read, the database, the findings."""

import datetime
from dataclasses import dataclass, field

from exchange import columns as c
from exchange.onfile import OnFile
from exchange.plan import Plan
from exchange.problems import Findings, Tally
from exchange.reading import (
    CategoryRecord,
    ClassRecord,
    CourseRecord,
    Deletion,
    EnrollmentRecord,
    LineItem,
    Org,
    RoleRecord,
    Session,
    User,
)
from exchange.table import ABSENT, BULK


@dataclass
class Parsed:
    """Every good record of the package, by file and sourcedId."""

    version: str
    modes: dict[str, str]
    orgs: dict[str, Org] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    courses: dict[str, CourseRecord] = field(default_factory=dict)
    classes: dict[str, ClassRecord] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    roles: list[RoleRecord] = field(default_factory=list)
    enrollments: dict[str, EnrollmentRecord] = field(default_factory=dict)
    # The user's sourcedId → the line and the birth date.
    demographics: dict[str, tuple[int, datetime.date | None]] = field(
        default_factory=dict
    )
    categories: dict[str, CategoryRecord] = field(default_factory=dict)
    line_items: dict[str, LineItem] = field(default_factory=dict)
    deletions: dict[str, dict[str, Deletion]] = field(default_factory=dict)
    # Every sourcedId on a row of each file, good or bad, so that a reference
    # to a bad row is not reported a second time.
    seen: dict[str, set[str]] = field(default_factory=dict)
    # Files that could not be read: references to them are not checked.
    unreadable: set[str] = field(default_factory=set)

    def mode(self, file: str) -> str:
        return self.modes.get(file, ABSENT)


KNOWN_ON_FILE = {
    c.ORGS: "schools",
    c.SESSIONS: "sessions",
    c.COURSES: "courses",
    c.CLASSES: "sections",
    c.USERS: "users",
    c.CATEGORIES: "categories",
    c.LINE_ITEMS: "assignments",
}


@dataclass
class Context:
    parsed: Parsed
    onfile: OnFile
    findings: Findings
    plan: Plan = field(default_factory=Plan)
    tallies: dict[tuple[str, str, str], Tally] = field(default_factory=dict)

    def problem(self, file: str, line: int, column: str, message: str) -> None:
        self.findings.problem(file, line, column, message)

    def warn(self, file: str, line: int, column: str, message: str) -> None:
        self.findings.warn(file, line, column, message)

    def tally(self, file: str, line: int, column: str, message: str) -> None:
        """Count a row skipped for this reason; one warning per reason at the end."""
        key = (file, column, message)
        if key not in self.tallies:
            self.tallies[key] = Tally(file, column, message)
        self.tallies[key].add(line)

    def report_tallies(self) -> None:
        for tally in self.tallies.values():
            tally.report(self.findings)

    def may_use_database(self, target: str) -> bool:
        """A bulk file is the whole set; otherwise what Homeroom holds counts too."""
        return self.parsed.mode(target) != BULK

    def on_file(self, target: str, sid: str) -> bool:
        if not self.may_use_database(target):
            return False
        if target == c.SESSIONS:
            return sid in self.onfile.years or sid in self.onfile.periods
        known = getattr(self.onfile, KNOWN_ON_FILE[target])
        return sid in known

    def on_file_as(self, sid: str, kind: str) -> bool:
        """Whether a user is on file as a student, teacher or contact, and counts."""
        return self.may_use_database(c.USERS) and sid in getattr(self.onfile, kind)

    def resolves(
        self, file: str, line: int, column: str, target: str, sid: str
    ) -> bool:
        """Whether a reference finds its record; if not, a problem says so."""
        if target in self.parsed.unreadable:
            return True
        if sid in self.parsed.seen.get(target, set()) or self.on_file(target, sid):
            return True

        where = f"in {target}"
        if self.may_use_database(target):
            where += " or in Homeroom"
        self.problem(file, line, column, f"{sid!r} is not {where}.")
        return False
