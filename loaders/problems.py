"""A problem found in a file: where it is and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem: file, line, record id, field path and a message that says how to fix it."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        """Return 'file:LINE: ID: FIELD: message', leaving out the parts that are unknown."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.record, self.field, self.message]
        return ": ".join(part for part in parts if part)

    @property
    def sort_key(self) -> tuple[str, int]:
        """Return a key that orders problems by file and line."""
        return (self.file, self.line or 0)
