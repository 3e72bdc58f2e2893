"""Each OneRoster file's rows, read into plain records; every bad value noted.

A row with a problem is left out of the records, so later checks do not
repeat it; the import will stop anyway.
"""

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from exchange import columns as c
from exchange.problems import Tally
from exchange.table import Row, Table

FIRST_NUMBER = re.compile(r"\d+")
POINTS_LIMIT = Decimal("99999.99")
CENT = Decimal("0.01")
DEFAULT_POSSIBLE = Decimal(100)


@dataclass(slots=True)
class Org:
    sid: str
    line: int
    name: str
    type: str
    parent: str


@dataclass(slots=True)
class Session:
    sid: str
    line: int
    title: str
    type: str
    start: datetime.date
    end: datetime.date
    parent: str
    year: int


@dataclass(slots=True)
class CourseRecord:
    sid: str
    line: int
    title: str
    code: str
    org: str


@dataclass(slots=True)
class ClassRecord:
    sid: str
    line: int
    course: str
    homeroom: bool
    room: str
    school: str
    terms: list[str]
    period: int


@dataclass(slots=True)
class User:
    sid: str
    line: int
    enabled: bool
    username: str
    given: str
    family: str
    number: str  # identifier, else the first of userIds
    email: str
    phone: str
    agents: list[str]
    grades: list[str]
    orgs: list[str]  # 1.1 orgSourcedIds; 1.2 primaryOrgSourcedId, then roles
    org_column: str  # where the orgs were read, to place problems
    roles: list[str]  # 1.1: its one role; 1.2: from roles.csv, primary first


@dataclass(slots=True)
class EnrollmentRecord:
    sid: str
    line: int
    klass: str
    school: str
    user: str
    role: str
    primary: bool
    begin: datetime.date | None
    end: datetime.date | None


@dataclass(slots=True)
class CategoryRecord:
    sid: str
    line: int
    title: str
    weight: Decimal | None


@dataclass(slots=True)
class LineItem:
    sid: str
    line: int
    title: str
    assigned: datetime.date
    due: datetime.date
    klass: str
    category: str
    session: str
    school: str  # blank in OneRoster 1.1
    possible: Decimal


@dataclass(slots=True)
class Result:
    sid: str
    line: int
    line_item: str
    student: str
    points: Decimal | None
    excused: bool
    missing: bool
    late: bool
    incomplete: bool
    comment: str


@dataclass
class Deletion:
    """A row a delta file marks tobedeleted: its sourcedId, and the row if whole."""

    sid: str
    line: int
    row_values: dict[str, str] = field(default_factory=dict)


R = TypeVar("R")


@dataclass
class FileRows(Generic[R]):
    """A file's good records and its deletions by sourcedId; every sourcedId seen."""

    records: dict[str, R] = field(default_factory=dict)
    deletions: dict[str, Deletion] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)


def read_rows(table: Table, parse: Callable[[Row], R | None]) -> FileRows[R]:
    """Every good record of the file by sourcedId; each sourcedId once only."""
    rows: FileRows[R] = FileRows()
    records, deletions, seen = rows.records, rows.deletions, rows.seen
    for row in table.read():
        sid = row.sourced_id()
        if sid in seen:
            row.problem(
                "sourcedId", f"This sourcedId is already used on line {seen[sid]}."
            )
            continue
        seen[sid] = row.line

        if row.deleted:
            deletions[sid] = Deletion(sid, row.line, whole_row(row))
            continue
        record = parse(row)
        if record is not None and not row.bad:
            records[sid] = record
    return rows


def whole_row(row: Row) -> dict[str, str]:
    return {name: row.raw(name) for name in row.table.index}


def read_org(row: Row) -> Org | None:
    kind = row.word("type", c.ORG_TYPES)
    name = row.clip("name", 200)
    return Org(row.raw("sourcedId"), row.line, name, kind, row.raw("parentSourcedId"))


def read_session(row: Row) -> Session | None:
    kind = row.word("type", c.SESSION_TYPES)
    title = row.clip("title", 40)
    start, end = row.date("startDate"), row.date("endDate")
    year = school_year(row)
    if start and end and end < start:
        row.problem("endDate", "The session ends before it starts.")
    if start is None or end is None or year is None:
        return None
    parent = row.raw("parentSourcedId")
    return Session(
        row.raw("sourcedId"), row.line, title, kind, start, end, parent, year
    )


def school_year(row: Row) -> int | None:
    value = row.text("schoolYear")
    if re.fullmatch(r"\d{4}", value):
        return int(value)
    if value:
        row.problem(
            "schoolYear",
            f"{value!r} is not a year: write the year the school year ends, as YYYY.",
        )
    return None


def read_course(row: Row) -> CourseRecord | None:
    return CourseRecord(
        sid=row.raw("sourcedId"),
        line=row.line,
        title=row.clip("title", 200),
        code=row.clip("courseCode", 40),
        org=row.text("orgSourcedId"),
    )


def read_class(row: Row) -> ClassRecord | None:
    row.text("title")
    kind = row.word("classType", c.CLASS_TYPES)
    number = FIRST_NUMBER.search(row.raw("periods"))
    return ClassRecord(
        sid=row.raw("sourcedId"),
        line=row.line,
        course=row.text("courseSourcedId"),
        homeroom=kind == "homeroom",
        room=row.clip("location", 40),
        school=row.text("schoolSourcedId"),
        terms=row.refs("termSourcedIds"),
        period=min(int(number.group()), 32767) if number else 0,
    )


