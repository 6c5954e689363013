"""What a chart covers and how wide it is drawn: the place, the years, the areas filtered on,
the reports to cite, and the width its text is fitted to.

Every chart title starts with the scope ("Longmen County, 2022 targets (Livelihoods): …", or
"20 places, 2022–2026 targets: …"), the place read from the report records (`place`,
`place_en`, else the report's title), never from code,
so an image taken out of the dashboard still says what it is about; download names carry the
same scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.filters import Filters
from dashboard.findings import filter_note, filter_slug, record_note
from dashboard.i18n import t
from dashboard.sources import newest_date, outcome_reports, place_name, places
from loaders import STATUSES, Report, TargetsFile

#: the width charts are fitted to: a phone's screen (390 px less the page's padding) and the
#: narrowest main column of the dashboard on a laptop (sidebar open)
PHONE_WIDTH = 360
DESKTOP_WIDTH = 780
#: up to this many places the page's subtitle names them; past it, it counts them
NAMED_PLACES = 5
MOBILE_AGENT = re.compile(r"Mobi|Android|iPhone|iPod", re.IGNORECASE)


@dataclass(frozen=True)
class ChartScope:
    """What a chart covers (place, years, areas), its language, data date and width in pixels."""

    lang: str
    as_of: str  # the newest date among the sources the chart cites
    place: str = ""
    years: tuple[int, ...] = ()
    areas: tuple[str, ...] = ()
    width: int = DESKTOP_WIDTH
    reports: Mapping[str, Report] = field(default_factory=dict, compare=False, hash=False)
    place_slug: str = ""
    #: the filters in force and what they leave ("2 of 51 commitments shown: met, missed"),
    #: the whole record's counts, and the filters as a file-name part; empty when unfiltered
    headline: str = ""
    record: str = ""
    filter_slug: str = ""
    statuses: tuple[str, ...] = ()  # the statuses filtered on (none: every status)
    checked: str = ""  # the day the statuses were computed for ("checked on")
    place_count: int = 1  # how many places the cited plans are about ("20 places" when several)

    @property
    def phone(self) -> bool:
        """Return True when the chart is fitted to a phone's width."""
        return self.width <= PHONE_WIDTH


def width_for(user_agent: str | None) -> int:
    """Return the width to fit charts to: a phone's for a mobile browser, else a laptop's."""
    return PHONE_WIDTH if user_agent and MOBILE_AGENT.search(user_agent) else DESKTOP_WIDTH


