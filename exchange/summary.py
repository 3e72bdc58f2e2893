"""What an import changed: created, updated and removed, per kind of record."""

from dataclasses import dataclass, field

from exchange.plan import KINDS
from exchange.problems import Problem


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.removed


@dataclass
class Summary:
    counts: dict[str, Counts] = field(
        default_factory=lambda: {kind: Counts() for kind in KINDS}
    )
    warnings: list[Problem] = field(default_factory=list)
    rows: int = 0  # data rows read
    seconds: float = 0.0
    dry_run: bool = False

    def __getitem__(self, kind: str) -> Counts:
        if kind not in self.counts:
            self.counts[kind] = Counts()
        return self.counts[kind]

    @property
    def changed(self) -> bool:
        return any(counts.total for counts in self.counts.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            kind: {
                "created": counts.created,
                "updated": counts.updated,
                "removed": counts.removed,
            }
            for kind, counts in self.counts.items()
        }

    def table(self) -> list[str]:
        """The counts as lines of a plain-text table."""
        width = max(len(kind) for kind in self.counts)
        lines = [f"{'':<{width}}  {'created':>9}  {'updated':>9}  {'removed':>9}"]
        for kind, counts in self.counts.items():
            lines.append(
                f"{kind:<{width}}  {counts.created:>9,}  {counts.updated:>9,}  "
                f"{counts.removed:>9,}"
            )
        return lines
