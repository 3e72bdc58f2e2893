"""Reading one OneRoster CSV file: its header, then each row with checked values."""

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from exchange.columns import LAYOUTS, V11, V12, Layout
from exchange.problems import Findings, Tally
from exchange.source import Source

SOURCED_ID = re.compile(r"[0-9A-Za-z._/@-]{1,255}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"
)
# A field in quotes that holds no comma, quote or line break needs none.
NEEDLESS_QUOTES = re.compile(r'(?:^|,)"[^",\r\n]*"(?=,|\r?\n|$)')
BULK, DELTA, ABSENT = "bulk", "delta", "absent"
ACTIVE, DELETED = "active", "tobedeleted"
BLANK_REQUIRED = "This column is required, but it is blank."


class Unreadable(Exception):
    """The file cannot be read as CSV at all; the problem is already noted."""


@dataclass
class Table:
    """One file being read: where problems go, and how its columns are laid out."""

    source: Source
    file: str
    mode: str  # bulk or delta
    version: str
    findings: Findings
    layout: Layout | None = None
    index: dict[str, int] = field(default_factory=dict)
    rows: int = 0
    whole: bool = True  # False when the header or the CSV itself is broken
    clipped: dict[str, Tally] = field(default_factory=dict)

    def read(self) -> Iterator["Row"]:
        """Every data row, with its line number; rows of the wrong width are skipped."""
        quotes = QuoteWatch()
        with self.source.text(self.file) as text:
            reader = csv.reader(quotes.watch(text), strict=True)
            try:
                yield from self.records(reader)
            except csv.Error as error:
                self.whole = False
                self.findings.problem(
                    self.file,
                    reader.line_num,
                    "",
                    f"This line cannot be read as CSV ({error}). Check the quotes "
                    "around the fields on it.",
                )
        for tally in self.clipped.values():
            tally.report(self.findings)
        if quotes.first_line:
            self.findings.warn(
                self.file,
                quotes.first_line,
                "",
                "Some fields are in quotes though they need none (the first is "
                "on this line). They were read as written.",
            )

    def records(self, reader: Iterable[list[str]]) -> Iterator["Row"]:
        lines = iter(reader)
        header = next(lines, None)
        if header is None:
            self.findings.problem(
                self.file, 1, "", "The file is empty: it needs at least a header row."
            )
            self.whole = False
            return
        if not self.read_header(header):
            self.whole = False
            return

        line = 1
        for values in lines:
            line = getattr(reader, "line_num", line + 1)
            if not values:
                continue
            if len(values) > len(header) and not any(values[len(header) :]):
                values = self.trim(line, values, len(header))
            if len(values) != len(header):
                self.wrong_width(line, len(values), len(header))
                continue
            self.rows += 1
            yield Row(self, line, values)

    def trim(self, line: int, values: list[str], width: int) -> list[str]:
        """Empty fields past the last column mean nothing: they are dropped."""
        if "extra fields" not in self.clipped:
            self.clipped["extra fields"] = Tally(
                self.file,
                "",
                "{rows} had empty fields past the last column (the first is on "
                "this line). They were ignored.",
            )
        self.clipped["extra fields"].add(line)
        return values[:width]

    def wrong_width(self, line: int, found: int, expected: int) -> None:
        self.findings.problem(
            self.file,
            line,
            "",
            f"This row has {found} fields but the header has {expected}. A value "
            "with a comma in it must be in double quotes.",
        )

    def read_header(self, header: list[str]) -> bool:
        """Pick the layout the header matches and report what does not fit."""
        repeated = sorted({name for name in header if header.count(name) > 1})
        for name in repeated:
            self.findings.problem(
                self.file, 1, name, "This column appears twice in the header."
            )

        self.layout = self.choose_layout(header)
        self.index = {name: n for n, name in enumerate(header)}
        missing = [n for n in self.layout.required if n not in self.index]
        unknown = [n for n in header if n not in self.layout.columns and not extra(n)]
        for name in sorted(missing):
            self.findings.problem(
                self.file,
                1,
                name,
                f"This required column of {self.layout.name} is missing from the "
                "header.",
            )
        for name in unknown:
            self.findings.problem(
                self.file,
                1,
                name,
                f"This is not a column of {self.layout.name}. Columns of your own "
                "must be named metadata.something and come after the standard ones.",
            )
        self.header_warnings(header)
        return not (missing or unknown or repeated)

    def choose_layout(self, header: list[str]) -> Layout:
        """The layout for the manifest's version, else the other one if it fits."""
        other = V11 if self.version == V12 else V12
        declared = LAYOUTS.get((self.file, self.version), [])
        candidates = declared + LAYOUTS.get((self.file, other), [])
        for candidate in candidates:
            if fits(candidate, header):
                if candidate.version != self.version:
                    self.findings.warn(
                        self.file,
                        1,
                        "",
                        f"The manifest says OneRoster {self.version}, but this file "
                        f"is laid out as {candidate.name}. It was read as such.",
                    )
                return candidate
        return (declared or candidates)[0]

    def header_warnings(self, header: list[str]) -> None:
        assert self.layout is not None
        extras = [name for name in header if extra(name)]
        if extras:
            self.findings.warn(
                self.file,
                1,
                "",
                f"Extra columns ({', '.join(extras)}) are not part of OneRoster. "
                "They were ignored.",
            )

        absent = [name for name in self.layout.columns if name not in self.index]
        if absent:
            self.findings.warn(
                self.file,
                1,
                "",
                f"Optional columns are missing ({', '.join(absent)}). They were "
                "read as blank.",
            )

        standard = [name for name in header if name in self.layout.columns]
        if standard != [name for name in self.layout.columns if name in standard]:
            self.findings.warn(
                self.file,
                1,
                "",
                "The columns are not in the order OneRoster sets. They were read "
                "by their names.",
            )


