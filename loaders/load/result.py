"""What a load returns: the valid records (made when first used), the problems, the report
texts, counts, the commitments by file, and the files shown as their last good version."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from loaders.cache.file_outcome import _quotes_of
from loaders.model import Commitment, TargetsFile
from loaders.problems import Problem
from loaders.texts.report import Document


@dataclass(frozen=True)
class KeptVersion:
    """A file that no longer parses, shown as its last version that did: the problems of the
    current version and when the one shown was saved (seconds since the epoch, if known)."""

    file: str
    problems: list[Problem]
    saved_at: float | None


@dataclass(frozen=True)
class RecordCounts:
    """How many valid records a load holds, and their quotes and drafts."""

    commitments: int
    exclusions: int
    reports: int
    drafts: int
    quotes: int


class CommitmentGroup:
    """The valid commitments of one file, a key naming them (None: not to be cached), and
    the chapter each one's quote stands in (by id; None where it is not located).

    `count` is known without reading the commitments; they and their chapters are read (from
    the disk cache's JSON) only when first asked for, so rows kept from an earlier build under
    the same key cost nothing to reuse.
    """

    def __init__(
        self,
        key: str | None,
        commitments: tuple[Commitment, ...] | None = None,
        chapters: Mapping[str, str | None] | None = None,
        *,
        count: int | None = None,
        read: Callable[[], tuple[tuple[Commitment, ...], Mapping[str, str | None]]] | None = None,
    ) -> None:
        if commitments is None and (read is None or count is None):
            raise TypeError("a CommitmentGroup needs its commitments, or a count and a reader")
        self.key = key
        self._commitments = commitments
        self._chapters = chapters if chapters is not None or read is not None else {}
        self._read = read
        self.count = len(commitments) if commitments is not None else int(count or 0)

    def _read_now(self) -> None:
        """Read the commitments and their chapters, once."""
        if self._read is not None:
            commitments, chapters = self._read()
            if self._commitments is None:
                self._commitments = commitments
            if self._chapters is None:
                self._chapters = chapters
            self._read = None

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        """Return the group's valid commitments, in order (read on first use)."""
        if self._commitments is None:
            self._read_now()
        assert self._commitments is not None
        return self._commitments

    @property
    def chapters(self) -> Mapping[str, str | None]:
        """Return the chapter of each commitment's quote, by id (read on first use)."""
        if self._chapters is None:
            self._read_now()
        assert self._chapters is not None
        return self._chapters

    def __repr__(self) -> str:
        """Return the group's key and count."""
        return f"CommitmentGroup(key={self.key!r}, count={self.count})"


@dataclass
class LoadResult:
    """The valid records of a targets file (and the files it includes), the problems found, the
    report texts (read when first used), and the files shown as their last good version.

    `records` is the valid records, or a function returning them: commitments read from the
    cache are made records only when `targets` is first used (`targets check` needs `counts`).
    """

    records: TargetsFile | Callable[[], TargetsFile]
    problems: list[Problem]
    documents: Mapping[str, Document] = field(default_factory=dict)
    unreadable: bool = False
    kept: list[KeptVersion] = field(default_factory=list)
    #: the files read, the top file first
    files: list[str] = field(default_factory=list)
    #: the file each valid report is declared in
    declared_in: dict[str, str] = field(default_factory=dict)
    #: the path of the file each commitment is written in (by id), as the load was given it
    commitment_files: dict[str, str] = field(default_factory=dict)
    #: the counts of the valid records (None: counted from `targets` when asked)
    known_counts: RecordCounts | None = None
    #: the valid reports and areas (None: those of `targets`)
    known_declared: TargetsFile | None = None
    #: the valid commitments by file, each with a key naming its content and what it refers
    #: to (None: one group of every commitment, with no key); made when first used
    known_groups: Callable[[], list[CommitmentGroup]] | list[CommitmentGroup] | None = None

    @property
    def targets(self) -> TargetsFile:
        """Return the valid records (made now if not yet)."""
        if not isinstance(self.records, TargetsFile):
            self.records = self.records()
        return self.records

    @property
    def groups(self) -> list[CommitmentGroup]:
        """Return the valid commitments by file, in order, each with a key that stays the same
        while the file and what it refers to are unchanged (None when not known)."""
        if self.known_groups is None:
            return [CommitmentGroup(None, self.targets.commitments)]
        if not isinstance(self.known_groups, list):
            self.known_groups = self.known_groups()
        return self.known_groups

    @property
    def declared(self) -> TargetsFile:
        """Return the valid reports and areas (without reading the commitments)."""
        return self.known_declared if self.known_declared is not None else self.targets

    @property
    def counts(self) -> RecordCounts:
        """Return how many valid records there are, with their quotes and drafts."""
        if self.known_counts is not None:
            return self.known_counts
        commitments = self.targets.commitments
        return RecordCounts(
            commitments=len(commitments),
            exclusions=len(self.targets.exclusions),
            reports=len(self.targets.reports),
            drafts=sum(c.draft for c in commitments),
            quotes=sum(_quotes_of(c) for c in commitments) + len(self.targets.exclusions),
        )

    @property
    def ok(self) -> bool:
        """Return True when no error was found (warnings, such as drafts to review, are allowed)."""
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that left a record out."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Return the problems that flag a record kept: drafts to review, TODO markers."""
        return [p for p in self.problems if p.severity == "warning"]
