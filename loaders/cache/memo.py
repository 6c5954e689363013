"""What this process remembers of earlier loads, beside the disk cache: one `Memo`.

Every map a load keeps between loads (a file's text and stat, its parse, its last good version,
its outcome's halves, its valid records as last validated, the report texts read and what was
derived from them, a top file's include entries, the cache folders made and pruned) is an
attribute of one object, so what a process remembers is listed in one place and dropped at once
(`fresh_memo`).

There is one current memo per process: a `targets` command's, a dashboard server's (a Streamlit
server is one process: every session shares it), each test's (tests/conftest.py makes a fresh
one per test). A load takes the memo once, at its start (`current_memo()`), and uses that one
to its end, so a memo swapped meanwhile (`fresh_memo()`, as a restart would) never mixes two
memos in one load. The maps are plain dicts: the sessions of a server share them from their
threads as before, each lookup and store a single dict operation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.texts.report import ReportResult, read_report

if TYPE_CHECKING:
    from loaders.cache.file_cache import FileText, ParsedFile
    from loaders.cache.file_outcome import Checked, Declarations
    from loaders.rules.record_reuse import ValidRecords

#: report files kept parsed; a load reads every report in turn, so a bound below the number of
#: reports evicts each one just before it is read again (the 1000x bench has 981 reports)
CACHED_REPORTS = 4096


def _read_report(
    path: Path,
    resolved: str,
    state: tuple[int, ...],
    plan_year: int | None,
    plan_starts: str | None,
) -> ReportResult:
    """Return read_report(path, …); the resolved path and the text's state are in the key."""
    return read_report(path, plan_year=plan_year, plan_starts=plan_starts)


def _report_reader() -> Callable[..., ReportResult]:
    """Return a reader of report texts that keeps the last CACHED_REPORTS results."""
    return functools.lru_cache(maxsize=CACHED_REPORTS)(_read_report)


@dataclass(eq=False)
class Memo:
    """What a process remembers of earlier loads (the disk cache keeps its own)."""

    read: dict[str, tuple[tuple, FileText]] = field(default_factory=dict)
    """A file's text as last read, by resolved path: (its size, mtime, inode, ctime; FileText)."""
    stat_index: dict[str, dict[str, list]] = field(default_factory=dict)
    """The stats and digests the last process saved, by cache folder (then by resolved path)."""
    stat_new: dict[str, list] = field(default_factory=dict)
    """The stats and digests this process read and has not saved yet, by resolved path."""
    parsed: dict[str, tuple[str, ParsedFile]] = field(default_factory=dict)
    """A file's last parse, by resolved path: (its digest, ParsedFile); one per file."""
    last_good: dict[str, ParsedFile] = field(default_factory=dict)
    """The last version of a file that parsed, by resolved path."""
    pointed: dict[tuple[str, str], str] = field(default_factory=dict)
    """The digest the disk's last-good pointer names, by (cache folder, resolved path)."""
    declarations: dict[str, tuple[tuple, Declarations]] = field(default_factory=dict)
    """A file's declarations last made, by resolved path: (their content key, Declarations)."""
    checked: dict[str, tuple[tuple, Checked]] = field(default_factory=dict)
    """A file's checked records last made, by resolved path: (their content key, Checked)."""
    valid_records: dict[str, ValidRecords] = field(default_factory=dict)
    """A file's valid records as last validated, by resolved path (rules.record_reuse)."""
    record_texts: dict[int, tuple[Any, str]] = field(default_factory=dict)
    """A record written out without its line, by id(record): (the record, kept alive; text)."""
    derived: dict[tuple, Any] = field(default_factory=dict)
    """A value derived from report texts (ReportTexts.derived), by (kind, report, text, args)."""
    include_entries: dict[str, object] = field(default_factory=dict)
    """The `include:` entries of a top file's content, by its digest (inputs.UNREAD: unread)."""
    reports: Callable[..., ReportResult] = field(default_factory=_report_reader)
    """A report text read (an lru_cache), by (path, resolved path, state, plan year, starts)."""
    prepared: set[str] = field(default_factory=set)
    """The cache folders made with their markers by this process."""
    pruned: set[str] = field(default_factory=set)
    """The cache folders this process pruned."""


_current = Memo()


def current_memo() -> Memo:
    """Return this process's memo (a load takes it once, at its start)."""
    return _current


def fresh_memo() -> Memo:
    """Make a new memo this process's current one and return it: what earlier loads left is
    forgotten, as a restart would forget it (loads running meanwhile keep theirs)."""
    global _current
    _current = Memo()
    return _current
