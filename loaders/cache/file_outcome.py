"""What validating one targets file gave, kept per content so a load re-checks only what changed.

A file's outcome has two halves, cached apart because they depend on different things:

- its **declarations** (`Declarations`): the sections it has, its valid reports and areas, the
  problems of those, and which report texts could be read. They depend on the file's text, on
  whether it is the top file, and on the report texts' files (`texts`: size and modification
  time, checked again on every load).
- its **records** (`Checked`): its commitments and exclusions as validated, their problems and
  warnings. They also depend on the records of other files they refer to and the texts their
  quotes were checked in: the validator notes each (`deps`), and the outcome is reused while
  `dependency_key` of those is unchanged.

Both are kept in memory by resolved path (one entry per file, in the load's `Memo`) and on disk in the folder of
`file_cache` (one JSON file per content digest, written atomically, versioned by the loaders'
source), so a restarted dashboard or a second `targets check` validates nothing that did not
change. Checks across files (unique ids, references) are made again on every load from the
outcomes: they are cheap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.cache import file_cache, store
from loaders.cache.dependencies import text_state
from loaders.cache.memo import Memo
from loaders.cache.model_json import CODECS, problem_from, problem_json

#: a record of a section as (its index in the section, the record)
Records = list[tuple[int, Any]]
#: (section, index) → (line of the record, line of its id)
Lines = Mapping[tuple[str, int], tuple[int | None, int | None]]


class StoredLines(Mapping[tuple[str, int], tuple[int | None, int | None]]):
    """Record lines as read from the disk, made a dict only when first looked up: a load
    needs them only for the rare duplicate id."""

    def __init__(self, data: list) -> None:
        self.data = data
        self._lines: dict[tuple[str, int], tuple[int | None, int | None]] | None = None

    def _built(self) -> dict[tuple[str, int], tuple[int | None, int | None]]:
        """Return the lines as a dict, built on first use."""
        if self._lines is None:
            self._lines = {(s, i): (line, id_line) for s, i, line, id_line in self.data}
        return self._lines

    def __getitem__(self, key: tuple[str, int]) -> tuple[int | None, int | None]:
        """Return the line of a record and of its id."""
        return self._built()[key]

    def __iter__(self) -> Iterator[tuple[str, int]]:
        """Return the (section, index) of each record."""
        return iter(self._built())

    def __len__(self) -> int:
        """Return the number of records."""
        return len(self.data)


@dataclass
class Declarations:
    """A file's sections, valid reports and areas (with their lines), the problems of
    everything but its commitments and exclusions, and the report texts that were read."""

    sections: list[str]
    reports: Records
    areas: Records
    lines: Lines
    problems: list
    left_out: dict[str, dict[str, int | None]]
    #: report id → whether its text was read (only reports with a file)
    readable: dict[str, bool]
    #: report text file → [size, mtime_ns] when read (None when missing)
    texts: dict[str, list[int] | None]
    #: the line of each section, or of the nearest value where it is missing
    section_lines: dict[str, int | None] = field(default_factory=dict)
    #: the report text files its reports name, valid or not (None: no list of reports)
    declared_files: list[str] | None = None
    #: the top file's include list as written, with its lines ([path, line] pairs)
    include: Any = None
    include_lines: list = field(default_factory=list)


class Checked:
    """A file's valid commitments and exclusions (with their lines), their problems and
    warnings, and what they depend on outside the file (`deps`, keyed by `dependency_key`).

    Read from the disk, the commitments, their lines and chapters stay JSON until first used
    (the entry's tail): `targets check` needs only their ids, drafts and numbers of quotes,
    which are kept apart in its header.
    """

    def __init__(
        self,
        commitments: Records | None,
        exclusions: Records,
        lines: Lines | None,
        problems: list,
        left_out: dict[str, int | None],
        deps: list[tuple[str, str]],
        key: str,
        stored: dict | None = None,
        chapters: dict[str, str | None] | None = None,
    ) -> None:
        self._commitments = commitments
        self._lines = lines
        self._chapters = chapters
        self._stored = stored
        self.exclusions = exclusions
        self.problems = problems
        self.left_out = left_out
        self.deps = deps
        self.key = key
        if commitments is not None:
            self.ids: list[tuple[int, str]] = [(i, c.id) for i, c in commitments]
            self.drafts: list[str] = [c.id for _, c in commitments if c.draft]
            self.quote_counts: list[int] = [_quotes_of(c) for _, c in commitments]
        else:
            assert stored is not None
            self.ids = [(i, ident) for i, ident in stored["ids"]]
            self.drafts = stored["drafts"]
            self.quote_counts = stored["quote_counts"]
        #: the ids, once each; and the quotes of all its commitments (for the set's checks)
        self.id_names = frozenset(ident for _, ident in self.ids)
        self.quote_total = sum(self.quote_counts)
        self._records: tuple | None = None

    @property
    def quotes(self) -> dict[str, int]:
        """Return the number of quotes of each commitment, by id."""
        return {ident: n for (_, ident), n in zip(self.ids, self.quote_counts, strict=True)}

    @property
    def commitments(self) -> Records:
        """Return the valid commitments as (index, record), read from their JSON on first use."""
        if self._commitments is None:
            self._commitments = _records_from("commitments", self._tail()["commitments"])
        return self._commitments

    @property
    def lines(self) -> Lines:
        """Return the line of each commitment and of its id, read on first use."""
        if self._lines is None:
            self._lines = _lines_from(self._tail()["lines"])
        return self._lines

    @property
    def chapters(self) -> dict[str, str | None]:
        """Return the chapter each commitment's quote stands in, by id (see
        chapters.found_chapters), read on first use."""
        if self._chapters is None:
            self._chapters = self._tail()["chapters"] if self._stored is not None else {}
        return self._chapters

    def _tail(self) -> dict:
        """Return the entry's tail (commitments, lines, chapters), parsed once."""
        assert self._stored is not None
        if "parsed" not in self._stored:
            self._stored["parsed"] = json.loads(self._stored["tail"])
        return self._stored["parsed"]

    def tail_json(self) -> str:
        """Return what the entry's tail holds, as JSON text."""
        tail = {
            "commitments": _records_json("commitments", self.commitments),
            "lines": _lines_json(self.lines),
            "chapters": self.chapters,
        }
        return json.dumps(tail, ensure_ascii=False, separators=(",", ":"))

    def records(self) -> tuple:
        """Return the valid commitments alone, in order (made once)."""
        if self._records is None:
            self._records = tuple(c for _, c in self.commitments)
        return self._records


