"""What a file's checked records depend on outside the file, and the key of its state.

The validator notes each record another record names (`deps`: a report, an area, every id of a
section where one was unknown) and `dependency_key` sums up their state now: each record as
written (its line aside), valid, left out or unknown, and the size and modification time of a
named report's text. A file's checked records are reused while that key is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from loaders.cache.file_cache import RACY_NS, resolved_name
from loaders.cache.memo import Memo
from loaders.model import Report


def text_state(path: Path | str) -> list[int] | None:
    """Return a report text's [size, mtime_ns, ctime_ns, inode] (an edit that puts the old
    size and modification time back still changes the change time), or None when it is not a
    file. A text changed within RACY_NS gets a state that no later read repeats (the time of
    this read is added), so nothing checked against it is trusted until it has settled."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name holding NUL
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    state = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    now = time.time_ns()
    if now - info.st_mtime_ns < RACY_NS:
        state.append(now)
    return state


def dependency_key(
    deps: list[tuple[str, str]],
    known: dict[str, dict[str, Any]],
    left_out: dict[str, dict[str, int | None]],
    seeds: Path,
    readable: dict[str, bool],
    memo: Memo,
    states: dict[tuple[str, str], bytes] | None = None,
) -> str:
    """Return a key of the state of what a file's records referred to: each record named (as
    valid, left out or unknown), every id of a section where one was unknown (the problem
    suggests the closest), and the texts of the reports named. `states` keeps each record's
    state for the other files of the same load; `memo` each record's text across loads."""
    folder = resolved_name(seeds)  # however the folder was named, the same key
    states = {} if states is None else states
    digest = hashlib.blake2b(folder.encode("utf-8", "surrogatepass"), digest_size=16)
    for dep in deps:
        found = states.get(dep)
        if found is None:
            state = repr(_state_of(dep, known, left_out, folder, readable, memo))
            found = states[dep] = hashlib.blake2b(
                state.encode("utf-8", "surrogatepass"), digest_size=16
            ).digest()
        digest.update(found)
    return digest.hexdigest()


def _state_of(
    dep: tuple[str, str],
    known: dict[str, dict[str, Any]],
    left_out: dict[str, dict[str, int | None]],
    folder: str,
    readable: dict[str, bool],
    memo: Memo,
) -> Any:
    """Return the state of one thing a file's records referred to."""
    section, ident = dep
    if section == "all":
        return ("all", ident, sorted(known.get(ident, {})))
    record = known.get(section, {}).get(ident)
    if record is not None:
        entry: Any = record_text(record, memo)
        if isinstance(record, Report) and record.file is not None:
            path = os.path.join(folder, record.file)
            entry = (entry, text_state(path), readable.get(ident, False))
        return (section, ident, entry)
    if ident in left_out.get(section, {}):
        return (section, ident, "left out", left_out[section][ident])
    return (section, ident, "unknown")


#: the most record texts a memo keeps (then it starts again)
MAX_RECORD_TEXTS = 200_000


def record_text(record: Any, memo: Memo) -> str:
    """Return a record written out without its line (what its state is compared by),
    remembered by the record's identity (the record kept, so its id is not reused): the records
    of unchanged files are the same objects load after load."""
    texts = memo.record_texts
    found = texts.get(id(record))
    if found is not None and found[0] is record:
        return found[1]
    if len(texts) >= MAX_RECORD_TEXTS:
        texts.clear()
    text = repr(replace(record, line=None))
    texts[id(record)] = (record, text)
    return text
