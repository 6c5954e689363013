"""Each targets file read once per content: in memory for the process, on disk across processes.

This module is longer than most because a file's three caches (its stat and digest, its parse,
its last good version) share their keys, their folder and its format (versioned, atomic JSON),
so they are kept together.

`parse_file(path, name)` returns the file's YAML with its lines (`ParsedFile`), re-parsing it
only when its bytes changed. Parsing is most of the cost of a load (libyaml composes every
node), so a dashboard re-reading a set of files after a save parses only the saved one, and a
second `targets check` or a restarted dashboard reads the others from `.targets-cache/`.

The disk cache (next to the top targets file, git-ignored, safe to delete) holds one JSON file
per content digest: the data, the line of every value and the reader's problems. Its entries
sit in a folder named by the code version (`code_version`: a hash of the loaders' own source,
the parser's and Python's versions), so a changed reader never reads an old entry; an entry
that is corrupt, foreign or of another version is ignored and rewritten. Entries are
written to a temporary file and moved into place (`os.replace`), so a reader never sees half
of one. JSON, never pickle: reading a cache file cannot run code.

The cache also remembers, per file name, the last version that parsed (`last_good`), so the
dashboard can keep showing it while a save holds a YAML syntax error.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from loaders.cache import store
from loaders.cache.memo import Memo, current_memo
from loaders.problems import Problem
from loaders.record.yaml_source import YamlSource, read_text_file, read_yaml_text

#: the folder of the disk cache, next to the top targets file; TARGETS_CACHE_DIR names another,
#: and TARGETS_CACHE_DIR=off keeps the cache in memory only. Entries go into a sub-folder
#: named by the code version (`cache_dir_for`)
CACHE_DIR_NAME = ".targets-cache"
CACHE_FORMAT = 1
_DATE, _DATETIME = "\x00date", "\x00datetime"
LOADERS_DIR = Path(__file__).resolve().parent.parent
#: the sub-packages whose code makes nothing that is cached (commands, drafting, importing): a
#: change there keeps the cache
UNCACHED_PACKAGES = ("cli", "drafting", "importing")


@dataclass
class ParsedFile:
    """A targets file read: its text's digest, its YAML (None when unreadable or not YAML), the
    problems that stopped or marked reading, and when this version was saved (its mtime)."""

    name: str
    digest: str | None
    source: YamlSource | None
    problems: list[Problem]
    saved_at: float | None = None
    unreadable: bool = False
    #: the file's resolved path: what the caches remember it by (None for text not in a file)
    key: str | None = None
    #: set on the last good version shown in place of a file that no longer parses
    replaces: list[Problem] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    """Return a folder's path with every symbolic link followed (remembered per folder)."""
    return os.path.realpath(folder)


def resolved(path: Path | str) -> Path:
    """Return a file's absolute path with symbolic links followed, as Path.resolve() does, but
    resolved once per process and path: a load of 1,000 files asks for each several times."""
    return Path(resolved_name(path))


def resolved_name(path: Path | str) -> str:
    """Return resolved(path) as a string (what the caches are keyed by)."""
    return _resolved(os.path.abspath(path))


@functools.lru_cache(maxsize=65536)
def _resolved(absolute: str) -> str:
    """Return an absolute path with symbolic links followed (its folder resolved once)."""
    if os.path.islink(absolute):
        return os.path.realpath(absolute)
    folder, name = os.path.split(absolute)
    return os.path.join(_real_folder(folder), name)


