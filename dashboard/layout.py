"""What every page shares: the sidebar's filters (kept in the URL), the problem list, the layout.

The entrypoint calls `prepare()` once per run; pages call `context()` to get the data and the
filters, then draw with tested pure functions (charts, tables, detail).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.chart_keys import chart_rows, scope_digest
from dashboard.charts import without_drafts
from dashboard.data import DashboardData, load_cached
from dashboard.detail import MAX_CHOICES, choose_commitment
from dashboard.escape import escape_markdown, literal
from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_params,
    ignored_params,
    params_from_filters,
    place_choices,
    report_labels,
)
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, status_label, t
from dashboard.scope import ChartScope, chart_scope, with_filters
from dashboard.sources import titled_with_place
from loaders import STATUSES, KeptVersion, targets_path

CONTEXT_KEY = "_page_context"
CHOICE_KEY = "commitment_choice"  # the commitment page's chooser
ChartBuilder = Callable[[pd.DataFrame, ChartScope], Any]  # (rows, scope) -> a figure
MAX_PROBLEMS_SHOWN = 200

CLEAN_LAYOUT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"],
.hide-when-clean { display: none !important; }
.block-container { padding-top: 1.5rem !important; }
</style>
"""


@dataclass(frozen=True)
class PageContext:
    """The data, the reader's filters and the rows that pass them, for one run."""

    data: DashboardData
    filters: Filters
    rows: pd.DataFrame

    @property
    def lang(self) -> str:
        """Return the reader's language."""
        return self.filters.lang

    @property
    def rows_key(self) -> tuple:
        """Return what decides the filtered rows: report, areas, statuses and search text."""
        f = self.filters
        return (f.report, f.places, f.areas, f.statuses, f.query)

    def chart(self, name: str, build: ChartBuilder, scope: ChartScope) -> Any:
        """Return build(rows, scope) of this page's rows (only the columns charts read), made
        again only when those columns or the scope changed: a save that touches neither (a
        quote, the other language's title) reuses the chart made before it."""
        rows = chart_rows(self.rows, self.lang)
        rows_key = cache.rows_digest(self.data.key, self.rows_key, self.lang, rows)
        reports = cache.reports_digest(self.data.key, self.data.result)
        return cache.chart(name, rows_key, scope_digest(scope, reports), build, rows, scope)

    def scope(self, width: int) -> ChartScope:
        """Return the scope of this page's charts at a width (once per data, filters, language
        and width)."""
        make = functools.partial(_scope_of, self, width)
        return cache.scope(self.data.key, self.rows_key, self.lang, width, make)

    @property
    def as_of(self) -> str:
        """Return the date statuses are computed for, as YYYY-MM-DD."""
        return self.data.as_of.isoformat()


def _scope_of(context: PageContext, width: int) -> ChartScope:
    """Return the scope of a page's charts at a width, the filters in force named in it."""
    data, filters = context.data, context.filters
    lang = context.lang
    scope = chart_scope(
        data.result.targets, context.rows, lang, context.as_of, filters.areas, width
    )
    report = _report_label(filters.report, data, lang) if filters.report else ""
    shown = len(without_drafts(context.rows))
    return with_filters(scope, filters, without_drafts(data.frame), shown, report)


def load_data() -> DashboardData:
    """Return the dashboard's data for $TARGETS_FILE (or targets.yaml), cached by content."""
    return load_cached(targets_path(), as_of=dt.date.today())


def _report_label(
    choice: str, data: DashboardData, lang: str, short: dict[str, str] | None = None
) -> str:
    """Return how a report choice is named: all, a report (its place and year in the filter,
    short enough never to be cut; its title, led by its place, in headlines), or a year."""
    if not choice:
        return t("all_reports", lang)
    if choice.isdigit():
        return f"{choice}年" if lang == "zh" else f"Year {choice}"
    report = data.result.targets.report(choice)
    if report is None:
        return choice
    if short is not None:
        return short.get(choice) or choice
    return titled_with_place(report, lang)


