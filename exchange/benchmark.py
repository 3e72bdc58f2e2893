"""Time an import of a large OneRoster 1.2 package, then roll everything back.

The package is generated into a temporary folder: a middle and a high school,
students in grades 6 to 12 with one or two parents each, seven periods a day
in sections of 25, and the second marking period's gradebook with fifteen line
items per section and a result for every student, about a hundred results per
student. The import runs inside a transaction that is rolled back at the end,
on success and on failure alike, and the folder is deleted: nothing is kept.
"""

import csv
import datetime
import math
import random
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from exchange.columns import LAYOUTS, V12
from exchange.importing import apply
from exchange.package import read_package
from exchange.progress import Progress

CLASS_SIZE = 25
SECTIONS_PER_TEACHER = 5
ITEMS_PER_SECTION = 15
SUBJECTS = ("ENG", "MATH", "SCI", "SOC", "LANG", "PE", "ART")
CATEGORIES = (
    ("CAT-T", "Tests", 50, 100),
    ("CAT-Q", "Quizzes", 20, 20),
    ("CAT-H", "Homework", 30, 10),
)
FIRST = ("Ava", "Ben", "Chloe", "Dev", "Elena", "Felix", "Grace", "Hugo", "Iris", "Jon")
LAST = (
    "Adams",
    "Baker",
    "Cruz",
    "Diaz",
    "Evans",
    "Fox",
    "Gupta",
    "Hill",
    "Ito",
    "Khan",
)
Q2_START = datetime.date(2026, 11, 9)
SCORE_COLUMNS = (
    "sourced_id",
    "assignment_id",
    "student_id",
    "points",
    "missing",
    "late",
    "excused",
    "incomplete",
    "comment",
    "updated_at",
)


class RolledBack(Exception):
    """Ends the benchmark's transaction so nothing it wrote is kept."""


@dataclass
class Report:
    students: int
    rows: dict[str, int]
    generate_seconds: float = 0.0
    check_seconds: float = 0.0
    write_seconds: float = 0.0
    again_seconds: float | None = None  # a second import of the same package
    again_changed: bool = False
    copy_seconds: float | None = None
    copy_rows: int = 0
    warnings: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def import_seconds(self) -> float:
        return self.check_seconds + self.write_seconds


@dataclass
class Section:
    sid: str
    grade: int
    subject: str
    teacher: str
    students: list[str]


