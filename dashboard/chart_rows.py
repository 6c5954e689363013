"""The rows of the overview's list charts: each commitment's title in a language, area labels
in the areas' order, and the commitments with no published figure listed one by one or per area.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from dashboard.chart_layout import ListRow
from dashboard.commitment_row import frame_rows
from dashboard.i18n import status_label, t
from dashboard.numbers import target_in_words

MAX_MISSING_ROWS = 12


def place_column(lang: str) -> str:
    """Return the frame's column naming each row's place in a language."""
    return "place" if lang == "zh" else "place_en"


def several_places(rows: pd.DataFrame, lang: str) -> bool:
    """Return True when these rows are about more than one place (each row then names its own)."""
    column = place_column(lang)
    return column in rows and rows[column].nunique() > 1


def place_titles(rows: pd.DataFrame, lang: str, several: bool | None = None) -> list[str]:
    """Return each row's title in a language, led by its place when the rows span several (or
    `several` says the whole view does, for a view's first rows)."""
    names = rows["title" if lang == "zh" else "title_en"].tolist()
    if not (several_places(rows, lang) if several is None else several):
        return names
    join = "·" if lang == "zh" else " · "
    return [
        f"{place}{join}{name}" if place else name
        for place, name in zip(rows[place_column(lang)].tolist(), names, strict=True)
    ]


def titles(rows: pd.DataFrame, lang: str, several: bool | None = None) -> list[str]:
    """Return each row's title in a language (led by its place when the rows span several); a
    year is added where two titles are the same."""
    names = place_titles(rows, lang, several)
    repeated = {name for name, count in Counter(names).items() if count > 1}
    years = [int(y) for y in rows["year"]]
    suffix = "（{}年）" if lang == "zh" else " ({})"
    return [
        name + suffix.format(year) if name in repeated else name
        for name, year in zip(names, years, strict=True)
    ]


def area_labels(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Return each row's area name in a language; in Chinese prefixed by the chapter number its
    commitments stand under, when they all stand under the same one (reports number differently).
    """
    if lang == "zh":
        chapters = frame.groupby("area")["chapter"].agg(
            lambda found: found.iloc[0] if found.nunique() == 1 else ""
        )
        return frame["area"].map(chapters) + frame["area_name"]
    return frame["area_name_en"]


def area_order(labelled: pd.DataFrame) -> list[str]:
    """Return the area labels of some rows in the areas' declared order, once each (sorted
    over one row per area, not over every row)."""
    firsts = labelled.drop_duplicates("area")[["area_order", "area", "area_label"]]
    return list(dict.fromkeys(firsts.sort_values(["area_order", "area"])["area_label"].tolist()))


def missing_list_rows(without: pd.DataFrame, lang: str) -> list[ListRow]:
    """Return list rows for commitments without a published figure: one each, or grouped.

    Up to MAX_MISSING_ROWS are listed one by one, each with its target and its status (no
    published figure, or not yet due); past that, one row per area and status names them
    (the first dozen, then how many more), so the chart stays short without dropping any.
    """
    if without.empty:
        return []
    names = titles(without, lang)
    if len(without) <= MAX_MISSING_ROWS:
        return [
            ListRow(
                name,
                t(
                    "missing_detail",
                    lang,
                    target=target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
                    marker=status_label(r.status, lang),
                ),
            )
            for name, r in zip(names, frame_rows(without), strict=True)
        ]
    labelled = without.assign(area_label=area_labels(without, lang), name=names)
    found = []
    join = "；" if lang == "zh" else "; "
    for (label, status), group in labelled.sort_values(["area_order", "area"]).groupby(
        ["area_label", "status"], sort=False
    ):
        count = len(group)
        listed = join.join(group["name"].head(12))
        more = t("more_count", lang, count=count - 12) if count > 12 else ""
        marker = status_label(str(status), lang)
        found.append(
            ListRow(
                str(label),
                t("missing_count", lang, marker=marker, count=count, names=listed + more),
            )
        )
    return found
