"""Each targets file read once per content: in memory for the process, on disk across processes.

`parse_file(path, name)` returns the file's YAML with its lines (`ParsedFile`), re-parsing it
only when its bytes changed. Parsing is most of the cost of a load (libyaml composes every
node), so a dashboard re-reading a set of files after a save parses only the saved one, and a
second `targets check` or a restarted dashboard reads the others from `.targets-cache/`.

The disk cache (next to the top targets file, git-ignored, safe to delete) holds one JSON file
per content digest: the data, the line of every value and the reader's problems. It is
versioned by a hash of the loaders' own source, so a changed reader never trusts an old entry;
an entry that is corrupt, foreign or of another version is ignored and rewritten. Entries are
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
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.problems import Problem
from loaders.yaml_source import YamlSource, read_text_file, read_yaml_text

#: the folder of the disk cache, next to the top targets file; TARGETS_CACHE_DIR names another,
#: and TARGETS_CACHE_DIR=off keeps the cache in memory only
CACHE_DIR_NAME = ".targets-cache"
CACHE_FORMAT = 1
_DATE, _DATETIME = "\x00date", "\x00datetime"
LOADERS_DIR = Path(__file__).resolve().parent


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


@functools.cache
def code_version() -> str:
    """Return a hash of the loaders' source files: a cache entry of another version is ignored."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"format {CACHE_FORMAT}".encode())
    for source in sorted(LOADERS_DIR.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def cache_dir_for(top_file: Path) -> Path | None:
    """Return the disk cache folder for a top targets file, or None when it is turned off."""
    configured = os.environ.get("TARGETS_CACHE_DIR")
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    return top_file.parent / CACHE_DIR_NAME


#: the last parse of each file by resolved path: (digest, ParsedFile); one entry per file
_MEMORY: dict[str, tuple[str, ParsedFile]] = {}
#: the last version of each file (by resolved path) that parsed
_LAST_GOOD: dict[str, ParsedFile] = {}


def parse_file(path: Path, name: str, cache_dir: Path | None = None) -> ParsedFile:
    """Return the file's YAML with its lines, parsed only when its content is new to the cache."""
    key = str(path.resolve())
    try:
        saved_at = path.stat().st_mtime
    except OSError:
        saved_at = None
    text, problems = read_text_file(path, name)
    if text is None:
        return ParsedFile(name, None, None, problems, saved_at, unreadable=True, key=key)
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    remembered = _MEMORY.get(key)
    parsed: ParsedFile | None
    if remembered is not None and remembered[0] == digest and remembered[1].name == name:
        parsed = remembered[1]
    else:
        parsed = _read_entry(cache_dir, digest, name)
        if parsed is None:
            source, problems = read_yaml_text(text, name)
            parsed = ParsedFile(name, digest, source, problems)
            _write_entry(cache_dir, parsed)
        parsed.key = key
        _MEMORY[key] = (digest, parsed)
    parsed.saved_at = saved_at
    if parsed.source is not None and _LAST_GOOD.get(key) is not parsed:
        _LAST_GOOD[key] = parsed
        _write_last_good(cache_dir, parsed)
    return parsed


def last_good(path: Path, name: str, cache_dir: Path | None = None) -> ParsedFile | None:
    """Return the last version of a file that parsed: this process's, else the disk cache's."""
    key = str(path.resolve())
    if key in _LAST_GOOD:
        return _LAST_GOOD[key]
    if cache_dir is None:
        return None
    try:
        pointer = json.loads(_last_good_path(cache_dir, key).read_text(encoding="utf-8"))
        if pointer.get("version") != code_version() or pointer.get("path") != key:
            return None
        parsed = _read_entry(cache_dir, str(pointer["digest"]), name)
        if parsed is None or parsed.source is None:
            return None
        parsed.saved_at = float(pointer["saved_at"]) if pointer.get("saved_at") else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    parsed.key = key
    _LAST_GOOD[key] = parsed
    return parsed


def forget_memory() -> None:
    """Drop what this process remembers (as a restart would); the disk cache stays."""
    _MEMORY.clear()
    _LAST_GOOD.clear()


# -- the disk entries -------------------------------------------------------------------------


def _entry_path(cache_dir: Path, digest: str) -> Path:
    """Return the cache file of a content digest."""
    return cache_dir / f"parsed-{digest}.json"


def _last_good_path(cache_dir: Path, key: str) -> Path:
    """Return the file naming the last good version of a file (by its resolved path)."""
    hashed = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return cache_dir / f"last-good-{hashed}.json"


def _write_atomically(path: Path, payload: dict) -> None:
    """Write JSON to a temporary file in the same folder, then move it into place; a cache that
    cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _write_entry(cache_dir: Path | None, parsed: ParsedFile) -> None:
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
    _write_atomically(_entry_path(cache_dir, parsed.digest), payload)


def _write_last_good(cache_dir: Path | None, parsed: ParsedFile) -> None:
    """Name a file's last version that parsed, and when it was saved."""
    if cache_dir is None or parsed.key is None:
        return
    pointer = {
        "version": code_version(),
        "path": parsed.key,
        "digest": parsed.digest,
        "saved_at": parsed.saved_at,
    }
    _write_atomically(_last_good_path(cache_dir, parsed.key), pointer)


def _read_entry(cache_dir: Path | None, digest: str, name: str) -> ParsedFile | None:
    """Return the cached parse of a digest, or None when absent, corrupt, foreign or outdated."""
    if cache_dir is None:
        return None
    try:
        payload = json.loads(_entry_path(cache_dir, digest).read_text(encoding="utf-8"))
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
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