def _quotes_of(commitment: Any) -> int:
    """Return the number of quotes a commitment holds (its own, its baseline's, its progress')."""
    baseline = commitment.baseline is not None
    return 1 + baseline + sum(p.quote is not None for p in commitment.progress)


# -- memory and disk --------------------------------------------------------------------------


def cached_declarations(
    cache_dir: Path | None, path_key: str, key: tuple, seeds: Path, memo: Memo
) -> Declarations | None:
    """Return a file's declarations for its content key, when their report texts are unchanged."""
    remembered = memo.declarations.get(path_key)
    found = remembered[1] if remembered is not None and remembered[0] == key else None
    if found is None:
        found = _read(cache_dir, "declarations", key, _declarations_from)
        if found is None:
            return None
        memo.declarations[path_key] = (key, found)
    for name, state in found.texts.items():
        if text_state(seeds / name) != state:
            return None
    return found


def store_declarations(
    cache_dir: Path | None,
    path_key: str | None,
    key: tuple,
    declarations: Declarations,
    memo: Memo,
) -> None:
    """Remember a file's declarations in memory and on disk."""
    if path_key is None:
        return
    memo.declarations[path_key] = (key, declarations)
    _write(cache_dir, "declarations", key, _declarations_json(declarations), memo)


def cached_checked(cache_dir: Path | None, path_key: str, key: tuple, memo: Memo) -> Checked | None:
    """Return a file's last checked records for its content key (their deps not yet compared)."""
    remembered = memo.checked.get(path_key)
    if remembered is not None and remembered[0] == key:
        return remembered[1]
    found = _read(cache_dir, "checked", key, _checked_from)
    if found is not None:
        memo.checked[path_key] = (key, found)
    return found


def store_checked(
    cache_dir: Path | None, path_key: str | None, key: tuple, checked: Checked, memo: Memo
) -> None:
    """Remember a file's checked records in memory and on disk."""
    if path_key is None:
        return
    memo.checked[path_key] = (key, checked)
    _write(cache_dir, "checked", key, _checked_json(checked), memo, checked.tail_json())


def read_entry(cache_dir: Path | None, kind: str, key: tuple) -> Any:
    """Return the JSON data stored under a kind and key, or None (absent, corrupt, outdated)."""
    return _read(cache_dir, kind, key, lambda data: data)


def write_entry(cache_dir: Path | None, kind: str, key: tuple, data: Any, memo: Memo) -> None:
    """Store JSON data under a kind and key in the disk cache."""
    _write(cache_dir, kind, key, data, memo)


def _as_json(key: Any) -> Any:
    """Return a key as it reads back from JSON (tuples become lists)."""
    if isinstance(key, tuple | list):
        return [_as_json(part) for part in key]
    return key


