"""What an import did (or would do), row by row."""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field


STATUSES = ("created", "updated", "unchanged", "rejected")


@dataclass
class RowResult:
    row: int
    code: str
    status: str
    reason: str = ""
    changed: list = field(default_factory=list)


@dataclass
class Report:
    kind: str
    dry_run: bool = False
    error: str = ""  # a file-level problem: nothing was imported
    rows: list = field(default_factory=list)

    def add(self, row, code, status, reason="", changed=()):
        self.rows.append(RowResult(row, code or "", status, reason, list(changed)))

    def count(self, status):
        return sum(1 for result in self.rows if result.status == status)

    @property
    def counts(self):
        return {status: self.count(status) for status in STATUSES}

    @property
    def rejected(self):
        return [result for result in self.rows if result.status == "rejected"]

    def as_dict(self):
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "error": self.error,
            "counts": self.counts,
            "rows": [asdict(result) for result in self.rows],
        }

    def summary(self):
        if self.error:
            return f"{self.kind}: file rejected: {self.error}"
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items())
        prefix = "dry run, nothing written: " if self.dry_run else ""
        return f"{self.kind}: {prefix}{counts}"
