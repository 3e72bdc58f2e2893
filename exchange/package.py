"""Reading a OneRoster package: every file checked, and a plan; nothing written.

package = read_package("district.zip")
if package.problems: ...   # file, line, column and a plain explanation
summary = apply(package)   # exchange.importing
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from exchange import columns as c
from exchange import enrolling, grading, people, planning
from exchange.context import Context, Parsed
from exchange.manifest import Manifest, read_manifest, warn_bom
from exchange.onfile import OnFile
from exchange.plan import (
    ASSIGNMENTS,
    CATEGORIES,
    CONTACTS,
    ENROLLMENTS,
    LINKS,
    SCORES,
    SECTIONS,
    STUDENTS,
    TEACHERS,
    Plan,
)
from exchange.problems import Findings, Problem, Tally
from exchange.progress import Meter, Progress
from exchange.reading import (
    FileRows,
    read_category,
    read_class,
    read_course,
    read_demographic,
    read_enrollment,
    read_line_item,
    read_org,
    read_role,
    read_rows,
    read_session,
    read_user,
)
from exchange.source import Source, SourceError
from exchange.table import BULK, DELTA, Table

# What a bulk file completes, and what a delta file's deletions remove.
KINDS_OF_FILE = {
    c.USERS: (STUDENTS, TEACHERS, CONTACTS, LINKS),
    c.CLASSES: (SECTIONS,),
    c.ENROLLMENTS: (ENROLLMENTS,),
    c.CATEGORIES: (CATEGORIES,),
    c.LINE_ITEMS: (ASSIGNMENTS,),
    c.RESULTS: (SCORES,),
}
KEPT_FILES = (c.ORGS, c.SESSIONS, c.COURSES, c.ROLES)


@dataclass
class Package:
    """A package read and checked: problems stop it, warnings go along with it."""

    source: Source | None
    version: str = c.V12
    modes: dict[str, str] = field(default_factory=dict)
    plan: Plan = field(default_factory=Plan)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # data rows per file
    result_sids: set[str] = field(default_factory=set)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def read_package(
    origin: "str | Path | IO[bytes]", progress: Progress | None = None
) -> Package:
    """Read and check a zip or a folder; keep an open file open until applied."""
    findings = Findings()
    try:
        source = Source(origin)
    except SourceError as error:
        findings.problem("", 0, "", str(error))
        return Package(None, problems=findings.problems)
    if source.nested:
        findings.warn(
            "",
            0,
            "",
            "The files are in a folder inside the zip rather than at its top. They "
            "were read from there.",
        )

    manifest = read_manifest(source, findings)
    package = Package(source)
    if manifest is not None:
        package.version, package.modes = manifest.version, manifest.modes
        read_files(package, manifest, findings, progress)
    package.problems = sorted(findings.problems, key=place)
    package.warnings = findings.warnings
    return package


def place(problem: Problem) -> tuple[int, int]:
    """Problems in the order the files are read, then by line."""
    order = [*c.READ_ORDER]
    rank = order.index(problem.file) if problem.file in order else -1
    return rank, problem.line


def read_files(
    package: Package,
    manifest: Manifest,
    findings: Findings,
    progress: Progress | None,
) -> None:
    source = package.source
    assert source is not None
    parsed = Parsed(manifest.version, manifest.modes)
    meter = Meter(progress, "Checking the files", count_rows(source, manifest.files))
    for file in manifest.files:
        warn_bom(source, file, findings)
        if file == c.RESULTS:
            continue
        table = Table(source, file, manifest.modes[file], manifest.version, findings)
        read_file(parsed, table)
        package.rows[file] = table.rows
        meter.advance(table.rows)

    ctx = Context(parsed, OnFile(), findings)
    make_plan(ctx)
    if c.RESULTS in manifest.files:
        mode = manifest.modes[c.RESULTS]
        table = Table(source, c.RESULTS, mode, parsed.version, findings)
        package.result_sids = grading.ResultCheck(ctx).run(table)
        package.rows[c.RESULTS] = table.rows
        ctx.plan.results = True
        meter.advance(table.rows)
    ctx.report_tallies()
    package.plan = ctx.plan
    meter.finish()


READERS: dict[str, tuple[str, Callable[..., Any]]] = {
    c.ORGS: ("orgs", read_org),
    c.SESSIONS: ("sessions", read_session),
    c.COURSES: ("courses", read_course),
    c.CLASSES: ("classes", read_class),
    c.USERS: ("users", read_user),
    c.ENROLLMENTS: ("enrollments", read_enrollment),
    c.DEMOGRAPHICS: ("demographics", read_demographic),
    c.CATEGORIES: ("categories", read_category),
}


def read_file(parsed: Parsed, table: Table) -> None:
    file = table.file
    if file == c.LINE_ITEMS:
        defaulted = Tally(
            file,
            "resultValueMax",
            "{rows} had no resultValueMax (the first is on this line). Those "
            "assignments were given 100 points possible.",
        )
        rows: FileRows[Any] = read_rows(
            table, lambda row: read_line_item(row, defaulted)
        )
        defaulted.report(table.findings)
        parsed.line_items = rows.records
    elif file == c.ROLES:
        rows = read_rows(table, read_role)
        parsed.roles = list(rows.records.values())
    else:
        name, reader = READERS[file]
        rows = read_rows(table, reader)
        setattr(parsed, name, rows.records)
    parsed.deletions[file] = rows.deletions
    parsed.seen[file] = set(rows.seen)
    if not table.whole:
        parsed.unreadable.add(file)


def make_plan(ctx: Context) -> None:
    planning.plan_orgs(ctx)
    planning.plan_sessions(ctx)
    planning.plan_courses(ctx)
    planning.plan_sections(ctx)
    people.plan_people(ctx)
    people.plan_links(ctx)
    people.plan_birth_dates(ctx)
    planning.set_school_levels(ctx)
    enrolling.plan_enrollments(ctx)
    grading.plan_gradebooks(ctx)
    plan_removals(ctx)


def plan_removals(ctx: Context) -> None:
    parsed, plan = ctx.parsed, ctx.plan
    for file, kinds in KINDS_OF_FILE.items():
        mode = parsed.mode(file)
        if mode == BULK:
            plan.complete.update(kinds)
        elif mode == DELTA:
            for kind in kinds:
                deletions = parsed.deletions.get(file, {})  # results: read later
                plan.deleted.setdefault(kind, set()).update(deletions)

    plan.category_sids = set(parsed.categories)
    plan.birth_dates_complete = parsed.mode(c.DEMOGRAPHICS) == BULK
    for sid in parsed.deletions.get(c.DEMOGRAPHICS, {}):
        plan.birth_dates[sid] = None
    for file in KEPT_FILES:
        for deletion in parsed.deletions.get(file, {}).values():
            ctx.tally(
                file,
                deletion.line,
                "status",
                "{rows} were marked tobedeleted (the first is on this line), but "
                "Homeroom keeps schools, school years, marking periods, courses "
                "and roles: grades and report cards depend on them.",
            )


def count_rows(source: Source, files: list[str]) -> int:
    """About how many data rows the files hold, for a progress bar."""
    total = 0
    for file in files:
        lines, last = 0, b"\n"
        with source.binary(file) as stream:
            while chunk := stream.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        total += max(lines - 1 + (last != b"\n"), 0)
    return total
