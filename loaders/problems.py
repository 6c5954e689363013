"""A problem found in a file: where it is and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: characters that would break a problem's line (str.splitlines splits on each), shown escaped
_LINE_BREAKS = {ord(ch): repr(ch)[1:-1] for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True)
class Problem:
    """One problem: file, line, record id, field path and a message that says how to fix it."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        """Return 'file:LINE: ID: FIELD: message' on one line, leaving out the unknown parts."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.record, self.field, self.message]
        return ": ".join(part for part in parts if part).translate(_LINE_BREAKS)

    @property
    def sort_key(self) -> tuple[str, int]:
        """Return a key that orders problems by file and line."""
        return (self.file, self.line or 0)


@dataclass(frozen=True)
class Where:
    """Where a value of targets.yaml is: its path in the data, its record, its field as shown.

    Stepping inside builds the path and the shown field together: for the commitment at
    `Where(("commitments", 3), "gdp-2022")`, `at / "progress"` is `progress` and
    `(at / "progress")[0] / "value"` is `progress[0].value`. A field that is missing gets the
    line of the mapping it is missing from (the nearest enclosing value that has one).
    """

    path: tuple[Any, ...] = ()
    record: str | None = None
    field: str | None = None

    def __truediv__(self, key: str) -> Where:
        """Return the place of a field inside this one: target / "value" is target.value."""
        shown = f"{self.field}.{key}" if self.field else str(key)
        return Where((*self.path, key), self.record, shown)

    def __getitem__(self, index: int) -> Where:
        """Return the place of a list item inside this one: progress[0]."""
        return Where((*self.path, index), self.record, f"{self.field or ''}[{index}]")
