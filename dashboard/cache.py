"""Every `st.cache_resource` of the dashboard, in one place: what each keeps, by what, how many.

The caches are Streamlit's own, shared by every session of the server: when several sessions
miss one together (after a save), Streamlit lets one of them compute and the others wait for its
result. Outside a Streamlit server (tests, bench) they work in memory. Each function here only
wraps a pure function of another module (`tables.display_table`, `filters.report_choices`, …);
where that function lives in a module that itself reads these caches (`data.load_data`, the
chart scope of `state.PageContext`, a page's chart builder), it is handed in as an unhashed
argument, so the imports stay one-way (`data` and `state` import this module, never the
reverse). An argument whose name starts with `_` is not part of the key.

| cached function | keyed by | bound (max_entries) | why this bound |
|---|---|---|---|
| `loaded` | targets file, seeds folder, content key (`loaders.inputs_key`), day | 4 (`MAX_LOADS`) | a few recent versions of the data: the one shown, the ones just replaced, each day's statuses |
| `last_built` | nothing (one object) | 1 | one `LastBuilt`: the rows last built per targets file and day, under a lock |
| `display_table` | the data's key, language | 8 (`MAX_LOADS × len(LANGUAGES)`) | one table per loaded data version and language |
| `report_choices` | the data's key | 4 (`MAX_LOADS`) | one list per loaded data version (the same in every language) |
| `places` | the data's key | 4 (`MAX_LOADS`) | one list of places and their English names per loaded data version |
| `plan_ids` | the data's key | 4 (`MAX_LOADS`) | one set per loaded data version: the reports its commitments come from |
| `coverage` | the data's key, targets file | 4 (`MAX_LOADS`) | one coverage per loaded data version (its file is the data's own) |
| `last_coverage` | nothing (one object) | 1 | one `LastKept`: each report's coverage last computed per targets file, under a lock |
| `report_warnings` | the data's key, targets file | 4 (`MAX_LOADS`) | one list per loaded data version (its file is the data's own) |
| `reports_digest` | the data's key | 4 (`MAX_LOADS`) | one digest per loaded data version |
| `rows_digest` | the data's key, filters, language | 64 (`MAX_VIEWS`) | keyed by the filters readers choose, not bounded by data versions: the views in use at once |
| `scope` | the data's key, filters, language, width | 64 (`MAX_VIEWS`) | the same views, at a phone's or a laptop's width |
| `view_value` | a name, the data's key, filters, language | 64 (`MAX_VIEWS`) | what a page derives from a view's rows (which charts to draw): the views in use |
| `chart` | chart name, digest of its rows' chart columns, digest of its scope | 64 (`MAX_VIEWS`) | keyed by what a chart shows, so it outlives a data version that changed nothing it shows; the charts of the views in use |

`CACHES` holds the same table as data; a test keeps the two in step with the decorators below
and checks that no other module of `dashboard/` calls `st.cache_resource`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pandas as pd
import streamlit as st

from dashboard import filters, tables
from dashboard.chart_keys import frame_digest, records_digest
from dashboard.i18n import LANGUAGES
from dashboard.scope import ChartScope
from loaders import LoadResult, Problem, ReportCoverage
from loaders import report_warnings as parts_warnings

MAX_LOADS = 4  # loaded data versions kept: a few recent versions, each day's statuses
MAX_PER_LANGUAGE = MAX_LOADS * len(LANGUAGES)  # what is kept per data version and language
MAX_VIEWS = 64  # what is kept per view (data, filters, language, width): the views in use

Data = TypeVar("Data")
Rows = TypeVar("Rows")
Kept = TypeVar("Kept")


@dataclass(frozen=True)
class Cached:
    """A row of the table of caches: a function of this module, what keys it, its bound."""

    function: str
    key: str
    bound: int
    why: str


#: the module docstring's table as data (a test keeps the two and the decorators in step)
CACHES = (
    Cached(
        "loaded",
        "targets file, seeds folder, content key (`loaders.inputs_key`), day",
        MAX_LOADS,
        "a few recent versions of the data: the one shown, the ones just replaced, each day's "
        "statuses",
    ),
    Cached(
        "last_built",
        "nothing (one object)",
        1,
        "one `LastBuilt`: the rows last built per targets file and day, under a lock",
    ),
    Cached(
        "display_table",
        "the data's key, language",
        MAX_PER_LANGUAGE,
        "one table per loaded data version and language",
    ),
    Cached(
        "report_choices",
        "the data's key",
        MAX_LOADS,
        "one list per loaded data version (the same in every language)",
    ),
    Cached(
        "places",
        "the data's key",
        MAX_LOADS,
        "one list of places and their English names per loaded data version",
    ),
    Cached(
        "plan_ids",
        "the data's key",
        MAX_LOADS,
        "one set per loaded data version: the reports its commitments come from",
    ),
    Cached(
        "coverage",
        "the data's key, targets file",
        MAX_LOADS,
        "one coverage per loaded data version (its file is the data's own)",
    ),
    Cached(
        "last_coverage",
        "nothing (one object)",
        1,
        "one `LastKept`: each report's coverage last computed per targets file, under a lock",
    ),
    Cached(
        "report_warnings",
        "the data's key, targets file",
        MAX_LOADS,
        "one list per loaded data version (its file is the data's own)",
    ),
    Cached("reports_digest", "the data's key", MAX_LOADS, "one digest per loaded data version"),
    Cached(
        "rows_digest",
        "the data's key, filters, language",
        MAX_VIEWS,
        "keyed by the filters readers choose, not bounded by data versions: the views in use "
        "at once",
    ),
    Cached(
        "scope",
        "the data's key, filters, language, width",
        MAX_VIEWS,
        "the same views, at a phone's or a laptop's width",
    ),
    Cached(
        "view_value",
        "a name, the data's key, filters, language",
        MAX_VIEWS,
        "what a page derives from a view's rows (which charts to draw): the views in use",
    ),
    Cached(
        "chart",
        "chart name, digest of its rows' chart columns, digest of its scope",
        MAX_VIEWS,
        "keyed by what a chart shows, so it outlives a data version that changed nothing it "
        "shows; the charts of the views in use",
    ),
)


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def loaded(
    path: str, seeds: str, key: str, as_of: dt.date, _load: Callable[[str, str, str, dt.date], Data]
) -> Data:
    """Return the data of a targets file whose content `key` names (one load per key and day):
    `_load(path, seeds, key, as_of)`, which is `data.load_data`."""
    return _load(path, seeds, key, as_of)


class LastBuilt(Generic[Rows]):
    """The rows last built per targets file and day (`data.build_data`), so a load after a save
    makes only the saved file's rows. Streamlit locks a cache per key, so loads of two keys (two
    saves, or two days) run at once: every read and change holds the lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[tuple[str, dt.date], Rows] = {}

    def get(self, targets_file: str, as_of: dt.date) -> Rows | None:
        """Return the rows last built for a targets file and day, None when there are none."""
        with self._lock:
            return self._rows.get((targets_file, as_of))

    def keep(self, targets_file: str, as_of: dt.date, rows: Rows) -> None:
        """Keep the rows built for a targets file and day, dropping its other days' (another
        day's statuses are not reused)."""
        with self._lock:
            for other in [p for p in self._rows if p[0] == targets_file and p[1] != as_of]:
                del self._rows[other]
            self._rows[(targets_file, as_of)] = rows

    def places(self) -> list[tuple[str, dt.date]]:
        """Return the targets files and days kept."""
        with self._lock:
            return list(self._rows)


