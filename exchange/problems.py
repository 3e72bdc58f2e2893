"""What the import found wrong (problems) or odd but harmless (warnings)."""

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, placed in a file at a CSV line (the header is line 1) and column.

    Line 0 and an empty column mean the finding is about the file as a whole.
    """

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f", line {self.line}"
        if self.column:
            place += f", column {self.column}"
        return f"{place}: {self.message}" if place else self.message


@dataclass
class Findings:
    """Problems stop an import; warnings are reported and the import goes on."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(self, file: str, line: int, column: str, message: str) -> None:
        self.problems.append(Problem(file, line, column, message))

    def warn(self, file: str, line: int, column: str, message: str) -> None:
        self.warnings.append(Problem(file, line, column, message))


@dataclass
class Tally:
    """Rows skipped for one reason, reported once per file instead of per row."""

    file: str
    column: str
    message: str  # a sentence about "{count} rows", filled in at the end
    count: int = 0
    first_line: int = 0

    def add(self, line: int) -> None:
        if not self.count:
            self.first_line = line
        self.count += 1

    def report(self, findings: Findings) -> None:
        if self.count:
            message = self.message.format(count=self.count, rows=rows(self.count))
            findings.warn(self.file, self.first_line, self.column, message)


def rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count:,} rows"
