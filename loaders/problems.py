"""A problem found in a file: where it is and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

#: characters that would break a problem's line (str.splitlines splits on each), shown escaped
_LINE_BREAKS = {ord(ch): repr(ch)[1:-1] for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True)
class Problem:
    """One problem: file, line, record id, field path, a message that says how to fix it, and
    its severity."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str
    severity: str = "error"  # "error": the record is left out; "warning": kept, flagged

    def __str__(self) -> str:
        """Return 'file:LINE: ID: FIELD: message' on one line, leaving out the unknown parts.

        A warning's message starts with "warning: ".
        """
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = f"warning: {self.message}" if self.severity == "warning" else self.message
        parts = [where, self.record, self.field, message]
        return ": ".join(part for part in parts if part).translate(_LINE_BREAKS)

    @property
    def sort_key(self) -> tuple[str, int]:
        """Return a key that orders problems by file and line."""
        return (self.file, self.line or 0)
