"""What every page shares: the sidebar's filters, the problem list, the clean layout.

The entrypoint calls `prepare()` once per run; pages call `context()` to get the data and the
filters, then draw with tested pure functions (charts, tables, detail). What the filters,
widgets and URL hold between runs is `dashboard.state`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from dashboard.data import DashboardData, load_cached
from dashboard.escape import escape_markdown, literal
from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_params,
    ignored_params,
    report_labels,
)
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, status_label, t
from dashboard.state import (
    PageContext,
    chosen_chart,
    clear_filters,
    keep_filter_widgets,
    leave_clean_layout,
    report_label,
    url_params,
)
from loaders import STATUSES, KeptVersion, targets_path

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


def load_data() -> DashboardData:
    """Return the dashboard's data for $TARGETS_FILE (or targets.yaml), cached by content."""
    return load_cached(targets_path(), as_of=dt.date.today())


def sidebar_filters(data: DashboardData) -> Filters:
    """Return the filters chosen in the sidebar, first set from the URL's parameters."""
    reports = data.report_choices()
    areas = [a.id for a in data.declared.areas]
    places, place_names = data.places()
    from_url = filters_from_params(url_params(), reports, areas, places)
    keep_filter_widgets(from_url, reports, areas, places)
    area_names = {a.id: a for a in data.declared.areas}
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
        short_labels = report_labels([r for r in data.declared.reports if r.id in offered], lang)
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
            format_func=lambda c: report_label(c, data, lang, short_labels),
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
        st.button(t("clear_filters", lang), on_click=clear_filters)
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
        chart=chosen_chart(from_url.chart),
    )


def show_ignored_params(data: DashboardData, lang: str) -> None:
    """Name, in a small notice, the URL parameters and values the dashboard ignored."""
    reports = data.report_choices()
    areas = [a.id for a in data.declared.areas]
    ignored = ignored_params(url_params(), reports, areas, data.places()[0])
    if ignored:
        items = ", ".join(literal(item) for item in ignored)  # text, never Markdown
        st.caption(t("url_ignored", lang, items=items))


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
                valid=result.counts.commitments,
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
        st.button(t("exit_clean_layout", context.lang), on_click=leave_clean_layout)


def context() -> PageContext:
    """Return the context the entrypoint prepared for this run."""
    return st.session_state[CONTEXT_KEY]
