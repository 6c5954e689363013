"""The page's state: the reader's filters, the sidebar's widgets, the URL's query parameters.

`PageContext` is one run's data, filters and filtered rows (its charts and scope cached in
`dashboard.cache`). `keep_filter_widgets` gives each widget its value before it is drawn (the
reader's, else the URL's); `sync_url` is the only code that writes `st.query_params`; the
commitment page shows `commitment_choice` (the reader's last choice, else the URL's `id`).
The sidebar that draws the widgets is in `dashboard.layout`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.chart_keys import chart_rows, scope_digest
from dashboard.charts import without_drafts
from dashboard.data import DashboardData
from dashboard.detail import MAX_CHOICES, choose_commitment
from dashboard.filters import Filters, params_from_filters
from dashboard.i18n import LANGUAGES, t
from dashboard.overview_tabs import CHART_TAB_LABELS, OVERVIEW_CHARTS
from dashboard.saved_state import kept_chart
from dashboard.scope import ChartScope, chart_scope, with_filters
from dashboard.sources import titled_with_place

CHOICE_KEY = "commitment_choice"  # the commitment page's chooser
CHART_TAB_KEY = "overview_chart"  # the overview's chart tabs (their label)
#: (the first tab's label, the chart it stands in for) while the filters leave that chart out
CHART_STAND_IN_KEY = "_overview_chart_stand_in"
ChartBuilder = Callable[[pd.DataFrame, ChartScope], Any]  # (rows, scope) -> a figure


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
        rows = functools.partial(chart_rows, self.rows, self.lang)  # made only when not cached
        rows_key = cache.rows_digest(self.data.key, self.rows_key, self.lang, rows)
        reports = cache.reports_digest(self.data.key, self.data.result)
        scope_key = scope_digest(scope, reports)
        saved = functools.partial(
            kept_chart, self.data.targets_file, f"{name} {rows_key} {scope_key}", build
        )
        return cache.chart(name, rows_key, scope_key, saved, rows, scope)

    def derived(self, name: str, make: Callable[[], Any]) -> Any:
        """Return make(): what the page derives from this view's rows, once per data, filters
        and language."""
        return cache.view_value(name, self.data.key, self.rows_key, self.lang, make)

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
        data.declared,
        context.rows,
        lang,
        context.as_of,
        filters.areas,
        width,
        plan_ids=data.plan_ids(),
    )
    report = report_label(filters.report, data, lang) if filters.report else ""
    shown = len(without_drafts(context.rows))
    return with_filters(scope, filters, without_drafts(data.frame), shown, report)


def report_label(
    choice: str, data: DashboardData, lang: str, short: dict[str, str] | None = None
) -> str:
    """Return how a report choice is named: all, a report (its place and year in the filter,
    short enough never to be cut; its title, led by its place, in headlines), or a year."""
    if not choice:
        return t("all_reports", lang)
    if choice.isdigit():
        return f"{choice}年" if lang == "zh" else f"Year {choice}"
    report = data.declared.report(choice)
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


def url_params() -> dict[str, list[str]]:
    """Return every value of every URL parameter (a parameter may be repeated)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def clear_filters() -> None:
    """Reset the report, place, area, status and search filters."""
    for key, empty in (
        ("report", ""),
        ("places", []),
        ("areas", []),
        ("statuses", []),
        ("query", ""),
    ):
        st.session_state[key] = empty


def leave_clean_layout() -> None:
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


def chosen_chart(from_url: str) -> str:
    """Return the overview's chart the reader chose (its tab's label, in either language: a
    language switch renames the tabs), else the URL's; "" for the first. A chart the filters
    left out stays chosen while the first stands in for it."""
    state = st.session_state
    label = state.get(CHART_TAB_KEY)
    stand_in = state.get(CHART_STAND_IN_KEY)
    if stand_in and label == stand_in[0]:
        return stand_in[1]
    names = {t(key, lang): name for name, key in CHART_TAB_LABELS.items() for lang in LANGUAGES}
    name = names.get(label, from_url) if isinstance(label, str) else from_url
    return "" if name == OVERVIEW_CHARTS[0] else name


def open_chart_tab(names: Sequence[str], labels: Sequence[str], asked: str) -> str:
    """Return the name of the overview's chart to open, its tab's label set for the tabs: the
    asked one when the view has it, else the first (standing in for it until the reader picks
    a tab or the filters bring it back)."""
    name = asked if asked in names else names[0]
    st.session_state[CHART_TAB_KEY] = labels[list(names).index(name)]
    st.session_state[CHART_STAND_IN_KEY] = (labels[0], asked) if name != asked else None
    return name


def sync_url(context: PageContext, on_commitment_page: bool) -> None:
    """Write the filters, and the commitment shown on its page, into the URL (its only writer)."""
    commitment = ""
    if on_commitment_page:
        commitment = commitment_choice(context)[1] or context.filters.commitment
    wanted = params_from_filters(replace(context.filters, commitment=commitment))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
