"""One row of the dashboard's frame as a type, for the code that reads rows one by one.

pandas types each cell of `DataFrame.itertuples()` as "any scalar"; `CommitmentRow` names the
frame's columns in order (`loaders.EXPORT_COLUMNS`, then the dashboard's own) and what each
holds, so a checker can follow a row into the functions that format it. A checker reads only
what is written, so the row type is where the dashboard's own columns are declared:
`ROW_COLUMNS` is read from it, and `dashboard.data.EXTRA_COLUMNS` from that.
"""

from __future__ import annotations

import inspect
from collections import namedtuple
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol, cast

import pandas as pd


class CommitmentRow(Protocol):
    """A commitment's row: each attribute's type is that of a value that is there. A missing
    number is NaN; a missing text (`| None`) is NaN too, as pandas stores it (`measures.missing`
    tells); a milestone's latest value is True (done), False (under way) or None."""

    id: str
    report: str
    year: int
    area: str
    title: str
    title_en: str
    metric: str | None
    op: str
    target: float
    unit: str | None
    tolerance: float
    baseline_year: float
    baseline_value: float
    latest_year: float
    latest_value: float | None
    latest_source: str | None
    status: str
    percent_of_target: float
    quote: str
    area_name: str
    area_name_en: str
    chapter: str
    area_order: int
    report_title: str
    report_title_en: str
    place: str
    place_en: str
    draft: bool
    outcome_sources: tuple[str, ...]
    measure_kind: str
    search_text: str


#: the columns `CommitmentRow` names, in order (the frame's: a test keeps them in step)
ROW_COLUMNS: tuple[str, ...] = tuple(inspect.get_annotations(CommitmentRow))


def frame_rows(frame: pd.DataFrame, columns: Sequence[str] = ()) -> list[CommitmentRow]:
    """Return the frame's rows, each column (or each of `columns`, the others left out) an
    attribute. Made from each column's plain list: pandas' arrow strings are slow to iterate
    row by row (`itertuples` takes about five times as long)."""
    names = tuple(columns) or tuple(str(name) for name in frame.columns)
    make = _row_type(names)
    return [make(*values) for values in zip(*(frame[name].tolist() for name in names), strict=True)]


@lru_cache(maxsize=16)
def _row_type(names: tuple[str, ...]) -> Callable[..., CommitmentRow]:
    """Return the named-tuple type of a row with these columns (a type made at run time, so
    the checker is told what its instances are)."""
    return cast(Callable[..., CommitmentRow], namedtuple("CommitmentRow", names))