@functools.cache
def code_version() -> str:
    """Return a hash of the cached packages' source files (every sub-package but the commands
    and drafting), the PyYAML and libyaml versions and the Python version: a cache entry of
    another version is ignored (its entries sit in another folder, `cache_dir_for`). The
    digest's 24 hex digits name the version's folder (`store.VERSION_NAME`)."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"format {CACHE_FORMAT}".encode())
    digest.update(f"python {sys.version_info[:3]}".encode())
    digest.update(f"pyyaml {yaml.__version__} libyaml {yaml.__with_libyaml__}".encode())
    for source in sorted(LOADERS_DIR.rglob("*.py")):
        relative = source.relative_to(LOADERS_DIR)
        if relative.parts[0] in UNCACHED_PACKAGES:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def cache_dir_for(top_file: Path) -> Path | None:
    """Return the folder of this code version's entries in the disk cache of a top targets
    file (`.targets-cache/<code_version()>/` beside it, or in TARGETS_CACHE_DIR), or None when
    the disk cache is turned off."""
    configured = os.environ.get("TARGETS_CACHE_DIR")
    if configured:
        return None if configured.lower() == "off" else Path(configured) / code_version()
    return top_file.parent / CACHE_DIR_NAME / code_version()


@dataclass
class FileText:
    """A targets file's text as read, with its digest (None when unreadable), the reading
    problems, its resolved path and when it was saved."""

    name: str
    key: str
    text: str | None
    digest: str | None
    problems: list[Problem]
    saved_at: float | None
    #: True when the digest comes from the stat index and the text was not read
    unread: bool = False


#: a file modified this recently (ns) before it was read may change again within the same
#: clock tick without its stat changing, so its stat is not trusted (git's "racy" rule)
RACY_NS = 2_000_000_000


def read_file(
    path: Path, name: str, cache_dir: Path | None = None, memo: Memo | None = None
) -> FileText:
    """Return a targets file's text and digest: what every cache of it is keyed by.

    A file whose size, modification time, inode and change time are those it had when this
    process last read it is not read again (as git's index does), unless it was modified
    just before that read. With a cache folder, the stats and digests of the last process
    are trusted the same way (`stat_index`): the text is then read only if it must be parsed
    (`text` is None, `unread` True). What this process read is kept in `memo` (the current
    memo when none is given).
    """
    memo = current_memo() if memo is None else memo
    key = resolved_name(path)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None:
        stat_key = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        known = memo.read.get(key)
        if known is not None and known[0] == stat_key:
            return known[1] if known[1].name == name else replace(known[1], name=name)
        indexed = stat_index(cache_dir, memo).get(key)
        if indexed is not None and tuple(indexed[0]) == stat_key:
            return FileText(name, key, None, indexed[1], [], info.st_mtime, unread=True)
    read_at = time.time_ns()
    text, problems = read_text_file(path, name)
    digest = None
    if text is not None:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    saved_at = info.st_mtime if info is not None else None
    read = FileText(name, key, text, digest, problems, saved_at)
    if info is not None and digest is not None and read_at - info.st_mtime_ns > RACY_NS:
        memo.read[key] = (stat_key, read)
        memo.stat_new[key] = [list(stat_key), digest]
    else:
        memo.read.pop(key, None)
    return read


def text_of(read: FileText, memo: Memo) -> FileText:
    """Return a file's text as read now, when its read was taken from the stat index."""
    if not read.unread:
        return read
    memo.read.pop(read.key, None)
    return read_file(Path(read.key), read.name, memo=memo)


#: what reading a junk cache entry may raise (read as absent): deep nesting, huge numbers
ENTRY_ERRORS = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, MemoryError)  # fmt: skip


def stat_index(cache_dir: Path | None, memo: Memo) -> dict[str, list]:
    """Return the stats and digests of the files a process read last, by resolved path (read
    from the cache folder once per process; empty when absent, corrupt or of another version)."""
    if cache_dir is None:
        return {}
    folder = str(cache_dir)
    index = memo.stat_index.get(folder)
    if index is None:
        try:
            payload = json.loads(store.read_entry(cache_dir / "stat-index.json"))
            valid = payload["version"] == code_version() and isinstance(payload["files"], dict)
            index = payload["files"] if valid else {}
        except ENTRY_ERRORS:
            index = {}
        memo.stat_index[folder] = index
    return index


def save_stat_index(cache_dir: Path | None, memo: Memo) -> None:
    """Save the stats and digests of the files read (only those modified over RACY_NS before
    they were read), for the next process; nothing when nothing new was read."""
    if cache_dir is None or not memo.stat_new:
        return
    files = {**stat_index(cache_dir, memo), **memo.stat_new}
    memo.stat_index[str(cache_dir)] = files
    memo.stat_new.clear()
    payload = {"version": code_version(), "files": files}
    store.write_json(cache_dir / "stat-index.json", payload, memo)
    store.prune(cache_dir, memo)


