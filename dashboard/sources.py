"""Where a chart's figures come from: the plans that set the targets and every publication an
outcome comes from, written as one source line a slide can carry.

The line is made from the rows behind the chart: the `report` of each commitment (the plan)
and the `outcome_sources` of each (the publications its progress figures come from). Titles
are shortened by leaving out the place, which the chart's title already names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.i18n import in_language_of, t
from loaders import Commitment, Report

#: past this many plans or publications, a source line counts the rest (listed on the Rules
#: and sources page and in the downloads' latest_source column)
MAX_CITED = 8

#: how a work report's title names its place: 清远市清城区人民政府工作报告 / Qingcheng District …
PLACE_IN_TITLE = {
    "zh": re.compile(r"^(?:\d{4}年)?(.+?[省市州县区旗])(?:人民)?政府工作报告"),
    "en": re.compile(r"^(.+?)(?: People's)?(?: Government)? Work Report"),
}

#: the city (or province) a Chinese title may name before its district or county
CITY_BEFORE = r"(?:[^\d年\s（(]{1,4}?[省市州])?"


def outcome_sources(commitment: Commitment) -> tuple[str, ...]:
    """Return the ids of the publications a commitment's progress figures come from, in order."""
    return tuple(dict.fromkeys(entry.source for entry in commitment.progress))


def report_place(report: Report, lang: str) -> str:
    """Return the place a report is about: its `place` (`place_en`), else read from its title."""
    given = report.place if lang == "zh" else report.place_en
    if given and given.strip():
        return given.strip()
    title = report.title if lang == "zh" else report.title_en
    found = PLACE_IN_TITLE[lang].match(title)
    return found.group(1).strip() if found else ""


def places(reports: Iterable[Report], lang: str) -> list[str]:
    """Return the places a set of reports is about, once each, in the order of their dates."""
    found = (report_place(r, lang) for r in sorted(reports, key=lambda r: r.date.sort_key))
    return list(dict.fromkeys(place for place in found if place))


def place_name(reports: Iterable[Report], lang: str) -> str:
    """Return the place a set of reports is about, or "20 places" when they are about several."""
    found = places(reports, lang)
    if len(found) > 1:
        return t("places_count", lang, count=len(found))
    return found[0] if found else ""


def short_title(report: Report, lang: str, place: str) -> str:
    """Return a report's title without the place (the chart's title names it); a report about
    another place than the chart's (a chart of several places) is named with its own place."""
    own = report_place(report, lang)
    if own and place and own != place and own not in _place_parts(place):
        return _with_place(own, _without_place(report, lang, own), lang)
    return _without_place(report, lang, place)


def titled_with_place(report: Report, lang: str) -> str:
    """Return a report's full title, led by its place when the title does not name it."""
    title = report.title if lang == "zh" else report.title_en
    own = report_place(report, lang)
    if not own or own in title or any(part in title for part in _place_parts(own)):
        return title
    return _with_place(own, title, lang)


def _with_place(place: str, title: str, lang: str) -> str:
    """Return a short title led by its place: 乙县政府工作报告 / Yi County: Government Work Report."""
    if lang == "zh":
        return place + title
    return f"{place}: {title}"


def _without_place(report: Report, lang: str, place: str) -> str:
    """Return a report's title with a name of this place left out (人民政府 → 政府 once it is)."""
    title = report.title if lang == "zh" else report.title_en
    names = {place, *_place_parts(place)} if place else set()
    for name in sorted(names, key=len, reverse=True):
        # in Chinese the city before a district goes with it: 清远市清城区 for 清城区
        within = CITY_BEFORE + re.escape(name) if lang == "zh" else re.escape(name)
        left = re.sub(within, "", title, count=1).strip()
        if name and name in title and left:
            title = left.removeprefix("人民") if lang == "zh" else left
            break
    return title


def _place_parts(place: str) -> set[str]:
    """Return the shorter names a place goes by: 清远市清城区 → 清城区."""
    found = re.match(r"^.+?[省市州](.+[县区旗])$", place)
    return {found.group(1)} if found else set()


def cited_reports(ids: Iterable[str], reports: Mapping[str, Report]) -> list[Report]:
    """Return the reports with these ids, once each, by date (unknown ids left out)."""
    found = {i: reports[i] for i in dict.fromkeys(ids) if i in reports}
    return sorted(found.values(), key=lambda r: (r.date.sort_key, r.id))


def plan_reports(rows: pd.DataFrame, reports: Mapping[str, Report]) -> list[Report]:
    """Return the reports whose plans set the targets of these rows, by date."""
    return cited_reports(rows["report"].unique().tolist(), reports) if not rows.empty else []


def outcome_reports(rows: pd.DataFrame, reports: Mapping[str, Report]) -> list[Report]:
    """Return every publication an outcome of these rows comes from, by date."""
    if rows.empty or "outcome_sources" not in rows:
        return []
    cited = set(rows["outcome_sources"].tolist())  # a few distinct lists among many rows
    return cited_reports((s for ids in cited for s in ids), reports)


def cite(report: Report, lang: str, place: str, number: int | None = None) -> str:
    """Return one report as a reference: [number] short title (publisher, date)."""
    title = short_title(report, lang, place)
    details = (
        [in_language_of(report.publisher, report.publisher_en, lang)] if report.publisher else []
    )
    if not (not report.date.month and str(report.date.year) in title):
        details.append(str(report.date))  # a year the title already gives is not repeated
    separator = "，" if lang == "zh" else ", "
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    prefix = f"[{number}] " if number is not None else ""
    if not details:
        return f"{prefix}{title}"
    return f"{prefix}{title}{opening}{separator.join(details)}{closing}"


def newest_date(reports: Iterable[Report]) -> str:
    """Return the newest date among some sources (what their data is as of), or ""."""
    dated = [r.date for r in reports]
    return str(max(dated, key=lambda d: d.sort_key)) if dated else ""


def source_text(
    plans: list[Report],
    outcomes: list[Report],
    lang: str,
    checked: str,
    place: str,
    numbered: bool = False,
) -> str:
    """Return the source line: plans, outcome publications (all of them when numbered), the
    newest date among them (the data's date), the day it was checked and the status rule."""
    as_of = newest_date([*plans, *outcomes]) or checked
    join = "；" if lang == "zh" else "; "
    targets = join.join(cite(r, lang, place) for r in plans[:MAX_CITED]) or "—"
    if len(plans) > MAX_CITED:
        targets += t("source_more", lang, count=len(plans) - MAX_CITED)
    if outcomes:
        # numbered, every publication is listed: each [n] a row cites must be found here
        listed = outcomes if numbered else outcomes[:MAX_CITED]
        found = join.join(
            cite(r, lang, place, index if numbered else None)
            for index, r in enumerate(listed, start=1)
        )
        if len(outcomes) > len(listed):
            found += t("source_more", lang, count=len(outcomes) - MAX_CITED)
    else:
        found = t("source_no_outcomes", lang)
    return t("source_line", lang, targets=targets, outcomes=found, as_of=as_of, checked=checked)


def outcome_numbers(outcomes: list[Report]) -> dict[str, int]:
    """Return each outcome publication's reference number, as the numbered source line gives it."""
    return {report.id: index for index, report in enumerate(outcomes, start=1)}
