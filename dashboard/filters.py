"""The filters every view respects, and their place in the URL so a view can be sent as a link.

URL parameters: `lang` (zh|en), `report` (a report id or a year such as 2022), `place`
(places as the reports name them, comma-separated or repeated), `area`
(area ids, comma-separated or repeated: `status=met&status=missed`), `status` (likewise), `q`
(free text), `id` (the commitment shown on its page), `chart` (the overview's chart tab:
`percent-of-target` or `rates`; left out for the first, status by area) and `clean=1` (the
layout for screenshots). A parameter or value the dashboard does not know is ignored and named in a
notice (`ignored_params`).

The search matches words in titles, quotes and ids, and figures as either language writes
them: 6,900 and 6900, 1.8万 and 18000, 52.26亿 and 5.226 (billion) find the same commitment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.overview_tabs import OVERVIEW_CHARTS
from dashboard.sources import report_place
from loaders import STATUSES, Report

DEFAULT_LANG = "zh"


@dataclass(frozen=True)
class Filters:
    """What the reader chose: language, report or year, areas, statuses and a search text."""

    lang: str = DEFAULT_LANG
    report: str = ""
    places: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    query: str = ""
    clean: bool = False
    commitment: str = ""
    chart: str = ""  # the overview's chart tab; "" for the first


KNOWN_PARAMS = ("lang", "report", "place", "area", "status", "q", "clean", "id", "chart")
STREAMLIT_PARAMS = ("embed", "embed_options")  # Streamlit's own

Params = Mapping[str, str | Sequence[str]]


def _values(params: Params, key: str) -> list[str]:
    """Return every value a URL gives a parameter (it may be repeated), in order."""
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _last(params: Params, key: str) -> str:
    """Return the last value of a URL parameter, or an empty string."""
    values = _values(params, key)
    return values[-1] if values else ""


def _split(params: Params, key: str) -> list[str]:
    """Return the non-empty comma-separated parts of every value of a parameter, once each."""
    parts = [part.strip() for value in _values(params, key) for part in value.split(",")]
    return list(dict.fromkeys(part for part in parts if part))


def filters_from_params(
    params: Params,
    report_choices: list[str],
    area_choices: list[str],
    place_choices: Sequence[str] = (),
) -> Filters:
    """Return the filters a URL's parameters ask for, ignoring values that do not exist."""
    lang = _last(params, "lang") or DEFAULT_LANG
    report = _last(params, "report")
    chart = _last(params, "chart")
    return Filters(
        lang=lang if lang in ("zh", "en") else DEFAULT_LANG,
        report=report if report in report_choices else "",
        places=tuple(p for p in _split(params, "place") if p in place_choices),
        areas=tuple(a for a in _split(params, "area") if a in area_choices),
        statuses=tuple(s for s in _split(params, "status") if s in STATUSES),
        query=_last(params, "q").strip()[:200],
        clean=_last(params, "clean") == "1",
        commitment=_last(params, "id").strip(),
        chart=chart if chart in OVERVIEW_CHARTS[1:] else "",
    )


def ignored_params(
    params: Params,
    report_choices: list[str],
    area_choices: list[str],
    place_choices: Sequence[str] = (),
) -> list[str]:
    """Return what a URL asks for that the dashboard ignores, as `name=value`, in URL order."""
    ignored = []
    for key in params:
        if key in STREAMLIT_PARAMS:
            continue
        if key not in KNOWN_PARAMS:
            ignored += [f"{key}={value}" for value in _values(params, key)] or [key]
            continue
        if key == "lang":
            ignored += [f"lang={v}" for v in _values(params, key) if v not in ("zh", "en", "")]
        elif key == "report":
            ignored += [
                f"report={v}" for v in _values(params, key) if v not in ("", *report_choices)
            ]
        elif key == "chart":
            ignored += [
                f"chart={v}" for v in _values(params, key) if v not in ("", *OVERVIEW_CHARTS)
            ]
        elif key == "clean":
            ignored += [f"clean={v}" for v in _values(params, key) if v not in ("", "0", "1")]
        elif key in ("area", "status", "place"):
            known = {"area": area_choices, "status": STATUSES, "place": place_choices}[key]
            ignored += [f"{key}={v}" for v in _split(params, key) if v not in known]
    return ignored


def params_from_filters(filters: Filters) -> dict[str, str]:
    """Return the URL parameters of the filters, leaving out the defaults."""
    params = {
        "lang": filters.lang if filters.lang != DEFAULT_LANG else "",
        "report": filters.report,
        "place": ",".join(filters.places),
        "area": ",".join(filters.areas),
        "status": ",".join(filters.statuses),
        "q": filters.query,
        "clean": "1" if filters.clean else "",
        "id": filters.commitment,
        "chart": filters.chart,
    }
    return {key: value for key, value in params.items() if value}


