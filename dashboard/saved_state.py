"""What the dashboard keeps on disk between runs of the server, per targets file: its last view
of a day (the key of the inputs it was loaded from, the load's summary and the rows it built)
each report's coverage and the charts it drew. A restarted dashboard whose inputs still have that key shows the
view without loading anything (the commitments are loaded when a page first asks for them);
when they changed, it loads and takes the rows of every file unchanged since from the view (a
file's rows are reused only under its group's key, which names its content and what it refers
to). The Coverage page classifies again only the reports whose text or quotes changed.

What is kept is pickled (a frame of any column type, read in milliseconds) into an entry of the
loaders' disk cache, which seals every entry with this user's key and reads an entry whose seal
does not match as absent (see loaders/cache/store.py): a pickle is loaded only if this user's
dashboard wrote it. Saving runs in a background thread, the newest value of each name winning,
so a view never waits for the disk.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from loaders import LoadSummary, keeps_saved, read_saved, write_saved

#: bump when what is pickled changes shape
SAVED_FORMAT = 4
DASHBOARD_DIR = Path(__file__).resolve().parent
#: libraries whose objects the pickle holds
PICKLED_LIBRARIES = ("pandas", "numpy", "pyarrow", "plotly")


@dataclass(frozen=True)
class GroupRows:
    """The per-commitment columns of a load's valid commitments (`group_columns`), with the
    rows [start, end) of each file's group by its key, and how many groups were made now (not
    taken from earlier rows)."""

    frame: pd.DataFrame
    rows: dict[str, tuple[int, int]]
    made: int = 0


@functools.cache
def rows_version() -> str:
    """Return a digest of what makes and reads the rows: the dashboard's source files, the
    pickled libraries' versions, Python's and the rows' format (the loaders' code version is
    in the entry's name)."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"rows {SAVED_FORMAT} python {sys.version_info[:3]}".encode())
    for library in PICKLED_LIBRARIES:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "none"
        digest.update(f" {library} {version}".encode())
    for source in sorted(DASHBOARD_DIR.rglob("*.py")):
        digest.update(source.relative_to(DASHBOARD_DIR).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class SavedView:
    """The dashboard's last view of a targets file on a day: the key of the inputs it was
    loaded from (`loaders.inputs_key`), the load's summary and the rows built."""

    key: str
    summary: LoadSummary
    rows: GroupRows


def view_name(as_of: dt.date) -> str:
    """Return the name the view of a day is saved under."""
    return f"view {as_of.isoformat()}"


#: the name the last coverage is saved under
COVERAGE_NAME = "coverage"


@dataclass(frozen=True)
class SavedCoverage:
    """The dashboard's last coverage of a targets file: the key of the inputs it was computed
    from, its items and each report's item by the key of what it depends on
    (`loaders.reused_coverage`)."""

    inputs: str
    items: list
    known: dict[str, Any]


def _versioned(name: str) -> str:
    """Return a saved entry's name with the version of what makes and reads it."""
    return f"{name} {rows_version()}"


def saved_value(targets_file: str | os.PathLike, name: str) -> Any:
    """Return what was last saved under a name for a targets file, or None (none saved, the
    cache off, another version's, or not readable)."""
    body = read_saved(targets_file, _versioned(name))
    if body is None:
        return None
    try:
        shape, value = pickle.loads(body)  # sealed by this user's key: see the docstring
    except Exception:  # noqa: BLE001 - a cache entry that does not read is absent
        return None
    return value if shape == SAVED_FORMAT else None


def saved_view(targets_file: str | os.PathLike, as_of: dt.date) -> SavedView | None:
    """Return the view last saved for a targets file and day, or None."""
    value = saved_value(targets_file, view_name(as_of))
    if not isinstance(value, SavedView) or not isinstance(value.rows.frame, pd.DataFrame):
        return None
    return value


def saved_coverage(targets_file: str | os.PathLike) -> SavedCoverage | None:
    """Return the coverage last saved for a targets file, or None."""
    value = saved_value(targets_file, COVERAGE_NAME)
    return value if isinstance(value, SavedCoverage) else None


def kept_chart(
    targets_file: str,
    key: str,
    build: Callable[[pd.DataFrame, Any], Any],
    rows: pd.DataFrame,
    scope: Any,
) -> Any:
    """Return the chart saved for a targets file under its key (the digests of the rows'
    chart columns and of the scope: what it shows), else build(rows, scope), saved for the
    next run of the server."""
    name = f"chart {key}"
    if targets_file:
        saved = saved_value(targets_file, name)
        if saved is not None:
            return saved
    chart = build(rows, scope)
    if targets_file:
        SAVER.save(targets_file, name, chart)
    return chart


#: seconds a save waits before it is written: the run that handed it over (the view after a
#: save, its charts) finishes first, and saves handed over meanwhile replace it
SAVE_DELAY_S = 2.0


class Saver:
    """Saves values in a background thread, one save at a time, each SAVE_DELAY_S after it was
    handed over; a value handed over while another waits under the same file and name
    replaces it."""

    def __init__(self, delay: float = SAVE_DELAY_S) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._waiting: dict[tuple[str, str], Any] = {}
        self._thread: threading.Thread | None = None
        self._hurry = threading.Event()

    def save(self, targets_file: str, name: str, value: Any) -> None:
        """Save a value under a name for a targets file soon (the caller does not wait; nothing
        when the file's cache is turned off)."""
        if not keeps_saved(targets_file):
            return
        with self._lock:
            self._waiting[(targets_file, name)] = value
            if self._thread is None:
                # never a daemon (a thread started from Streamlit's script thread would inherit
                # its daemon flag): a process that exits first finishes what it was saving
                self._thread = threading.Thread(target=self._run, name="state-saver", daemon=False)
                self._thread.start()

    def save_view(self, targets_file: str, as_of: dt.date, view: SavedView) -> None:
        """Save the view of a targets file and day soon."""
        self.save(targets_file, view_name(as_of), view)

    def _run(self) -> None:
        """Save what waits until nothing does."""
        while True:
            self._hurry.wait(self.delay)  # unless someone waits for the saves
            with self._lock:
                if not self._waiting:
                    self._thread = None
                    return
                (targets_file, name), value = self._waiting.popitem()
            body = pickle.dumps((SAVED_FORMAT, value), protocol=5)
            write_saved(targets_file, _versioned(name), body)

    def wait(self) -> None:
        """Return once every save handed over so far is written (at once, without the delay)."""
        self._hurry.set()
        try:
            while True:
                with self._lock:
                    thread = self._thread
                if thread is None:
                    return
                thread.join()
        finally:
            self._hurry.clear()


#: the one saver of this process
SAVER = Saver()
