"""The dashboard's data: targets.yaml loaded once and reused until the file or a report changes.

The cache is keyed by a hash of targets.yaml's bytes and the size and modification time of
every report in seeds/, so saving targets.yaml (or replacing a report) shows on the next rerun,
while a rerun on unchanged files costs a few `stat` calls and one hash. It lives here, at the
dashboard's edge, and is shared by every session of the server, like `st.cache_resource`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.sources import outcome_sources
from dashboard.tables import display_table
from loaders.export import commitment_rows
from loaders.finder import ReportCoverage, coverage
from loaders.status import STATUS_LABELS
from loaders.validate import LoadResult, load_targets

MAX_ENTRIES = 4
MAX_DERIVED = 64  # tables, charts and coverage kept per loaded file

#: columns of the dashboard's frame beyond loaders.export.EXPORT_COLUMNS
EXTRA_COLUMNS = (
    "area_name",
    "area_name_en",
    "chapter",
    "area_order",
    "report_title",
    "report_title_en",
    "status_label_en",
    "search_text",
    "outcome_sources",
)


@dataclass(frozen=True)
class DashboardData:
    """A loaded targets file: the validation result and one row per valid commitment."""

    result: LoadResult
    frame: pd.DataFrame
    as_of: dt.date
    targets_file: str
    _derived: OrderedDict = field(default_factory=OrderedDict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def memo(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """Return what build() returns for this data, built once per key (the most recent kept)."""
        with self._lock:
            if key in self._derived:
                self._derived.move_to_end(key)
                return self._derived[key]
        value = build()
        with self._lock:
            self._derived[key] = value
            while len(self._derived) > MAX_DERIVED:
                self._derived.popitem(last=False)
        return value

    def table(self, lang: str, rows: pd.DataFrame | None = None) -> pd.DataFrame:
        """Return the display table of some rows (default all), built once per language."""
        full = self.memo(("table", lang), lambda: display_table(self.frame, lang))
        if rows is None:
            return full
        return full.loc[rows.index].reset_index(drop=True)

    def coverage(self) -> list[ReportCoverage]:
        """Return, per report in seeds/, how many plan figures are tracked; computed once."""
        return self.memo("coverage", lambda: coverage(self.result.targets, self.result.documents))


def seeds_signature(seeds_dir: Path) -> tuple:
    """Return the name, size and modification time of every file in the seeds folder."""
    try:
        with os.scandir(seeds_dir) as entries:
            found = [
                (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                for entry in entries
                if entry.is_file()
            ]
    except OSError:
        return ()
    return tuple(sorted(found))


def file_digest(path: Path) -> str:
    """Return a hash of the file's bytes, or a marker naming why it cannot be read."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError as error:
        return f"unreadable:{error.errno}"


class _LoadCache:
    """A small LRU of load results keyed by content, safe to share between sessions."""

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple, DashboardData] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, targets_file: Path, seeds_dir: Path, as_of: dt.date) -> DashboardData:
        key = (
            str(targets_file.resolve()),
            file_digest(targets_file),
            seeds_signature(seeds_dir),
            as_of,
        )
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found
        data = build_data(load_targets(targets_file, seeds_dir), as_of, str(targets_file))
        with self.lock:
            self.entries[key] = data
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
        return data


_CACHE = _LoadCache()


def load_cached(
    targets_file: str | os.PathLike,
    seeds_dir: str | os.PathLike | None = None,
    as_of: dt.date | None = None,
) -> DashboardData:
    """Return the dashboard's data for a targets file, loading only when its content changed."""
    path = Path(targets_file)
    seeds = Path(seeds_dir) if seeds_dir is not None else path.parent / "seeds"
    return _CACHE.get(path, seeds, as_of or dt.date.today())


def build_data(result: LoadResult, as_of: dt.date, targets_file: str = "") -> DashboardData:
    """Return the dashboard's data: the load result and one row per valid commitment."""
    return DashboardData(result, commitment_frame(result, as_of), as_of, targets_file)


def commitment_frame(result: LoadResult, as_of: dt.date) -> pd.DataFrame:
    """Return one row per valid commitment: the export columns plus area and report names."""
    targets = result.targets
    frame = pd.DataFrame(commitment_rows(targets, as_of))
    if frame.empty:
        from loaders.export import EXPORT_COLUMNS

        return pd.DataFrame(columns=[*EXPORT_COLUMNS, *EXTRA_COLUMNS])
    areas, reports = targets.areas, targets.reports
    frame["area_name"] = frame["area"].map({a.id: a.name for a in areas})
    frame["area_name_en"] = frame["area"].map({a.id: a.name_en for a in areas})
    frame["chapter"] = frame["area"].map({a.id: a.chapter or "" for a in areas})
    frame["area_order"] = frame["area"].map({a.id: index for index, a in enumerate(areas)})
    frame["report_title"] = frame["report"].map({r.id: r.title for r in reports})
    frame["report_title_en"] = frame["report"].map({r.id: r.title_en for r in reports})
    frame["status_label_en"] = frame["status"].map(STATUS_LABELS["en"])
    frame["outcome_sources"] = [outcome_sources(c) for c in targets.commitments]
    frame["search_text"] = (
        frame["id"]
        + " "
        + frame["title"]
        + " "
        + frame["title_en"].str.lower()
        + " "
        + frame["quote"]
        + " "
        + frame["metric"].fillna("")
    )
    return frame