def extra(name: str) -> bool:
    return name.startswith("metadata.")


def fits(layout: Layout, header: list[str]) -> bool:
    known = all(name in layout.columns or extra(name) for name in header)
    return known and layout.required <= set(header)


class QuoteWatch:
    """Notes the first line with a field quoted for no reason, as lines go past."""

    def __init__(self) -> None:
        self.first_line = 0

    def watch(self, lines: Iterable[str]) -> Iterator[str]:
        for number, line in enumerate(lines, start=1):
            if not self.first_line and '"' in line and NEEDLESS_QUOTES.search(line):
                self.first_line = number
            yield line


class Row:
    """One data row; a reader notes a problem, and answers None, if a value is bad."""

    __slots__ = ("index", "line", "problems_before", "status", "table", "values")

    def __init__(self, table: Table, line: int, values: list[str]) -> None:
        self.table = table
        self.index = table.index
        self.line = line
        self.values = values
        self.problems_before = len(table.findings.problems)
        self.status = self.read_status()

    @property
    def deleted(self) -> bool:
        return self.status == DELETED

    @property
    def bad(self) -> bool:
        """Whether a problem was found on this row."""
        return len(self.table.findings.problems) > self.problems_before

    def problem(self, column: str, message: str) -> None:
        self.table.findings.problem(self.table.file, self.line, column, message)

    def raw(self, column: str) -> str:
        index = self.index.get(column)
        return "" if index is None else self.values[index].strip()

    def text(self, column: str) -> str:
        value = self.raw(column)
        if not value and self.status != DELETED and self.required(column):
            self.problem(column, BLANK_REQUIRED)
        return value

    def clip(self, column: str, limit: int) -> str:
        """A value Homeroom keeps shorter: cut to the limit, with a warning."""
        value = self.text(column)
        if len(value) <= limit:
            return value

        clipped = self.table.clipped
        if column not in clipped:
            clipped[column] = Tally(
                self.table.file,
                column,
                f"{{rows}} had values longer than the {limit} characters Homeroom "
                "keeps here (the first is on this line). They were cut short.",
            )
        clipped[column].add(self.line)
        return value[:limit]

    def required(self, column: str) -> bool:
        layout = self.table.layout
        return layout is not None and column in layout.required

    def sourced_id(self) -> str:
        value = self.raw("sourcedId")
        if not value:
            self.problem("sourcedId", BLANK_REQUIRED)
        elif not SOURCED_ID.fullmatch(value):
            self.problem(
                "sourcedId",
                "A sourcedId must be under 256 characters of letters, digits and "
                "the signs . - _ / @ only.",
            )
        return value

    def refs(self, column: str) -> list[str]:
        """A comma-separated list of sourcedIds, in one field."""
        return [part.strip() for part in self.text(column).split(",") if part.strip()]

    def date(self, column: str) -> datetime.date | None:
        value = self.text(column)
        if not value:
            return None
        if DATE.fullmatch(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(column, f"{value!r} is not a date written as YYYY-MM-DD.")
        return None

    def day(self, column: str) -> datetime.date | None:
        """A date, or the date part of a date and time (YYYY-MM-DDTHH:MM:SS.sssZ)."""
        value = self.text(column)
        if not value:
            return None
        if DATE_TIME.fullmatch(value):
            value = value[:10]
        if DATE.fullmatch(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(
            column,
            f"{value!r} is not a date (YYYY-MM-DD) or a date and time "
            "(YYYY-MM-DDTHH:MM:SS.sssZ).",
        )
        return None

    def boolean(self, column: str) -> bool | None:
        value = self.text(column)
        if not value:
            return None
        word = value.lower()
        if word in ("true", "false"):
            return word == "true"
        self.problem(column, f"{value!r} is neither true nor false.")
        return None

    def word(self, column: str, words: Iterable[str]) -> str:
        """A value from a vocabulary; in 1.2, an extension starting ext: passes too."""
        value = self.text(column)
        if not value or value in words:
            return value
        if self.table.version == V12 and value.startswith("ext:"):
            return value
        allowed = ", ".join(words)
        self.problem(column, f"{value!r} is not one of the allowed values: {allowed}.")
        return ""

    def number(self, column: str) -> Decimal | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
        if number.is_finite():
            return number
        self.problem(column, f"{value!r} is not a number.")
        return None

    def read_status(self) -> str:
        status = self.raw("status")
        modified = self.raw("dateLastModified")
        if self.table.mode == DELTA:
            return self.delta_status(status, modified)

        if status == DELETED:
            self.problem(
                "status",
                "A bulk file lists everything as it is now, so no row may be "
                "tobedeleted: leave the record out instead, or mark the file delta "
                "in the manifest.",
            )
        elif status not in ("", ACTIVE):
            self.problem(
                "status", f"{status!r} is not a status: use active or leave it blank."
            )
        if modified and not DATE_TIME.fullmatch(modified):
            self.not_a_time(modified)
        return ACTIVE

    def delta_status(self, status: str, modified: str) -> str:
        if status not in (ACTIVE, DELETED):
            self.problem(
                "status",
                "Every row of a delta file needs a status: active or tobedeleted.",
            )
        if not modified:
            self.problem(
                "dateLastModified",
                "Every row of a delta file needs the date and time it was last "
                "changed.",
            )
        elif not DATE_TIME.fullmatch(modified):
            self.not_a_time(modified)
        return status

    def not_a_time(self, value: str) -> None:
        self.problem(
            "dateLastModified",
            f"{value!r} is not a date and time written as YYYY-MM-DDTHH:MM:SS.sssZ.",
        )
