"""A problem found in a file: where it is and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

#: characters that would break a problem's line (str.splitlines splits on each), shown escaped
_LINE_BREAKS = {ord(ch): repr(ch)[1:-1] for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True)
class Problem:
    """One problem: file, line, record id, field path and a message that says how to fix it.

    An "error" leaves its record out; a "warning" keeps the record and flags it (a draft to
    review).
    """

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        """Return 'file:LINE: ID: FIELD: message' on one line, leaving out the unknown parts."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.record, self.field, self.message]
        return ": ".join(part for part in parts if part).translate(_LINE_BREAKS)

    @property
    def sort_key(self) -> tuple[str, int]:
        """Return a key that orders problems by file and line."""
        return (self.file, self.line or 0)
