"""What every page shares: the sidebar's filters (kept in the URL), the problem list, the layout.

The entrypoint calls `prepare()` once per run; pages call `context()` to get the data and the
filters, then draw with tested pure functions (charts, tables, detail).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.data import DashboardData, load_cached
from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_params,
    ignored_params,
    params_from_filters,
    report_choices,
)
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, status_label, t
from loaders.status import STATUSES
from loaders.validate import targets_path

CONTEXT_KEY = "_page_context"
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
        return (f.report, f.areas, f.statuses, f.query)

    def chart(self, name: str, build) -> Any:
        """Return build(rows, lang, as_of), built once per chart, filters and language."""
        key = ("chart", name, self.rows_key, self.lang)
        return self.data.memo(key, lambda: build(self.rows, self.lang, self.as_of))

    @property
    def as_of(self) -> str:
        """Return the date statuses are computed for, as YYYY-MM-DD."""
        return self.data.as_of.isoformat()


def load_data() -> DashboardData:
    """Return the dashboard's data for $TARGETS_FILE (or targets.yaml), cached by content."""
    return load_cached(targets_path(), as_of=dt.date.today())


def _report_label(choice: str, data: DashboardData, lang: str) -> str:
    """Return how the report filter shows a choice: all, a report's title, or a year."""
    if not choice:
        return t("all_reports", lang)
    if choice.isdigit():
        return f"{choice}年" if lang == "zh" else f"Year {choice}"
    report = data.result.targets.report(choice)
    if report is None:
        return choice
    return report.title if lang == "zh" else report.title_en


FILTER_KEYS = ("lang", "report", "areas", "statuses", "query", "clean")


def _kept(key: str) -> str:
    """Return the session key that keeps a filter's value across pages."""
    return f"_kept_{key}"


def _remember(key: str) -> None:
    """Keep a widget's new value (Streamlit drops widget state when the page switches)."""
    if key == "lang" and not st.session_state[key]:  # clicking the chosen language again
        st.session_state[key] = st.session_state[_kept(key)]
    st.session_state[_kept(key)] = st.session_state[key]


def _restore_widgets(params: Filters, reports: list[str], areas: list[str]) -> None:
    """Give each filter widget its kept value, first taken from the URL once per session."""
    if not st.session_state.get("_seeded"):
        st.session_state["_seeded"] = True
        first = {
            "lang": params.lang,
            "report": params.report,
            "areas": list(params.areas),
            "statuses": list(params.statuses),
            "query": params.query,
            "clean": params.clean,
        }
        for key, value in first.items():
            st.session_state[_kept(key)] = value
    if st.session_state[_kept("report")] not in ("", *reports):  # the file changed
        st.session_state[_kept("report")] = ""
    st.session_state[_kept("areas")] = [a for a in st.session_state[_kept("areas")] if a in areas]
    for key in FILTER_KEYS:
        st.session_state[key] = st.session_state[_kept(key)]


def sidebar_filters(data: DashboardData) -> Filters:
    """Return the filters chosen in the sidebar, first set from the URL's parameters."""
    frame = data.frame
    reports = report_choices(frame, data.result.targets.reports_by_id)
    areas = [a.id for a in data.result.targets.areas]
    from_url = filters_from_params(url_params(), reports, areas)
    _restore_widgets(from_url, reports, areas)
    area_names = {a.id: a for a in data.result.targets.areas}
    with st.sidebar:
        lang = st.segmented_control(
            t("language", st.session_state["lang"]),
            LANGUAGES,
            format_func=LANGUAGE_NAMES.get,
            key="lang",
            on_change=_remember,
            args=("lang",),
        )
        lang = lang or st.session_state[_kept("lang")]
        st.subheader(t("filters", lang))
        st.selectbox(
            t("filter_report", lang),
            ["", *reports],
            format_func=lambda c: _report_label(c, data, lang),
            key="report",
            on_change=_remember,
            args=("report",),
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
            on_change=_remember,
            args=("areas",),
            placeholder="—",
        )
        st.multiselect(
            t("filter_status", lang),
            list(STATUSES),
            format_func=lambda s: status_label(s, lang),
            key="statuses",
            on_change=_remember,
            args=("statuses",),
            placeholder="—",
        )
        st.text_input(
            t("filter_search", lang),
            key="query",
            on_change=_remember,
            args=("query",),
            help=t("filter_search_help", lang),
            max_chars=200,
        )
        st.button(t("clear_filters", lang), on_click=_clear_filters)
        st.divider()
        st.toggle(
            t("clean_layout", lang),
            key="clean",
            on_change=_remember,
            args=("clean",),
            help=t("clean_layout_help", lang),
        )
        st.caption(t("share_link", lang))
    return Filters(
        lang=lang,
        report=st.session_state["report"] if st.session_state["report"] in reports else "",
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
    reports = report_choices(data.frame, data.result.targets.reports_by_id)
    areas = [a.id for a in data.result.targets.areas]
    ignored = ignored_params(url_params(), reports, areas)
    if ignored:
        items = ", ".join(f"`{item.replace('`', '')}`" for item in ignored)
        st.caption(t("url_ignored", lang, items=items))


def _clear_filters() -> None:
    """Reset the report, area, status and search filters."""
    for key, empty in (("report", ""), ("areas", []), ("statuses", []), ("query", "")):
        st.session_state[key] = st.session_state[_kept(key)] = empty


def _leave_clean_layout() -> None:
    """Switch the clean layout off."""
    st.session_state["clean"] = st.session_state[_kept("clean")] = False


def sync_url(filters: Filters, keep_commitment: bool) -> None:
    """Write the filters into the URL, so the view can be sent as a link."""
    wanted = params_from_filters(filters if keep_commitment else replace(filters, commitment=""))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_problems(data: DashboardData, lang: str) -> None:
    """Show the problems of targets.yaml at the top: a summary, then every file:line message."""
    result = data.result
    if not result.problems:
        return
    name = Path(data.targets_file).name or "targets.yaml"
    if result.unreadable:
        st.error(t("problems_unreadable", lang, file=name))
    else:
        st.error(
            t(
                "problems_title",
                lang,
                file=name,
                count=len(result.problems),
                valid=len(result.targets.commitments),
            )
        )
    lines = [str(p) for p in result.problems[:MAX_PROBLEMS_SHOWN]]
    if len(result.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"… +{len(result.problems) - MAX_PROBLEMS_SHOWN}")
    with st.expander(t("problems_how", lang), expanded=len(result.problems) <= 10):
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
