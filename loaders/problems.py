"""A problem found in a file: where it is, what kind it is and what to do about it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: characters that would break a problem's line (str.splitlines splits on each) or act on a
#: terminal (ESC starts a sequence that can move the cursor, recolour or rewrite a line), shown
#: escaped as Python writes them: "\x1b", "\n", "\u2028"
CONTROL_CHARACTERS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + ["\u2028", "\u2029"]
_ESCAPES = {ord(ch): repr(ch)[1:-1] for ch in CONTROL_CHARACTERS}


def is_control(ch: str) -> bool:
    """Return True for a character a terminal acts on or a line breaks at (tab included)."""
    return ord(ch) in _ESCAPES


#: what a command's output keeps of them: line ends and tabs lay the output out
_TERMINAL_ESCAPES = {k: v for k, v in _ESCAPES.items() if chr(k) not in "\n\t"}


def terminal_text(text: str) -> str:
    """Return a command's output safe for a terminal: each control character but the line end
    and the tab escaped ("\x1b[2K" cannot erase a line and print a fake "OK")."""
    return text.translate(_TERMINAL_ESCAPES)


def shown(text: str) -> str:
    """Return text safe to print on a terminal: each control character escaped ("\x1b")."""
    return text.translate(_ESCAPES)


#: every kind of problem, by its stable code (what tests, tools and the dashboard may group by;
#: the message is for people and may be reworded)
CODES = {
    # reading a file
    "file-not-found": "the file does not exist",
    "not-a-file": "a directory, a device or a pipe, not a regular file",
    "unreadable-file": "the system refused to read the file",
    "file-too-large": "the file is over the size limit",
    "not-text": "a binary file (it holds NUL bytes)",
    "not-utf8": "text that is not UTF-8 (GBK, UTF-16, other bytes)",
    "empty-file": "the file holds no data (empty, only comments, a report without text)",
    # YAML
    "yaml-syntax": "the YAML cannot be parsed",
    "control-character": "an invisible control character in the text",
    "nesting-too-deep": "nested deeper than the limit",
    "alias": "a YAML anchor, alias or merge key",
    "yaml-tag": "a YAML tag such as !!python/object",
    "duplicate-key": "the same key twice in one mapping",
    "bad-key": "a key that is not a short plain name",
    "value-too-long": "a value over the length limit",
    # sections, records and fields
    "bad-structure": "a mapping or list expected, something else found",
    "unknown-section": "a top-level key that is not a section",
    "missing-section": "a required section is not there",
    "unknown-field": "a field the schema does not declare here",
    "missing-field": "a field required here (always, or by a condition) is not there",
    "bad-value": "a value that cannot be read as its field's type",
    "negative-value": "a negative figure where it cannot be",
    "field-not-allowed": "a field the record's other fields rule out",
    "year-date-mismatch": "a progress entry's year and date disagree",
    "unit-mismatch": "a progress unit that differs from the target's",
    "progress-before-report": "progress dated before the commitment's report",
    "bad-file-name": "a report file that is not a bare name in seeds/",
    "report-file-missing": "a report file that is not in seeds/",
    # a record in several files (`include:`)
    "include-not-found": "an included path that is not a file",
    "include-matches-nothing": "an included pattern that matches no file",
    "included-twice": "a file included by two entries of `include:`",
    "include-loop": "a top file that includes itself",
    "include-not-top": "an `include:` in an included file (only the top file includes)",
    "outside-folder": "a path or link to a file outside the tracker's folder (or seeds/)",
    "too-many-matches": "an `include:` pattern matching more files than the limit",
    # references between records
    "duplicate-id": "two records with the same id",
    "unknown-reference": "a reference to a report or area that does not exist",
    "reference-has-problems": "a reference to a record left out for its own problems",
    # quotes
    "quote-not-found": "a quote that is not in its report's text",
    "quote-across-paragraphs": "a quote that runs across a paragraph break",
    "quote-not-checkable": "a quote of a report that is not in seeds/",
    "figure-not-in-quote": "an exclusion's figure that its quote does not hold",
    "value-not-in-quote": "a value that is not a figure its own quote gives",
    "progress-duplicate": "a progress entry that repeats another exactly",
    "progress-disagree": "two entries for one year that give different figures",
    "progress-measure": "a progress quote whose figure measures something else than its commitment",
    "not-a-web-address": "a report url that is not an http(s) address (warning)",
    "value-sign": "a reported figure's sign contradicts its quote (a fall written as a rise)",
    "unit-not-in-quote": "a value whose quote gives figures only in another unit",
    # warnings: the record is kept
    "report-structure": "a work report with no plan part, an empty plan, or targets in its review",
    "draft-to-review": "a drafted record (draft: true) not yet reviewed",
    "todo-marker": "an English name still the drafted TODO marker",
    "unit-scale-slip": "a reported value about 10⁴ times off its target (万 left in)",
    "implausible-value": "a reported value under 1% or over 100 times its target",
    "undeclared-report-file": "a report text in seeds/ that no report declares",
}

#: an error leaves its record out (or the file unread); a warning keeps the record, flagged
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Problem:
    """One problem: file, line, record id, field path, a message that says how to fix it, and
    its kind: a stable code (one of CODES) and a severity (error or warning)."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str
    code: str = dataclasses.field(kw_only=True)
    severity: str = dataclasses.field(default="error", kw_only=True)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}: add it to problems.CODES")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}: one of {SEVERITIES}")

    def __str__(self) -> str:
        """Return 'file:LINE: ID: FIELD: message' on one line, leaving out the unknown parts.

        A warning's message starts with "warning: ".
        """
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = f"warning: {self.message}" if self.severity == "warning" else self.message
        parts = [where, self.record, self.field, message]
        return shown(": ".join(part for part in parts if part))

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