def read_user(row: Row) -> User | None:
    version = row.table.layout.version if row.table.layout else c.V12
    enabled = row.boolean("enabledUser")
    org_column = "orgSourcedIds" if version == c.V11 else "primaryOrgSourcedId"
    roles = [row.word("role", c.USER_ROLES_11)] if version == c.V11 else []

    return User(
        sid=row.raw("sourcedId"),
        line=row.line,
        enabled=enabled is not False,
        username=row.text("username"),
        given=row.clip("givenName", 100),
        family=row.clip("familyName", 100),
        number=row.raw("identifier") or first_user_id(row.raw("userIds")),
        email=row.raw("email"),
        phone=row.raw("phone") or row.raw("sms"),
        agents=row.refs("agentSourcedIds"),
        grades=row.refs("grades"),
        orgs=row.refs(org_column),
        org_column=org_column,
        roles=[role for role in roles if role],
    )


def first_user_id(value: str) -> str:
    """The identifier in the first of userIds, written like {LDAP:12},{LTI:15}."""
    first = value.split(",")[0].strip().strip("{}")
    return first.split(":", 1)[-1].strip()


@dataclass(slots=True)
class RoleRecord:
    line: int
    user: str
    primary: bool
    role: str
    org: str


def read_role(row: Row) -> RoleRecord | None:
    row.date("beginDate")
    row.date("endDate")
    return RoleRecord(
        line=row.line,
        user=row.text("userSourcedId"),
        primary=row.word("roleType", c.ROLE_TYPES) == "primary",
        role=row.word("role", c.USER_ROLES_12),
        org=row.text("orgSourcedId"),
    )


def read_enrollment(row: Row) -> EnrollmentRecord | None:
    version = row.table.layout.version if row.table.layout else c.V12
    begin, end = row.date("beginDate"), row.date("endDate")
    if begin and end and end < begin:
        row.problem("endDate", "The enrollment ends before it begins.")
    return EnrollmentRecord(
        sid=row.raw("sourcedId"),
        line=row.line,
        klass=row.text("classSourcedId"),
        school=row.text("schoolSourcedId"),
        user=row.text("userSourcedId"),
        role=row.word("role", c.ENROLLMENT_ROLES[version]),
        primary=row.boolean("primary") is True,
        begin=begin,
        end=end,
    )


def read_demographic(row: Row) -> tuple[int, datetime.date | None]:
    version = row.table.layout.version if row.table.layout else c.V12
    row.word("sex", c.SEXES[version])
    for column in c.RACE_COLUMNS:
        row.boolean(column)
    return row.line, row.date("birthDate")


def read_category(row: Row) -> CategoryRecord | None:
    weight = row.number("weight")
    if weight is not None and not Decimal(0) <= weight <= 100:
        row.problem("weight", "A weight must be between 0 and 100.")
    return CategoryRecord(
        row.raw("sourcedId"), row.line, row.clip("title", 100), weight
    )


def read_line_item(row: Row, defaulted: Tally) -> LineItem | None:
    session = "gradingPeriodSourcedId"
    if row.table.layout and row.table.layout.version == c.V12:
        session = "academicSessionSourcedId"
    title = row.clip("title", 200)
    assigned, due = row.day("assignDate"), row.day("dueDate")
    klass, category = row.text("classSourcedId"), row.text("categorySourcedId")
    session, school = row.text(session), row.text("schoolSourcedId")
    row.number("resultValueMin")
    possible = points_possible(row, defaulted)
    if assigned is None or due is None or possible is None:
        return None
    return LineItem(
        row.raw("sourcedId"),
        row.line,
        title,
        assigned,
        due,
        klass,
        category,
        session,
        school,
        possible,
    )


def points_possible(row: Row, defaulted: Tally) -> Decimal | None:
    possible = row.number("resultValueMax")
    if possible is None:
        if not row.bad:
            defaulted.add(row.line)
        return DEFAULT_POSSIBLE
    if not Decimal(0) < possible <= POINTS_LIMIT:
        row.problem(
            "resultValueMax",
            "The points possible must be more than 0 and at most 99999.99.",
        )
        return None
    return possible.quantize(CENT)


def read_result(row: Row) -> Result | None:
    """One score; read twice, to check and to write, so it must not keep state."""
    status = row.word("scoreStatus", c.SCORE_STATUSES)
    points = row.number("score")
    if points is not None and abs(points) > POINTS_LIMIT:
        row.problem("score", "A score must be between -99999.99 and 99999.99.")
    row.day("scoreDate")
    flags = {
        name: row.boolean(name) is True
        for name in ("inProgress", "incomplete", "late", "missing")
    }
    return Result(
        sid=row.raw("sourcedId"),
        line=row.line,
        line_item=row.text("lineItemSourcedId"),
        student=row.text("studentSourcedId"),
        points=None if points is None else points.quantize(CENT),
        excused=status == "exempt",
        missing=flags["missing"],
        late=flags["late"],
        incomplete=flags["incomplete"],
        comment=row.clip("comment", 500),
    )


def results(table: Table) -> Iterator[tuple[Row, Result | None]]:
    """The results file, row by row, for a pass that must not hold it all."""
    for row in table.read():
        row.sourced_id()
        if row.deleted:
            yield row, None
            continue
        record = read_result(row)
        yield row, None if row.bad else record
