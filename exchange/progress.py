"""Progress reports: a callback told the step, the rows done and the rows in all."""

import sys
import time
from collections.abc import Callable

Progress = Callable[[str, int, int], None]
EVERY = 5000  # rows between two reports


class Meter:
    """Counts rows for one step and calls the callback every few thousand."""

    def __init__(self, progress: Progress | None, step: str, total: int) -> None:
        self.progress = progress
        self.step = step
        self.total = total
        self.done = 0
        self.reported = 0
        self.report()

    def advance(self, rows: int = 1) -> None:
        self.done += rows
        if self.done - self.reported >= EVERY:
            self.report()

    def report(self) -> None:
        self.reported = self.done
        if self.progress is not None:
            self.progress(self.step, min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.done = max(self.done, self.total)
        self.report()


class TextBar:
    """A progress bar drawn on one line of a terminal, redrawn in place."""

    WIDTH = 30

    def __init__(
        self, write: Callable[[str], object] = sys.stderr.write, interval: float = 0.2
    ) -> None:
        self.write = write
        self.interval = interval
        self.step = ""
        self.drawn_at = 0.0

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if step == self.step and not finished and now - self.drawn_at < self.interval:
            return
        if step != self.step and self.step:
            self.write("\n")
        self.step = step
        self.drawn_at = now
        self.write("\r" + bar_line(step, done, total, self.WIDTH))

    def close(self) -> None:
        if self.step:
            self.write("\n")
        self.step = ""


def bar_line(step: str, done: int, total: int, width: int) -> str:
    share = done / total if total else 1.0
    filled = round(share * width)
    bar = "#" * filled + "-" * (width - filled)
    return f"{step:<24} [{bar}] {share:4.0%} {done:>10,}/{total:,}"