def keep_filter_widgets(
    from_url: Filters, reports: list[str], areas: list[str], places: Sequence[str] = ()
) -> None:
    """Give each filter widget its value before it is drawn: the reader's, else the URL's.

    Re-assigning every widget's key at the top of the run is Streamlit's documented way to keep
    widget values across `st.switch_page` (which starts the next page without them). The URL
    seeds a widget the first time, and stands in for the language when the reader clicks the
    chosen one again (which unselects it): the URL still holds the language of the last run.
    """
    state = st.session_state
    state["lang"] = state.get("lang") or from_url.lang
    report = state.get("report", from_url.report)
    state["report"] = report if report in ("", *reports) else ""  # the file changed
    state["places"] = [p for p in state.get("places", from_url.places) if p in places]
    state["areas"] = [a for a in state.get("areas", from_url.areas) if a in areas]
    state["statuses"] = list(state.get("statuses", from_url.statuses))
    state["query"] = state.get("query", from_url.query)
    state["clean"] = state.get("clean", from_url.clean)


def sidebar_filters(data: DashboardData) -> Filters:
    """Return the filters chosen in the sidebar, first set from the URL's parameters."""
    reports = data.report_choices()
    areas = [a.id for a in data.result.targets.areas]
    places = place_choices(data.frame)
    from_url = filters_from_params(url_params(), reports, areas, places)
    keep_filter_widgets(from_url, reports, areas, places)
    place_names = dict(zip(data.frame["place"], data.frame["place_en"], strict=False))
    area_names = {a.id: a for a in data.result.targets.areas}
    with st.sidebar:
        # never None: keep_filter_widgets gave the widget a language before it was drawn
        lang = (
            st.segmented_control(
                t("language", st.session_state["lang"]),
                LANGUAGES,
                format_func=lambda code: LANGUAGE_NAMES[code],
                key="lang",
            )
            or from_url.lang
        )
        st.subheader(t("filters", lang))
        offered = set(reports)
        short_labels = report_labels(
            [r for r in data.result.targets.reports if r.id in offered], lang
        )
        if len(places) > 1:
            st.multiselect(
                t("filter_place", lang),
                places,
                format_func=lambda p: p if lang == "zh" else place_names.get(p) or p,
                key="places",
                placeholder="—",
            )
        st.selectbox(
            t("filter_report", lang),
            ["", *reports],
            format_func=lambda c: _report_label(c, data, lang, short_labels),
            key="report",
        )
        st.multiselect(
            t("filter_area", lang),
            areas,
            format_func=lambda a: (
                f"{area_names[a].chapter or ''}{area_names[a].name}"
                if lang == "zh"
                else area_names[a].name_en
            ),
            key="areas",
            placeholder="—",
        )
        st.multiselect(
            t("filter_status", lang),
            list(STATUSES),
            format_func=lambda s: status_label(s, lang),
            key="statuses",
            placeholder="—",
        )
        st.text_input(
            t("filter_search", lang),
            key="query",
            help=t("filter_search_help", lang),
            max_chars=200,
        )
        st.button(t("clear_filters", lang), on_click=_clear_filters)
        st.divider()
        st.toggle(
            t("clean_layout", lang),
            key="clean",
            help=t("clean_layout_help", lang),
        )
        st.caption(t("share_link", lang))
    return Filters(
        lang=lang,
        report=st.session_state["report"] if st.session_state["report"] in reports else "",
        places=tuple(p for p in st.session_state["places"] if p in places),
        areas=tuple(a for a in st.session_state["areas"] if a in areas),
        statuses=tuple(st.session_state["statuses"]),
        query=(st.session_state["query"] or "").strip(),
        clean=bool(st.session_state["clean"]),
        commitment=from_url.commitment,
    )


def url_params() -> dict[str, list[str]]:
    """Return every value of every URL parameter (a parameter may be repeated)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def show_ignored_params(data: DashboardData, lang: str) -> None:
    """Name, in a small notice, the URL parameters and values the dashboard ignored."""
    reports = data.report_choices()
    areas = [a.id for a in data.result.targets.areas]
    ignored = ignored_params(url_params(), reports, areas, place_choices(data.frame))
    if ignored:
        items = ", ".join(literal(item) for item in ignored)  # text, never Markdown
        st.caption(t("url_ignored", lang, items=items))


def _clear_filters() -> None:
    """Reset the report, place, area, status and search filters."""
    for key, empty in (
        ("report", ""),
        ("places", []),
        ("areas", []),
        ("statuses", []),
        ("query", ""),
    ):
        st.session_state[key] = empty


def _leave_clean_layout() -> None:
    """Switch the clean layout off."""
    st.session_state["clean"] = False


def asked_commitment(context: PageContext) -> str:
    """Return the commitment the reader asked for: last chosen on its page, else the URL's id."""
    return st.session_state.get(CHOICE_KEY) or context.filters.commitment