def parse_file(
    path: Path, name: str, cache_dir: Path | None = None, memo: Memo | None = None
) -> ParsedFile:
    """Return the file's YAML with its lines, parsed only when its content is new to the cache."""
    memo = current_memo() if memo is None else memo
    return parse_text(read_file(path, name, memo=memo), cache_dir, memo)


def parse_text(read: FileText, cache_dir: Path | None, memo: Memo) -> ParsedFile:
    """Return a file's YAML with its lines from its text, parsed only when new to the cache."""
    read = text_of(read, memo)
    key, name, digest = read.key, read.name, read.digest
    if read.text is None or digest is None:
        return ParsedFile(name, None, None, read.problems, read.saved_at, unreadable=True, key=key)
    remembered = memo.parsed.get(key)
    parsed: ParsedFile | None
    if remembered is not None and remembered[0] == digest and remembered[1].name == name:
        parsed = remembered[1]
    else:
        parsed = _read_entry(cache_dir, digest, name)
        if parsed is None:
            source, problems = read_yaml_text(read.text, name)
            parsed = ParsedFile(name, digest, source, problems)
            _write_entry(cache_dir, parsed, memo)
        parsed.key = key
        memo.parsed[key] = (digest, parsed)
    parsed.saved_at = read.saved_at
    if parsed.source is not None:
        remember_good(cache_dir, parsed, memo)
    return parsed


def remember_good(cache_dir: Path | None, parsed: ParsedFile, memo: Memo) -> None:
    """Remember a version of a file that parsed as its last good one (on disk only when the
    disk does not say so already)."""
    key = parsed.key
    if key is None or memo.last_good.get(key) is parsed:
        return
    known = memo.last_good.get(key)
    memo.last_good[key] = parsed
    if known is not None and known.digest == parsed.digest:
        return
    if cache_dir is not None and parsed.digest is not None:
        _write_pointer(cache_dir, key, parsed.digest, parsed.saved_at, memo)


def remember_good_digest(cache_dir: Path | None, read: FileText, memo: Memo) -> None:
    """Name a version known to parse (its outcome was cached) as the file's last good one,
    without parsing it: the pointer on disk is written only when it names another version."""
    if cache_dir is None or read.digest is None:
        return
    known = memo.last_good.get(read.key)
    if known is not None and known.digest == read.digest:
        return
    if memo.pointed.get((str(cache_dir), read.key)) == read.digest:
        return  # this process read or wrote that pointer already
    memo.last_good.pop(read.key, None)  # another version: read from the disk when needed
    _write_pointer(cache_dir, read.key, read.digest, read.saved_at, memo)


def _read_pointer(cache_dir: Path, key: str, memo: Memo) -> dict | None:
    """Return the disk's last-good pointer of a file (digest, saved_at), or None when absent,
    corrupt, of another version or of another path."""
    try:
        pointer = json.loads(store.read_entry(_last_good_path(cache_dir, key)))
        if pointer.get("version") != code_version() or pointer.get("path") != key:
            return None
        digest = str(pointer["digest"])
    except ENTRY_ERRORS:
        return None
    memo.pointed[(str(cache_dir), key)] = digest
    return {"digest": digest, "saved_at": pointer.get("saved_at")}


def _write_pointer(
    cache_dir: Path, key: str, digest: str, saved_at: float | None, memo: Memo
) -> None:
    """Name a version of a file as its last good one on disk, unless the pointer does already."""
    pointer = _read_pointer(cache_dir, key, memo)
    if pointer is not None and pointer["digest"] == digest:
        return
    payload = {"version": code_version(), "path": key, "digest": digest, "saved_at": saved_at}
    store.write_json(_last_good_path(cache_dir, key), payload, memo)
    memo.pointed[(str(cache_dir), key)] = digest