class Generator:
    """Writes the package's CSV files, row by row, each row a dict of its values."""

    def __init__(self, folder: Path, students: int, seed: int) -> None:
        self.folder = folder
        self.size = students
        self.rng = random.Random(seed)
        self.rows: dict[str, int] = {}
        self.grades = {f"S{n:06d}": 6 + n % 7 for n in range(students)}
        self.sections = self.make_sections()

    def make_sections(self) -> list[Section]:
        sections: list[Section] = []
        for grade in range(6, 13):
            group = [sid for sid, g in self.grades.items() if g == grade]
            self.rng.shuffle(group)
            per_subject = math.ceil(len(group) / CLASS_SIZE)
            for subject in SUBJECTS:
                for n in range(per_subject):
                    sections.append(
                        Section(
                            sid=f"CL-{grade}-{subject}-{n}",
                            grade=grade,
                            subject=subject,
                            teacher=f"T{len(sections) // SECTIONS_PER_TEACHER:05d}",
                            students=group[n * CLASS_SIZE : (n + 1) * CLASS_SIZE],
                        )
                    )
        return sections

    def write(self) -> None:
        self.table("orgs.csv", self.orgs())
        self.table("academicSessions.csv", self.sessions())
        self.table("courses.csv", self.courses())
        self.table("classes.csv", self.classes())
        self.table("users.csv", self.users())
        self.table("roles.csv", self.roles())
        self.table("enrollments.csv", self.enrollments())
        self.table("demographics.csv", self.demographics())
        self.table("categories.csv", self.categories())
        self.table("lineItems.csv", self.line_items())
        self.table("results.csv", self.results())
        manifest = [["manifest.version", "1.0"], ["oneroster.version", "1.2"]]
        manifest += [
            [f"file.{name.removesuffix('.csv')}", "bulk"] for name in self.rows
        ]
        self.write_rows("manifest.csv", ["propertyName", "value"], manifest)

    def table(self, name: str, rows: Iterable[dict[str, str]]) -> None:
        columns = list(LAYOUTS[name, V12][0].columns)
        lines = ([row.get(column, "") for column in columns] for row in rows)
        self.rows[name] = self.write_rows(name, columns, lines)

    def write_rows(
        self, name: str, header: list[str], rows: Iterable[list[str]]
    ) -> int:
        with (self.folder / name).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            written = 0
            for row in rows:
                writer.writerow(row)
                written += 1
        return written

    @staticmethod
    def school(grade: int) -> str:
        return "SCH-HIGH" if grade >= 9 else "SCH-MIDDLE"

    def orgs(self) -> Iterator[dict[str, str]]:
        yield {"sourcedId": "DIST", "name": "Benchmark District", "type": "district"}
        for sid, name in (("SCH-MIDDLE", "Middle"), ("SCH-HIGH", "High")):
            yield {
                "sourcedId": sid,
                "name": f"Benchmark {name} School",
                "type": "school",
                "parentSourcedId": "DIST",
            }

    def sessions(self) -> Iterator[dict[str, str]]:
        for sid, kind, start, end, parent in (
            ("Y2027", "schoolYear", "2026-08-31", "2027-06-18", ""),
            ("FALL", "semester", "2026-08-31", "2027-01-22", "Y2027"),
            ("Q1", "gradingPeriod", "2026-08-31", "2026-11-06", "FALL"),
            ("Q2", "gradingPeriod", "2026-11-09", "2027-01-22", "FALL"),
        ):
            yield {
                "sourcedId": sid,
                "title": sid,
                "type": kind,
                "startDate": start,
                "endDate": end,
                "parentSourcedId": parent,
                "schoolYear": "2027",
            }

    def courses(self) -> Iterator[dict[str, str]]:
        for grade in range(6, 13):
            for subject in SUBJECTS:
                yield {
                    "sourcedId": f"C-{subject}-{grade}",
                    "schoolYearSourcedId": "Y2027",
                    "title": f"{subject.title()} {grade}",
                    "courseCode": f"{subject}-{grade}",
                    "grades": f"{grade:02d}",
                    "orgSourcedId": self.school(grade),
                }

    def classes(self) -> Iterator[dict[str, str]]:
        for section in self.sections:
            period = SUBJECTS.index(section.subject) + 1
            yield {
                "sourcedId": section.sid,
                "title": section.sid,
                "courseSourcedId": f"C-{section.subject}-{section.grade}",
                "classType": "scheduled",
                "location": f"Room {100 + period}",
                "schoolSourcedId": self.school(section.grade),
                "termSourcedIds": "FALL",
                "periods": str(period),
            }

    def users(self) -> Iterator[dict[str, str]]:
        for n, (sid, grade) in enumerate(self.grades.items()):
            yield self.user(sid, self.school(grade)) | {
                "identifier": str(300000 + n),
                "agentSourcedIds": ",".join(self.parents_of(n)),
                "grades": f"{grade:02d}",
            }
        for sid in self.teachers():
            email = f"{sid.lower()}@schools.example.org"
            yield self.user(sid, "SCH-HIGH") | {"email": email}
        for sid in self.all_parents():
            yield self.user(sid, "SCH-HIGH") | {"email": f"{sid.lower()}@example.org"}

    def user(self, sid: str, school: str) -> dict[str, str]:
        return {
            "sourcedId": sid,
            "enabledUser": "true",
            "username": sid.lower(),
            "givenName": self.rng.choice(FIRST),
            "familyName": self.rng.choice(LAST),
            "primaryOrgSourcedId": school,
        }

    def teachers(self) -> list[str]:
        return sorted({section.teacher for section in self.sections})

    def parents_of(self, n: int) -> list[str]:
        """One or two parents; every third student shares them with a sibling."""
        household = n - 1 if n % 3 == 1 else n
        return [f"P-{household}"] + ([f"P-{household}b"] if household % 2 else [])

    def all_parents(self) -> Iterator[str]:
        for n in range(self.size):
            if n % 3 != 1:
                yield from self.parents_of(n)

    def roles(self) -> Iterator[dict[str, str]]:
        people = [(sid, "student", self.school(g)) for sid, g in self.grades.items()]
        people += [(sid, "teacher", "SCH-HIGH") for sid in self.teachers()]
        people += [(sid, "parent", "SCH-HIGH") for sid in self.all_parents()]
        for sid, role, school in people:
            yield {
                "sourcedId": f"R-{sid}",
                "userSourcedId": sid,
                "roleType": "primary",
                "role": role,
                "orgSourcedId": school,
            }

    def enrollments(self) -> Iterator[dict[str, str]]:
        for section in self.sections:
            people = [(section.teacher, "teacher")]
            people += [(student, "student") for student in section.students]
            for user, role in people:
                yield {
                    "sourcedId": f"E-{section.sid}-{user}",
                    "classSourcedId": section.sid,
                    "schoolSourcedId": self.school(section.grade),
                    "userSourcedId": user,
                    "role": role,
                    "primary": "true" if role == "teacher" else "false",
                    "beginDate": "2026-08-31",
                }

    def demographics(self) -> Iterator[dict[str, str]]:
        for sid, grade in self.grades.items():
            born = datetime.date(2020 - grade, 1, 1) + datetime.timedelta(
                days=self.rng.randrange(365)
            )
            sex = self.rng.choice(("male", "female"))
            yield {"sourcedId": sid, "birthDate": born.isoformat(), "sex": sex}

    def categories(self) -> Iterator[dict[str, str]]:
        for sid, title, weight, _ in CATEGORIES:
            yield {"sourcedId": sid, "title": title, "weight": str(weight)}

    def line_items(self) -> Iterator[dict[str, str]]:
        for section in self.sections:
            for n in range(ITEMS_PER_SECTION):
                category, _, _, possible = CATEGORIES[n % 3]
                due = Q2_START + datetime.timedelta(days=1 + n * 4)
                yield {
                    "sourcedId": f"LI-{section.sid}-{n}",
                    "title": f"Assignment {n + 1}",
                    "assignDate": (due - datetime.timedelta(days=3)).isoformat(),
                    "dueDate": due.isoformat(),
                    "classSourcedId": section.sid,
                    "categorySourcedId": category,
                    "academicSessionSourcedId": "Q2",
                    "resultValueMin": "0",
                    "resultValueMax": str(possible),
                    "schoolSourcedId": self.school(section.grade),
                }

    def results(self) -> Iterator[dict[str, str]]:
        for section in self.sections:
            for n in range(ITEMS_PER_SECTION):
                possible = CATEGORIES[n % 3][3]
                item = f"LI-{section.sid}-{n}"
                for student in section.students:
                    yield {
                        "sourcedId": f"{item}/{student}",
                        "lineItemSourcedId": item,
                        "studentSourcedId": student,
                        "scoreDate": "2026-12-01",
                        "classSourcedId": section.sid,
                    } | self.score(possible)

    def score(self, possible: int) -> dict[str, str]:
        """Mostly graded; some missing, some exempt, some late."""
        roll = self.rng.random()
        if roll < 0.04:
            return {"scoreStatus": "not submitted", "missing": "true"}
        if roll < 0.06:
            return {"scoreStatus": "exempt"}
        points = str(self.rng.randint(possible // 2, possible))
        late = "true" if roll < 0.1 else "false"
        return {"scoreStatus": "fully graded", "score": points, "late": late}


def run(
    students: int,
    seed: int = 2026,
    progress: Progress | None = None,
    again: bool = False,
) -> Report:
    """Generate, check and import a package; time each; keep nothing."""
    with tempfile.TemporaryDirectory(prefix="homeroom-benchmark-") as folder:
        started = time.monotonic()
        generator = Generator(Path(folder), students, seed)
        generator.write()
        report = Report(
            students, generator.rows, generate_seconds=time.monotonic() - started
        )
        try:
            with transaction.atomic():
                import_and_copy(Path(folder), report, progress)
                if again:
                    import_again(Path(folder), report, progress)
                raise RolledBack
        except RolledBack:
            report.notes.append(
                "Rolled back: the database holds nothing of the benchmark."
            )
    return report


def import_and_copy(folder: Path, report: Report, progress: Progress | None) -> None:
    started = time.monotonic()
    package = read_package(folder, progress)
    report.check_seconds = time.monotonic() - started
    if package.problems:
        raise RuntimeError(
            f"The generated package has problems: {package.problems[:5]}"
        )

    started = time.monotonic()
    summary = apply(package, progress)
    report.write_seconds = time.monotonic() - started
    report.warnings = len(summary.warnings)
    if connection.vendor == "postgresql":
        time_copy(report)
    else:
        report.notes.append(
            "PostgreSQL's COPY is timed only when the database is PostgreSQL."
        )


def import_again(folder: Path, report: Report, progress: Progress | None) -> None:
    """The same package once more: every row compared, nothing changed.

    A real second import comes after the first has committed and PostgreSQL
    has analysed the new rows; here both share one transaction, so the
    tables are analysed first, or the planner would take them for empty.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    started = time.monotonic()
    summary = apply(read_package(folder, progress), progress)
    report.again_seconds = time.monotonic() - started
    report.again_changed = summary.changed


def time_copy(report: Report) -> None:
    """PostgreSQL's own COPY of the same score rows into a temporary table."""
    columns = ", ".join(SCORE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM gradebook_score")  # noqa: S608
        rows = cursor.fetchall()
        cursor.execute(
            "CREATE TEMPORARY TABLE benchmark_score "
            "(LIKE gradebook_score INCLUDING ALL) ON COMMIT DROP"
        )
        started = time.monotonic()
        raw = cursor.cursor
        with raw.copy(f"COPY benchmark_score ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        report.copy_seconds = time.monotonic() - started
        report.copy_rows = len(rows)


def lines(report: Report) -> list[str]:
    """The report as lines of text."""
    rate = report.total_rows / report.import_seconds if report.import_seconds else 0
    out = [
        f"OneRoster 1.2 bulk package: {report.students:,} students, "
        f"{report.total_rows:,} rows in {len(report.rows)} files "
        f"(results: {report.rows.get('results.csv', 0):,}).",
        f"Generated in {report.generate_seconds:.1f} s.",
        timing(
            "Checked (read and validated, nothing written)",
            report.total_rows,
            report.check_seconds,
        ),
        timing("Written (one transaction)", report.total_rows, report.write_seconds),
        timing("Import in all", report.total_rows, report.import_seconds),
    ]
    if report.again_seconds is not None:
        result = "changed something" if report.again_changed else "changed nothing"
        out.append(
            timing("The same package again", report.total_rows, report.again_seconds)
            + f" It {result}."
        )
    if report.copy_seconds is not None:
        out.append(
            timing(
                "PostgreSQL COPY of the same score rows",
                report.copy_rows,
                report.copy_seconds,
            )
        )
        copy_rate = report.copy_rows / report.copy_seconds
        out.append(f"The import's rate is {rate / copy_rate:.1%} of COPY's.")
    return out + report.notes


def timing(label: str, rows: int, seconds: float) -> str:
    rate = rows / seconds if seconds else 0
    return f"{label}: {seconds:.1f} s, {rate:,.0f} rows per second."
