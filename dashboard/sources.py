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


def outcome_sources(commitment: Commitment) -> tuple[str, ...]:
    """Return the ids of the publications a commitment's progress figures come from, in order."""
    return tuple(dict.fromkeys(entry.source for entry in commitment.progress))


def place_name(reports: Iterable[Report], lang: str) -> str:
    """Return the place a set of work reports is about, read from the first title that names it."""
    for report in sorted(reports, key=lambda r: r.date.sort_key):
        title = report.title if lang == "zh" else report.title_en
        found = PLACE_IN_TITLE[lang].match(title)
        if found:
            return found.group(1).strip()
    return ""


def short_title(report: Report, lang: str, place: str) -> str:
    """Return a report's title without the place (the chart's title names it)."""
    title = report.title if lang == "zh" else report.title_en
    names = {place, *_place_parts(place)} if place else set()
    for name in sorted(names, key=len, reverse=True):
        if name and name in title and title.replace(name, "", 1).strip():
            title = title.replace(name, "", 1).strip()
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
    details = (
        [in_language_of(report.publisher, report.publisher_en, lang)] if report.publisher else []
    )
    details.append(str(report.date))
    separator = "，" if lang == "zh" else ", "
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    prefix = f"[{number}] " if number is not None else ""
    return f"{prefix}{short_title(report, lang, place)}{opening}{separator.join(details)}{closing}"


def source_text(
    plans: list[Report],
    outcomes: list[Report],
    lang: str,
    as_of: str,
    place: str,
    numbered: bool = False,
) -> str:
    """Return the source line: plans, outcome publications (all of them when numbered), the
    data date and the status rule."""
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
    return t("source_line", lang, targets=targets, outcomes=found, as_of=as_of)


def outcome_numbers(outcomes: list[Report]) -> dict[str, int]:
    """Return each outcome publication's reference number, as the numbered source line gives it."""
    return {report.id: index for index, report in enumerate(outcomes, start=1)}