def last_good(
    path: Path, name: str, cache_dir: Path | None = None, memo: Memo | None = None
) -> ParsedFile | None:
    """Return the last version of a file that parsed: this process's, else the disk cache's."""
    memo = current_memo() if memo is None else memo
    key = resolved_name(path)
    known = memo.last_good.get(key)
    if known is not None:
        return known
    if cache_dir is None:
        return None
    pointer = _read_pointer(cache_dir, key, memo)
    if pointer is None:
        return None
    parsed = _read_entry(cache_dir, pointer["digest"], name)
    if parsed is None or parsed.source is None:
        return None
    try:
        parsed.saved_at = float(pointer["saved_at"]) if pointer["saved_at"] else None
    except (TypeError, ValueError):
        parsed.saved_at = None
    parsed.key = key
    memo.last_good[key] = parsed
    return parsed


def known_unparsed(read: FileText, memo: Memo) -> bool:
    """Return True when this process parsed this version of the file and it was not YAML."""
    remembered = memo.parsed.get(read.key)
    return remembered is not None and remembered[0] == read.digest and remembered[1].source is None


# -- the disk entries -------------------------------------------------------------------------


def _entry_path(cache_dir: Path, digest: str) -> Path:
    """Return the cache file of a content digest."""
    return cache_dir / f"parsed-{digest}.json"


def _last_good_path(cache_dir: Path, key: str) -> Path:
    """Return the file naming the last good version of a file (by its resolved path)."""
    hashed = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return cache_dir / f"last-good-{hashed}.json"


def _write_entry(cache_dir: Path | None, parsed: ParsedFile, memo: Memo) -> None:
    """Write a parse result to the disk cache under its digest."""
    if cache_dir is None or parsed.digest is None:
        return
    source = parsed.source
    payload: dict[str, Any] = {
        "version": code_version(),
        "digest": parsed.digest,
        "problems": [_problem_json(p) for p in parsed.problems],
        "source": None,
    }
    if source is not None:
        payload["source"] = {
            "data": _encode(source.data),
            "lines": [[list(path), line] for path, line in source.lines.items()],
            "value_problems": [[list(path), _problem_json(p)] for path, p in source.value_problems],
            "dropped": [list(path) for path in source.dropped],
        }
    store.write_json(_entry_path(cache_dir, parsed.digest), payload, memo)


def _read_entry(cache_dir: Path | None, digest: str, name: str) -> ParsedFile | None:
    """Return the cached parse of a digest, or None when absent, corrupt, foreign or outdated."""
    if cache_dir is None:
        return None
    try:
        payload = json.loads(store.read_entry(_entry_path(cache_dir, digest)))
        if payload["version"] != code_version() or payload["digest"] != digest:
            return None
        problems = [_problem_from(p, name) for p in payload["problems"]]
        raw = payload["source"]
        source = None
        if raw is not None:
            source = YamlSource(
                _decode(raw["data"]),
                {tuple(path): line for path, line in raw["lines"]},
                [(tuple(path), _problem_from(p, name)) for path, p in raw["value_problems"]],
                {tuple(path) for path in raw["dropped"]},
            )
    except ENTRY_ERRORS:
        return None
    if source is not None:  # the same objects, as read_yaml_text returns them
        problems = [problem for _, problem in source.value_problems]
    return ParsedFile(name, digest, source, problems)


def _problem_json(problem: Problem) -> dict:
    """Return a reader's problem as plain data (its file name is given again when read)."""
    return {
        "line": problem.line,
        "record": problem.record,
        "field": problem.field,
        "message": problem.message,
        "code": problem.code,
        "severity": problem.severity,
    }


def _problem_from(data: dict, name: str) -> Problem:
    """Return a problem read from the cache, in the file of that name."""
    return Problem(
        name,
        data["line"],
        data["record"],
        data["field"],
        data["message"],
        code=data["code"],
        severity=data["severity"],
    )


def _encode(value: Any) -> Any:
    """Return YAML data as JSON data: dates and times become tagged mappings."""
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    """Return JSON data as the YAML data it was encoded from."""
    if isinstance(value, dict):
        if len(value) == 1:
            if _DATE in value:
                return dt.date.fromisoformat(value[_DATE])
            if _DATETIME in value:
                return dt.datetime.fromisoformat(value[_DATETIME])
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value