def _entry_path(cache_dir: Path, kind: str, key: tuple) -> Path:
    """Return the disk file of an outcome half."""
    named = repr(key).encode("utf-8", "surrogatepass")
    return cache_dir / f"{kind}-{hashlib.blake2b(named, digest_size=16).hexdigest()}.json"


def _write(
    cache_dir: Path | None, kind: str, key: tuple, data: Any, memo: Memo, tail: str | None = None
) -> None:
    """Write an outcome half to the disk cache (with a tail of JSON read only when used)."""
    if cache_dir is None:
        return
    payload = {"version": file_cache.code_version(), "key": _as_json(key), "data": data}
    if tail is not None:
        payload["tail"] = _tail_digest(tail.encode("utf-8"))
    store.write_json(_entry_path(cache_dir, kind, key), payload, memo, tail)


def _tail_digest(tail: bytes) -> str:
    """Return the digest an entry's header keeps of its tail (checked on every read: a tail
    that was damaged or replaced makes the whole entry ignored, not trusted when first used)."""
    return hashlib.blake2b(tail, digest_size=16).hexdigest()


def _read(cache_dir: Path | None, kind: str, key: tuple, decode: Any) -> Any:
    """Return an outcome half from the disk, or None when absent, corrupt, foreign or outdated."""
    if cache_dir is None:
        return None
    try:
        raw = store.read_entry(_entry_path(cache_dir, kind, key))
        header, _, tail = raw.partition(b"\n")
        payload = json.loads(header)
        if payload["version"] != file_cache.code_version() or payload["key"] != _as_json(key):
            return None
        if kind == "checked":
            if payload["tail"] != _tail_digest(tail):
                return None
            return decode(payload["data"], tail)
        return decode(payload["data"])
    except file_cache.ENTRY_ERRORS:
        return None


def _records_json(section: str, records: Records) -> list:
    """Return (index, record) pairs as JSON data."""
    encode = CODECS[section][0]
    return [[index, encode(record)] for index, record in records]


def _records_from(section: str, data: list) -> Records:
    """Return the (index, record) pairs of _records_json's data."""
    decode = CODECS[section][1]
    return [(index, decode(record)) for index, record in data]


def _lines_json(lines: Lines) -> list:
    """Return record lines as JSON data."""
    if isinstance(lines, StoredLines):
        return lines.data
    return [[section, index, line, id_line] for (section, index), (line, id_line) in lines.items()]


def _lines_from(data: list) -> Lines:
    """Return the record lines of _lines_json's data."""
    return StoredLines(data)


def _declarations_json(d: Declarations) -> dict:
    """Return declarations as JSON data."""
    return {
        "sections": d.sections,
        "reports": _records_json("reports", d.reports),
        "areas": _records_json("areas", d.areas),
        "lines": _lines_json(d.lines),
        "problems": [problem_json(p) for p in d.problems],
        "left_out": d.left_out,
        "readable": d.readable,
        "texts": d.texts,
        "section_lines": d.section_lines,
        "declared_files": d.declared_files,
        "include": d.include,
        "include_lines": d.include_lines,
    }


def _declarations_from(data: dict) -> Declarations:
    """Return the declarations of _declarations_json's data."""
    return Declarations(
        sections=list(data["sections"]),
        reports=_records_from("reports", data["reports"]),
        areas=_records_from("areas", data["areas"]),
        lines=_lines_from(data["lines"]),
        problems=[problem_from(p) for p in data["problems"]],
        left_out=data["left_out"],
        readable=data["readable"],
        texts=data["texts"],
        section_lines=data["section_lines"],
        declared_files=data["declared_files"],
        include=data["include"],
        include_lines=data["include_lines"],
    )


def _checked_json(c: Checked) -> dict:
    """Return checked records as JSON data."""
    return {
        # the commitments, their lines and chapters follow on a line of their own (read when
        # used: Checked.tail_json)
        "ids": c.ids,
        "drafts": c.drafts,
        "quote_counts": c.quote_counts,
        "exclusions": _records_json("exclusions", c.exclusions),
        "problems": [problem_json(p) for p in c.problems],
        "left_out": c.left_out,
        "deps": [list(d) for d in c.deps],
        "key": c.key,
    }


def _checked_from(data: dict, tail: bytes) -> Checked:
    """Return the checked records of _checked_json's data (the tail read when first used)."""
    return Checked(
        None,
        exclusions=_records_from("exclusions", data["exclusions"]),
        lines=None,
        problems=[problem_from(p) for p in data["problems"]],
        left_out=data["left_out"],
        deps=[(section, ident) for section, ident in data["deps"]],
        key=data["key"],
        stored={"tail": tail, **{k: data[k] for k in ("ids", "drafts", "quote_counts")}},
    )