def place_choices(frame: pd.DataFrame) -> list[str]:
    """Return what the place filter offers: each place the rows' reports name, once, in order."""
    if frame.empty or "place" not in frame:
        return []
    found = frame["place"].drop_duplicates().tolist()  # in order: each place's first row
    return [p for p in found if isinstance(p, str) and p]


def place_names_en(frame: pd.DataFrame) -> dict[str, str]:
    """Return each place's English name, by its Chinese one (the last row's when rows differ)."""
    if frame.empty or "place" not in frame:
        return {}
    named = frame[["place", "place_en"]].drop_duplicates("place", keep="last")
    return dict(zip(named["place"].tolist(), named["place_en"].tolist(), strict=True))


def report_choices(frame: pd.DataFrame, reports: Mapping[str, Report] | None = None) -> list[str]:
    """Return what the report filter offers: each report id grouped by place, by date; then
    each year."""
    if frame.empty:
        return []
    found = list(dict.fromkeys(frame["report"].tolist()))
    if reports:
        dated = {r: reports[r].date.sort_key for r in found if r in reports}
        found.sort(key=lambda r: (r not in dated, dated.get(r, (0, 0, 0)), r))
        if "place" in frame:  # grouped by place, the places in the order of their first report
            places = dict(zip(frame["report"], frame["place"], strict=True))
            order = {p: i for i, p in enumerate(dict.fromkeys(places[r] for r in found))}
            found.sort(key=lambda r: order[places[r]])
    years = [str(year) for year in sorted(frame["year"].unique())]
    return [*found, *(y for y in years if y not in found)]


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Return the rows that match every filter (report or year, places, areas, statuses,
    search text)."""
    if frame.empty or not (
        filters.report or filters.places or filters.areas or filters.statuses or filters.query
    ):
        return frame  # nothing to filter: the frame itself, not a copy of every row
    mask = pd.Series(True, index=frame.index)
    if filters.places and "place" in frame:
        mask &= frame["place"].isin(filters.places)
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
        found = frame["search_text"].str.contains(word, regex=False)
        number = query_number(word)
        if number is not None:
            found |= figure_matches(frame, *number)
        mask &= found
    return frame[mask]


#: a figure as someone may type it: 6,900 / 6900 / 1.8万 / 52.26亿 / 6.5% / 3公里
QUERY_NUMBER = re.compile(r"^[-+]?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万|亿)?[^\d]*$")
MULTIPLIERS = {"万": 1e4, "亿": 1e8}


def query_number(word: str) -> tuple[float, float] | None:
    """Return a search word's figure as written and in base units (1.8万 → 1.8, 18000), or None."""
    found = QUERY_NUMBER.match(word.strip())
    if not found:
        return None
    value = float(found.group(1).replace(",", ""))
    return value, value * MULTIPLIERS.get(found.group(2) or "", 1)


def unit_multiplier(unit: object) -> float:
    """Return what one of a unit is in base units: 1e4 for 万…, 1e8 for 亿…, else 1."""
    if isinstance(unit, str) and unit[:1] in MULTIPLIERS:
        return MULTIPLIERS[unit[:1]]
    return 1.0


def figure_matches(frame: pd.DataFrame, written: float, base: float) -> pd.Series:
    """Return which rows show this figure as target, baseline or latest value, in any language.

    A row's figure matches as written (6900 个, 52.26 亿元), in base units (18000 = 1.8万) and
    as English writes money (52.26亿元 = 5.226 billion yuan).
    """
    multiplier = frame["unit"].map(unit_multiplier)
    numeric = frame["op"] != "done"
    found = pd.Series(False, index=frame.index)
    for column in ("target", "baseline_value", "latest_value"):
        values = pd.to_numeric(frame[column].where(numeric), errors="coerce")
        in_base = values * multiplier
        for shown, wanted in ((values, written), (in_base, base), (in_base / 1e9, written)):
            found |= (shown - wanted).abs() <= 1e-9 * shown.abs().clip(lower=1)
    return found.fillna(False)


def report_labels(reports: Sequence[Report], lang: str) -> dict[str, str]:
    """Return how the report filter names each report it offers, short enough never to be cut:
    its place and plan year ("Jia County · 2024"), its date added when the place has two that
    year."""
    keys = {
        r.id: (report_place(r, lang) or (r.title if lang == "zh" else r.title_en), r.plan_year)
        for r in reports
    }
    seen = Counter(keys.values())
    labels = {}
    for report in reports:
        place, year = keys[report.id]
        label = f"{place} · {year}年" if lang == "zh" else f"{place} · {year}"
        labels[report.id] = f"{label} · {report.date}" if seen[(place, year)] > 1 else label
    return labels
