"""What decides a chart: the content of the columns it reads, and its scope.

A chart is cached under these digests rather than under the data's key, so a save that changes
nothing a chart shows (a quote, a baseline, the other language's title, another file's
records outside the filters) reuses it instead of drawing it again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence

import pandas as pd

from dashboard.scope import ChartScope

#: the frame's columns that charts, the scorecard and their source lines read, by language (the
#: other language's title and area name left out): a chart is made again only when these
#: columns of its rows change, so a save that touches none of them (a quote, a baseline, the
#: other language's title) reuses it
CHART_COLUMNS = {
    lang: (
        "id",
        "report",
        "year",
        "area",
        "title" if lang == "zh" else "title_en",
        "metric",
        "op",
        "target",
        "unit",
        "tolerance",
        "latest_year",
        "latest_value",
        "status",
        "percent_of_target",
        "area_name" if lang == "zh" else "area_name_en",
        "chapter",
        "area_order",
        "draft",
        "outcome_sources",
        "measure_kind",
        "place" if lang == "zh" else "place_en",
    )
    for lang in ("zh", "en")
}


def chart_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the columns of some rows that charts read in a language (CHART_COLUMNS)."""
    return rows[list(CHART_COLUMNS[lang])]


def frame_digest(frame: pd.DataFrame) -> str:
    """Return a digest of a frame's content: its column names, row labels and every value."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((list(frame.columns), len(frame))).encode("utf-8"))
    if len(frame.columns) and len(frame):
        digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return digest.hexdigest()


def records_digest(records: Sequence[object]) -> str:
    """Return a digest of some records (the declared reports and areas) as written out."""
    return hashlib.blake2b(repr(records).encode("utf-8"), digest_size=16).hexdigest()


#: what a chart's scope is named by: every field its equality compares (its reports, a mapping
#: left out of equality, stand as their digest), so a field added to ChartScope is covered
SCOPE_FIELDS = tuple(f.name for f in dataclasses.fields(ChartScope) if f.compare)


def scope_digest(scope: ChartScope, reports_digest: str) -> str:
    """Return a digest of a chart's scope; its reports stand as the digest of the reports."""
    named = repr((*(getattr(scope, name) for name in SCOPE_FIELDS), reports_digest))
    return hashlib.blake2b(named.encode("utf-8"), digest_size=16).hexdigest()
