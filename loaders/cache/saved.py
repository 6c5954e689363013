"""Entries a front end keeps beside a targets file's cache between its runs (the dashboard
keeps the rows it last built): bytes the caller makes and names, sealed and written like every
entry of the store, under the cache folder of the top file (none when the cache is off)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from loaders.cache import store
from loaders.cache.file_cache import cache_dir_for
from loaders.cache.memo import current_memo

#: how a saved entry's file name ends (the store prunes these like the others)
SUFFIX = ".saved"
#: the largest saved entry read: the dashboard's rows of 510,000 commitments take about 400 MB
MAX_SAVED_BYTES = 1024 * 1024 * 1024


def keeps_saved(top_file: str | os.PathLike) -> bool:
    """Return True when entries can be saved for a top file (its cache is not turned off)."""
    return cache_dir_for(Path(top_file)) is not None


def saved_path(top_file: str | os.PathLike, name: str) -> Path | None:
    """Return where a named entry of a top file is saved (None when the cache is off); the name
    is hashed with the file's resolved path, so another file's entry is never read (the folder
    is the code version's own: `cache_dir_for`)."""
    folder = cache_dir_for(Path(top_file))
    if folder is None:
        return None
    named = f"{os.path.realpath(top_file)}\0{name}"
    digest = hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return folder / f"saved-{digest}{SUFFIX}"


def read_saved(top_file: str | os.PathLike, name: str) -> bytes | None:
    """Return the bytes last saved under a name for a top file, or None (never saved, the cache
    off, or an entry that is not one: not sealed by this user's key, too large, unreadable)."""
    path = saved_path(top_file, name)
    if path is None:
        return None
    try:
        return store.read_entry(path, MAX_SAVED_BYTES)
    except (OSError, store.BadEntry):
        return None


def write_saved(top_file: str | os.PathLike, name: str, body: bytes) -> None:
    """Save bytes under a name for a top file (nothing when the cache is off or unwritable)."""
    path = saved_path(top_file, name)
    if path is not None:
        store.write_entry(path, body, current_memo())