def commitment_choice(context: PageContext) -> tuple[list[str], str | None]:
    """Return the commitment page's choices and the id it shows (see detail.choose_commitment)."""
    shown = context.rows["id"].head(MAX_CHOICES).tolist() if not context.rows.empty else []
    known = set(context.data.frame["id"]) if not context.data.frame.empty else set()
    return choose_commitment(shown, known, asked_commitment(context))


def show_commitment(commitment_id: str) -> None:
    """Make the commitment page show a commitment on the next run (a button's callback)."""
    st.session_state[CHOICE_KEY] = commitment_id


def sync_url(context: PageContext, on_commitment_page: bool) -> None:
    """Write the filters, and the commitment shown on its page, into the URL (its only writer)."""
    commitment = ""
    if on_commitment_page:
        commitment = commitment_choice(context)[1] or context.filters.commitment
    wanted = params_from_filters(replace(context.filters, commitment=commitment))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_problems(data: DashboardData, lang: str) -> None:
    """Show the problems of targets.yaml at the top: a summary, then every file:line message;
    errors first, then warnings (drafts to review), which leave their records in."""
    result = data.result
    for kept in result.kept:
        st.warning(kept_banner(kept, lang))
    if not result.problems:
        return
    name = Path(data.targets_file).name or "targets.yaml"
    errors, warnings = result.errors, result.warnings
    if result.unreadable:
        st.error(t("problems_unreadable", lang, file=name))
    elif errors:
        st.error(
            t(
                "problems_title",
                lang,
                file=name,
                count=len(errors),
                valid=len(result.targets.commitments),
            )
        )
    if errors:
        _problem_lines(errors, lang)
    if warnings:
        st.warning(t("warnings_title", lang, file=name, count=len(warnings)))
        _problem_lines(warnings, lang, expanded=False)


def kept_banner(kept: KeptVersion, lang: str) -> str:
    """Return the banner of a file shown as its last good version: the problem with its line,
    and when that version was saved."""
    problem = escape_markdown(str(kept.problems[0])) if kept.problems else ""
    saved = (
        dt.datetime.fromtimestamp(kept.saved_at).strftime("%Y-%m-%d %H:%M:%S")
        if kept.saved_at
        else t("saved_unknown", lang)
    )
    return t("kept_last_good", lang, file=escape_markdown(kept.file), problem=problem, saved=saved)


def _problem_lines(problems: list, lang: str, expanded: bool | None = None) -> None:
    """Show problems one file:line message a line, in an expander."""
    lines = [str(p) for p in problems[:MAX_PROBLEMS_SHOWN]]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"… +{len(problems) - MAX_PROBLEMS_SHOWN}")
    open_it = len(problems) <= 10 if expanded is None else expanded
    with st.expander(t("problems_how", lang), expanded=open_it):
        st.code("\n".join(lines), language=None, wrap_lines=True)


def prepare() -> PageContext:
    """Return this run's context: load the data, draw the sidebar and the problem list."""
    data = load_data()
    filters = sidebar_filters(data)
    context = PageContext(data, filters, apply_filters(data.frame, filters))
    st.session_state[CONTEXT_KEY] = context
    if filters.clean:
        st.html(CLEAN_LAYOUT_CSS)
    show_problems(data, filters.lang)
    show_ignored_params(data, filters.lang)
    return context


def clean_layout_exit(context: PageContext) -> None:
    """Show the way out of the clean layout at the foot of the page."""
    if context.filters.clean:
        st.button(t("exit_clean_layout", context.lang), on_click=_leave_clean_layout)


def context() -> PageContext:
    """Return the context the entrypoint prepared for this run."""
    return st.session_state[CONTEXT_KEY]