@st.cache_resource(max_entries=1, show_spinner=False)
def last_built() -> LastBuilt[Any]:
    """Return the rows last built per targets file and day, shared by every session."""
    return LastBuilt()


@st.cache_resource(max_entries=MAX_PER_LANGUAGE, show_spinner=False)
def display_table(data_key: str, lang: str, _frame: pd.DataFrame) -> pd.DataFrame:
    """Return the display table of a data's frame in a language (cached by the data's key)."""
    return tables.display_table(_frame, lang)


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def report_choices(data_key: str, _frame: pd.DataFrame, _result: LoadResult) -> list[str]:
    """Return the report filter's choices of a data (cached by the data's key)."""
    return filters.report_choices(_frame, _result.declared.reports_by_id)


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def places(data_key: str, _frame: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Return the place filter's choices and the places' English names of a data (cached by
    the data's key)."""
    return filters.place_choices(_frame), filters.place_names_en(_frame)


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def plan_ids(data_key: str, _frame: pd.DataFrame) -> frozenset[str]:
    """Return the reports of a data's commitments (cached by the data's key)."""
    return frozenset(_frame["report"].unique().tolist()) if not _frame.empty else frozenset()


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def coverage(
    data_key: str,
    targets_file: str,
    _result: LoadResult,
    _cover: Callable[[str, LoadResult], list[ReportCoverage]],
) -> list[ReportCoverage]:
    """Return the coverage of a data's reports (cached by the data's key):
    `_cover(targets_file, result)`, which is `data.coverage_of`."""
    return _cover(targets_file, _result)


class LastKept(Generic[Kept]):
    """One value per targets file, the last one kept (`data.coverage_of` keeps each report's
    coverage), shared by every session: every read and change holds the lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, Kept] = {}

    def get(self, targets_file: str) -> Kept | None:
        """Return the value kept for a targets file, None when there is none."""
        with self._lock:
            return self._values.get(targets_file)

    def keep(self, targets_file: str, value: Kept) -> None:
        """Keep a value for a targets file, replacing the one kept before."""
        with self._lock:
            self._values[targets_file] = value


@st.cache_resource(max_entries=1, show_spinner=False)
def last_coverage() -> LastKept[Any]:
    """Return each report's coverage last computed per targets file, shared by every session."""
    return LastKept()


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def report_warnings(data_key: str, _result: LoadResult, targets_file: str) -> list[Problem]:
    """Return the warnings about a data's reports' parts (cached by the data's key)."""
    return parts_warnings(_result.declared, _result.documents, targets_file, _result.declared_in)


@st.cache_resource(max_entries=MAX_LOADS, show_spinner=False)
def reports_digest(data_key: str, _result: LoadResult) -> str:
    """Return the digest of a data's reports (what charts cite)."""
    return records_digest(_result.declared.reports)


@st.cache_resource(max_entries=MAX_VIEWS, show_spinner=False)
def rows_digest(
    data_key: str, rows_key: tuple, lang: str, _rows: Callable[[], pd.DataFrame]
) -> str:
    """Return the digest of the chart columns of the rows a data's filters select (`_rows()`,
    made only when not cached)."""
    return frame_digest(_rows())


@st.cache_resource(max_entries=MAX_VIEWS, show_spinner=False)
def scope(
    data_key: str, rows_key: tuple, lang: str, width: int, _make: Callable[[], ChartScope]
) -> ChartScope:
    """Return the scope of a page's charts (cached by data, filters, language and width):
    `_make()`, the page context's scope at that width."""
    return _make()


@st.cache_resource(max_entries=MAX_VIEWS, show_spinner=False)
def chart(
    name: str,
    rows_key: str,
    scope_key: str,
    _build: Callable[[pd.DataFrame, ChartScope], Any],
    _rows: Callable[[], pd.DataFrame],
    _scope: ChartScope,
) -> Any:
    """Return a chart of rows (`_rows()`, made only when not cached) and a scope whose content
    the two digests name."""
    return _build(_rows(), _scope)


@st.cache_resource(max_entries=MAX_VIEWS, show_spinner=False)
def view_value(
    name: str, data_key: str, rows_key: tuple, lang: str, _make: Callable[[], Any]
) -> Any:
    """Return what a page derives from a view's rows (`_make()`: which charts it draws), once
    per data, filters and language."""
    return _make()
