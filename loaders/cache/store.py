"""The disk cache's files: one writer, one reader, one envelope, and the folder's upkeep.

Threat model. The cache (`.targets-cache/`, or TARGETS_CACHE_DIR) only saves work: what it
holds must never change what a command or the dashboard shows. So:

- Every entry is sealed with a keyed digest (BLAKE2b, 16 bytes) by a key of this user
  (`signing_key`: a random file under ~/.local/state/targets-tracker/, mode 0600, outside any
  project). An entry edited by hand, copied from another machine or restored from a shared CI
  cache fails the seal and is read as absent, then rebuilt from the files. Whoever can write
  that key file can already write targets.yaml: the key guards against the folder, not the user.
- An entry is read only if it is a regular file (not a pipe, a device or a link) of at most
  MAX_ENTRY_BYTES; any fault in it (a bad seal, bad JSON, nesting that would overflow) reads as
  absent. Entries are written to a temporary file and moved into place, readable by the group
  and others as the umask allows (a dashboard running as another user can share the folder's
  entries only if it shares the key, which it then must be given).
- Entries are written into a folder of the cache named by the code version (`cache_dir_for`,
  `code_version`: the cached packages' source, the PyYAML, libyaml and Python versions), so a
  process of one version never reads another's entries, and two versions sharing the cache
  (an old server, a new command) keep theirs side by side.
- Entries unused for PRUNE_AFTER_DAYS are deleted when a process saves its stat index (at most
  once per folder per process), and so is another version's folder untouched that long (a
  read that touches an entry touches its folder too); the cache folder carries a `.gitignore`
  and a `CACHEDIR.TAG`, so neither git nor a backup tool takes it.

What an entry is keyed by (a file's content digest; a report text's size, modification and
change times and inode, never trusted within RACY_NS of its last change) is the business of
the modules that use it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.cache.memo import Memo

#: the largest cache entry read (a bigger one is junk, read as absent)
MAX_ENTRY_BYTES = 256 * 1024 * 1024
#: entries not read or written for this long are deleted
PRUNE_AFTER_DAYS = 30
#: an entry read this long after it was last touched is touched again (its mtime is its last use)
TOUCH_AFTER_S = 24 * 3600
SEAL_BYTES = 16
#: how the names of the files that are entries end (others in the folder are never pruned)
ENTRY_SUFFIXES = (".json", ".saved")
GITIGNORE = "# Made by the targets tracker: its cache, safe to delete.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# The targets tracker's cache (https://bford.info/cachedir/): safe to delete.\n"
)
#: where the user's signing key lives (TARGETS_CACHE_KEY names another file)
KEY_FOLDER = Path("~/.local/state/targets-tracker")
#: the name of a version folder (`file_cache.code_version()`): only such folders are pruned
VERSION_NAME = re.compile(r"[0-9a-f]{24}")


class BadEntry(ValueError):
    """A cache entry that is not one: not a regular file, too large, or its seal is wrong."""


@functools.cache
def signing_key() -> bytes:
    """Return this user's cache key, made once (a random one for this process when no key file
    can be kept: its entries are then not read by other processes)."""
    configured = os.environ.get("TARGETS_CACHE_KEY")
    state = os.environ.get("XDG_STATE_HOME")
    folder = Path(state) / "targets-tracker" if state else KEY_FOLDER.expanduser()
    path = Path(configured) if configured else folder / "cache-key"
    try:
        return _read_key(path)
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".key-", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(secrets.token_bytes(32))
        try:
            os.link(temporary, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
        return _read_key(path)
    except OSError:
        return secrets.token_bytes(32)


def _read_key(path: Path) -> bytes:
    """Return a key file's bytes; OSError when it is missing or not a key."""
    data = path.read_bytes()
    if len(data) < 16:
        raise OSError(f"not a key: {path}")
    return data


def _seal(body: bytes) -> bytes:
    """Return the keyed digest of an entry's body, as hex."""
    digest = hashlib.blake2b(body, key=signing_key()[:64], digest_size=SEAL_BYTES)
    return digest.hexdigest().encode("ascii")


def read_entry(path: Path, limit: int = MAX_ENTRY_BYTES) -> bytes:
    """Return an entry's body (what write_entry was given); OSError when absent, BadEntry when
    it is not a regular file of at most `limit` bytes or its seal does not match."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise BadEntry(f"not a cache entry: {path}")
        raw = file.read(limit + 1)
    seal, _, body = raw.partition(b"\n")
    if not hmac.compare_digest(seal, _seal(body)):
        raise BadEntry(f"a cache entry not sealed by this user's key: {path}")
    if time.time() - info.st_mtime > TOUCH_AFTER_S:
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: not pruned
            os.utime(path.parent)  # nor is its version's folder
    return body


def write_entry(path: Path, body: bytes, memo: Memo) -> None:
    """Seal an entry's body and move it into place (a reader never sees half of it); a cache
    that cannot be written is skipped."""
    try:
        prepare_folder(path.parent, memo)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_seal(body) + b"\n" + body)
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return


def write_json(path: Path, payload: object, memo: Memo, tail: str | None = None) -> None:
    """Write a JSON payload as an entry, with a tail (more JSON, read only when needed) on a
    line of its own after it (JSON escapes every line break inside the payload)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if tail is not None:
        body += b"\n" + tail.encode("utf-8")
    write_entry(path, body, memo)


@functools.cache
def _umask() -> int:
    """Return the process's umask (read once: setting it is the only way to read it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def prepare_folder(folder: Path, memo: Memo) -> None:
    """Make a version folder of the cache, and the cache folder above it with its .gitignore
    and CACHEDIR.TAG (once per memo)."""
    if str(folder) in memo.prepared:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        marker = folder.parent / name
        if not marker.exists():
            with contextlib.suppress(OSError):
                marker.write_text(text, encoding="utf-8")
    memo.prepared.add(str(folder))


def prune(folder: Path, memo: Memo, now: float | None = None) -> int:
    """Delete what of a cache was unused for PRUNE_AFTER_DAYS (once per version folder per
    memo): the entries of this version's folder, every other version's folder untouched that
    long (its entries, then the folder), and the entries the cache folder held before it had
    version folders. Return how many entries were deleted."""
    if str(folder) in memo.pruned and now is None:
        return 0
    memo.pruned.add(str(folder))
    limit = (now if now is not None else time.time()) - PRUNE_AFTER_DAYS * 24 * 3600
    deleted = _prune_entries(folder, limit) + _prune_entries(folder.parent, limit)
    try:
        with os.scandir(folder.parent) as found:
            old = [
                entry.path
                for entry in found
                if entry.name != folder.name
                and VERSION_NAME.fullmatch(entry.name)
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < limit
            ]
    except OSError:
        return deleted
    for path in old:
        deleted += _prune_entries(Path(path), None)
        with contextlib.suppress(OSError):
            os.rmdir(path)  # kept if anything but entries is left in it
    return deleted


def _prune_entries(folder: Path, limit: float | None) -> int:
    """Delete a folder's entries (ENTRY_SUFFIXES) last used before `limit` (every one, links and
    junk included, when limit is None); return how many were deleted."""
    deleted = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.endswith(ENTRY_SUFFIXES):
                    continue
                try:
                    if limit is None:
                        stale = not entry.is_dir(follow_symlinks=False)
                    else:
                        stale = entry.is_file(follow_symlinks=False)
                        stale = stale and entry.stat().st_mtime < limit
                    if stale:
                        os.unlink(entry.path)
                        deleted += 1
                except OSError:
                    continue
    except OSError:
        return deleted
    return deleted