def slug(text: str) -> str:
    """Return text as a file-name part: lower case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def chart_scope(
    targets: TargetsFile,
    rows: pd.DataFrame,
    lang: str,
    as_of: str,
    area_ids: tuple[str, ...] = (),
    width: int = DESKTOP_WIDTH,
    plan_ids: Iterable[str] | None = None,
) -> ChartScope:
    """Return the scope of charts drawn from these rows: place, years, filtered areas, width.
    `targets` may be the declared records alone (reports and areas) when `plan_ids` names the
    reports of every commitment (the place of a chart with no rows)."""
    if not rows.empty:
        plan_ids = set(rows["report"].unique().tolist())
    elif plan_ids is None:
        plan_ids = {c.report for c in targets.commitments}
    plan_ids = set(plan_ids)
    plans = [r for r in targets.reports if r.id in plan_ids]
    years = tuple(sorted(int(y) for y in rows["year"].unique())) if not rows.empty else ()
    names = []
    for area_id in area_ids:
        area = targets.area(area_id)
        if area is not None:
            names.append(f"{area.chapter or ''}{area.name}" if lang == "zh" else area.name_en)
    cited = [*plans, *outcome_reports(rows, targets.reports_by_id)]
    return ChartScope(
        lang=lang,
        as_of=newest_date(cited) or as_of,
        checked=as_of,
        place=place_name(plans, lang),
        years=years,
        areas=tuple(names),
        width=width,
        reports=targets.reports_by_id,
        place_slug=slug(place_name(plans, "en")),
        place_count=max(len(places(plans, "zh")), len(places(plans, "en"))),
    )


def record_subtitle(targets: TargetsFile, lang: str, plan_ids: Iterable[str] | None = None) -> str:
    """Return the page's subtitle: what the place's reports promised, or the places' reports.
    `targets` may be the declared records alone when `plan_ids` names the reports of every
    commitment."""
    plan_ids = set(plan_ids) if plan_ids is not None else {c.report for c in targets.commitments}
    plans = [r for r in targets.reports if r.id in plan_ids] or list(targets.reports)
    place = place_name(plans, lang)
    if not place:
        return t("app_subtitle_no_place", lang)
    found = places(plans, lang)
    if len(found) == 1:
        return t("app_subtitle", lang, place=place)
    if len(found) <= NAMED_PLACES:  # a few places are named, more counted
        place = ("、" if lang == "zh" else ", ").join(found)
    return t("app_subtitle_places", lang, place=place)


def years_text(years: tuple[int, ...], lang: str) -> str:
    """Return years as a title says them: 2022 / 2022 and 2024 / 2022、2024."""
    if len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"  # a run of years: 2022–2026
    if lang == "zh":
        return "、".join(str(y) for y in years)
    shown = [str(y) for y in years]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def scope_label(scope: ChartScope) -> str:
    """Return the scope as a title's first part: "Longmen County, 2022 targets (Livelihoods)"."""
    lang = scope.lang
    parts = t("scope_years", lang, years=years_text(scope.years, lang)) if scope.years else ""
    areas = ("、" if lang == "zh" else ", ").join(scope.areas)
    if areas:
        parts += t("scope_areas", lang, areas=areas)
    if scope.place and parts:
        join = ", " if lang == "en" else ("，" if scope.place_count > 1 else "")
        return scope.place + join + parts
    return scope.place or parts


def scoped_title(scope: ChartScope, chart: str) -> str:
    """Return a chart's title led by its scope: "20 places, 2022–2026 targets: Rates …"."""
    label = scope_label(scope)
    return f"{label}{'：' if scope.lang == 'zh' else ': '}{chart}" if label else chart


def subtitle(scope: ChartScope, *parts: str, named: bool = True) -> str:
    """Return a chart's subtitle: its scope, what it counts, then the filters in force (unless
    the title names them) and the whole record's counts (when filtered)."""
    join = "；" if scope.lang == "zh" else "; "
    items = [scope_label(scope), *parts, scope.headline if named else ""]
    text = join.join(part for part in items if part)
    if scope.record:
        text += f"（{scope.record}）" if scope.lang == "zh" else f" ({scope.record})"
    return text


def with_filters(
    scope: ChartScope,
    filters: Filters,
    everything: pd.DataFrame,
    shown: int,
    report_label: str,
) -> ChartScope:
    """Return the scope with the filters in force named: what they leave of the whole record
    (`everything`, drafts left out) and its counts, and the filters in file names."""
    if not (filters.report or filters.areas or filters.statuses or filters.query):
        return scope
    lang = scope.lang
    counts = {s: int((everything["status"] == s).sum()) for s in STATUSES}
    note = filter_note(
        shown,
        len(everything),
        lang,
        filters.statuses,
        scope.areas,
        filters.query,
        report_label,
    )
    return replace(
        scope,
        headline=note,
        record=record_note(counts, lang),
        filter_slug=filter_slug(filters.statuses, filters.areas, filters.query, filters.report),
        statuses=tuple(filters.statuses),
    )


def file_stem(scope: ChartScope, name: str) -> str:
    """Return a download's name: place, years, the filters, what it is, language and date."""
    years = "-".join(str(y) for y in scope.years) or "all-years"
    parts = [
        scope.place_slug or "work-report",
        years,
        scope.filter_slug,
        name,
        scope.lang,
        scope.as_of,
    ]
    return "-".join(p for p in parts if p)
