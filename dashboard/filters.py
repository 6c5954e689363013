"""The filters every view respects, and their place in the URL so a view can be sent as a link.

URL parameters: `lang` (zh|en), `report` (a report id or a year such as 2022), `area`
(area ids, comma-separated), `status` (statuses, comma-separated), `q` (free text), `id` (the
commitment shown on its page) and `clean=1` (the layout for screenshots).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from loaders.status import STATUSES

DEFAULT_LANG = "zh"


@dataclass(frozen=True)
class Filters:
    """What the reader chose: language, report or year, areas, statuses and a search text."""

    lang: str = DEFAULT_LANG
    report: str = ""
    areas: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    query: str = ""
    clean: bool = False
    commitment: str = ""


def _split(value: str | None) -> list[str]:
    """Return the non-empty comma-separated parts of a URL value."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def filters_from_params(
    params: Mapping[str, str],
    report_choices: list[str],
    area_choices: list[str],
) -> Filters:
    """Return the filters a URL's parameters ask for, ignoring values that do not exist."""
    lang = params.get("lang", DEFAULT_LANG)
    report = params.get("report", "")
    return Filters(
        lang=lang if lang in ("zh", "en") else DEFAULT_LANG,
        report=report if report in report_choices else "",
        areas=tuple(a for a in _split(params.get("area")) if a in area_choices),
        statuses=tuple(s for s in _split(params.get("status")) if s in STATUSES),
        query=(params.get("q") or "").strip()[:200],
        clean=params.get("clean") == "1",
        commitment=(params.get("id") or "").strip(),
    )


def params_from_filters(filters: Filters) -> dict[str, str]:
    """Return the URL parameters of the filters, leaving out the defaults."""
    params = {
        "lang": filters.lang if filters.lang != DEFAULT_LANG else "",
        "report": filters.report,
        "area": ",".join(filters.areas),
        "status": ",".join(filters.statuses),
        "q": filters.query,
        "clean": "1" if filters.clean else "",
        "id": filters.commitment,
    }
    return {key: value for key, value in params.items() if value}


def report_choices(frame: pd.DataFrame) -> list[str]:
    """Return what the report filter offers: each report id, then each year with commitments."""
    if frame.empty:
        return []
    reports = list(dict.fromkeys(frame["report"]))
    years = [str(year) for year in sorted(frame["year"].unique())]
    return [*reports, *(y for y in years if y not in reports)]


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Return the rows that match every filter (report or year, areas, statuses, search text)."""
    if frame.empty:
        return frame
    mask = pd.Series(True, index=frame.index)
    if filters.report:
        if filters.report.isdigit():
            mask &= frame["year"] == int(filters.report)
        else:
            mask &= frame["report"] == filters.report
    if filters.areas:
        mask &= frame["area"].isin(filters.areas)
    if filters.statuses:
        mask &= frame["status"].isin(filters.statuses)
    for word in filters.query.lower().split():
        mask &= frame["search_text"].str.contains(word, regex=False)
    return frame[mask]
