"""The key of what a load reads, made from stats and digests alone: no parse, no validation.

`inputs_key(path, seeds)` names the content a load of a top targets file would read: the bytes
of the top file and of every file it includes (each digest taken from `read_file`, which reads
a file again only when its stat changed) and the name, size and modification time of every
report in the seeds folder. A dashboard calls it on every rerun, outside any lock, so it must
cost a few `stat` calls: the included files are found by reading the top file's `include:`
block alone (its few lines, once per content), never the whole file. While the top file does
not parse (or its `include:` block does not read), a load shows its last good version, so the
files that version includes are keyed too (`last_good`, a cached version: no parse either).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import yaml

from loaders.cache.file_cache import (
    FileText,
    cache_dir_for,
    known_unparsed,
    last_good,
    read_file,
    resolved_name,
    text_of,
)
from loaders.cache.memo import Memo, current_memo
from loaders.load.include import included_files
from loaders.record.yaml_source import YamlSource
from loaders.record.yaml_syntax import LOADER

#: a top-level `include:` key at the start of a line (plain or quoted)
INCLUDE_KEY = re.compile(r"""^(?:include|"include"|'include')[ \t]*:(?=[ \t\n]|$)""", re.M)
#: a line that ends a top-level block: another key, a document marker
BLOCK_END = re.compile(r"^(?:---|\.\.\.|[^\s#-])")
#: the most include entries a memo keeps (then it starts again)
MAX_REMEMBERED = 256
UNREAD = object()
UNKNOWN = object()


def inputs_key(path: str | os.PathLike, seeds_dir: str | os.PathLike | None = None) -> str:
    """Return one key for what a load of a top targets file reads: both paths, the digests of
    the top file and of the files it includes, and the seeds' stats."""
    memo = current_memo()
    path = Path(path)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    cache_dir = cache_dir_for(path)
    top = read_file(path, str(path), cache_dir, memo)
    files = [
        (str(p), _digest(read_file(p, str(p), cache_dir, memo)))
        for p in included(path, top, cache_dir, memo)
    ]
    named = repr(
        (
            resolved_name(path),
            resolved_name(seeds),
            _digest(top),
            files,
            seeds_signature(seeds),
        )
    )
    return hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def included(path: Path, top: FileText, cache_dir: Path | None, memo: Memo) -> list[Path]:
    """Return the files a load of the top file may read besides it: those its `include:` block
    names and, while it does not parse, those its last good version names."""
    if top.digest is None:
        return []
    entries = _entries(top, memo)
    sources = [] if entries is UNREAD else [entries]
    if entries is UNREAD or known_unparsed(top, memo):
        good = last_good(path, str(path), cache_dir, memo)
        if good is not None and good.source is not None and isinstance(good.source.data, dict):
            sources.append(good.source.data.get("include"))
    found: dict[str, Path] = {}
    for listed in sources:
        paths, _ = included_files(YamlSource({"include": listed}), path, str(path))
        for p in paths:
            found.setdefault(str(p), p)
    return list(found.values())


def _entries(top: FileText, memo: Memo) -> object:
    """Return the include entries of a top file's content (UNREAD when its block does not read),
    read once per content (`memo.include_entries`)."""
    assert top.digest is not None
    remembered = memo.include_entries
    entries = remembered.get(top.digest, UNKNOWN)
    if entries is UNKNOWN:
        text = text_of(top, memo).text
        if len(remembered) >= MAX_REMEMBERED:
            remembered.clear()
        entries = remembered[top.digest] = UNREAD if text is None else include_entries(text)
    return entries


def include_entries(text: str) -> object:
    """Return the value of a top file's `include:` key read from its block alone (None when
    there is none), or UNREAD when that block is not YAML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    match = INCLUDE_KEY.search(text)
    if match is None:
        return None
    lines = text[match.start() :].split("\n")
    block = [lines[0]]
    for line in lines[1:]:
        if BLOCK_END.match(line):
            break
        block.append(line)
    try:
        data = yaml.load("\n".join(block), Loader=LOADER)
    except yaml.YAMLError:
        return UNREAD
    return data.get("include") if isinstance(data, dict) else UNREAD


def seeds_signature(seeds_dir: Path) -> tuple:
    """Return the name, size, modification and change times and inode of every file in the
    seeds folder (a text rewritten to its old size with its old time put back still changes)."""
    try:
        with os.scandir(seeds_dir) as entries:
            found = []
            for entry in entries:
                if entry.is_file():
                    info = entry.stat()
                    found.append(
                        (entry.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                    )
    except OSError:
        return ()
    return tuple(sorted(found))


def _digest(read: FileText) -> str:
    """Return a file's digest, or a marker naming why it cannot be read."""
    if read.digest is not None:
        return read.digest
    return "unreadable:" + "; ".join(p.message for p in read.problems)
