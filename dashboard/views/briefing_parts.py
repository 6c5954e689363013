"""Pieces of the overview a briefing uses: the counts as a compact grid, charts fitted to the
reader's screen, and the scorecard with its one-click 16:9 images (made on the server)."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.cards import cards_html
from dashboard.chart_layout import chart_config
from dashboard.charts import status_counts, without_drafts
from dashboard.components import open_commitment
from dashboard.escape import escape_markdown
from dashboard.filters import params_from_filters
from dashboard.findings import count_text, counts_finding
from dashboard.i18n import t
from dashboard.image_export import figure_png, unavailable_reason
from dashboard.scope import ChartScope, file_stem, width_for
from dashboard.scorecard import (
    SLIDE_HEIGHT,
    SLIDE_SCALE,
    SLIDE_WIDTH,
    scorecard_figure,
    scorecard_table,
    verdict,
)
from dashboard.state import PageContext
from dashboard.tables import chart_data, csv_bytes
from dashboard.tiles import count_tiles_html
from loaders import STATUSES

PNG = "image/png"


def page_scope(page: PageContext) -> ChartScope:
    """Return the scope of this page's charts: filters, language, and the reader's screen width."""
    try:
        agent = st.context.headers.get("User-Agent")
    except Exception:  # no request headers (e.g. under AppTest)
        agent = None
    return page.scope(width_for(agent))


def counts_grid(page: PageContext, scope: ChartScope) -> None:
    """Show the counts' finding, then how many reviewed commitments are in view and how many
    have each status, as a grid of tiles in the status colours; a status filtered out shows
    "—", and a filtered view gives the whole record's counts; drafts are left out until
    reviewed, and a caption says how many."""
    rows = page.rows
    counts = status_counts(rows)
    reviewed = without_drafts(rows)
    st.subheader(escape_markdown(scope.headline or counts_finding(counts, page.lang)), anchor=False)
    if scope.record:
        st.caption(escape_markdown(scope.record))
    tiles = [("total", t("count_total", page.lang), count_text(len(reviewed)))] + [
        (
            status,
            verdict(status, page.lang),
            count_text(counts[status]) if not scope.statuses or status in scope.statuses else "—",
        )
        for status in STATUSES
    ]
    st.html(count_tiles_html(tiles))
    if len(reviewed) < len(rows):
        st.caption(t("drafts_not_counted", page.lang, count=len(rows) - len(reviewed)))


def chart_figure(page: PageContext, scope: ChartScope, name: str, build) -> Any:
    """Return a chart built for this scope (once per filters, language and width)."""
    return page.chart(name, lambda rows, scope: build(without_drafts(rows), scope), scope)


def chart(page: PageContext, scope: ChartScope, name: str, figure: Any) -> None:
    """Show a chart made by chart_figure, and its data as CSV."""
    config = chart_config(name, scope, figure)
    st.plotly_chart(figure, config=config, theme=None, key=f"chart-{name}")
    reports = page.data.declared.reports_by_id
    st.download_button(
        t("chart_data", page.lang),
        lambda: csv_bytes(chart_data(name, without_drafts(page.rows), page.lang, reports)),
        file_name=f"{file_stem(scope, name)}-data.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"chart-data-{name}",
    )


#: the scorecard table's rows at most (missed first): a province's 51,000 commitments would take
#: seconds to write out and nobody reads them in a table; the filters and the CSV give the rest
SCORECARD_ROWS = 1000


def scorecard_rows(page: PageContext, scope: ChartScope) -> pd.DataFrame:
    """Return the scorecard table's rows for this scope (missed first, SCORECARD_ROWS at most;
    once per filters and language)."""
    return page.chart(
        f"scorecard-table-{SCORECARD_ROWS}",
        lambda rows, scope: scorecard_table(without_drafts(rows), scope, SCORECARD_ROWS),
        scope,
    )


def scorecard(page: PageContext, scope: ChartScope, table: pd.DataFrame) -> None:
    """Show the scorecard table made by scorecard_rows (a row opens its commitment) and its
    one-click PNG downloads."""
    lang = page.lang
    st.subheader(t("scorecard_heading", lang), anchor=False)
    reviewed = len(without_drafts(page.rows))
    if reviewed > len(table):
        st.caption(t("scorecard_first_rows", lang, shown=len(table), count=reviewed))
    if scope.phone:  # a wide table shows only its first column on a phone: cards instead
        params = params_from_filters(page.filters)
        st.html(cards_html(without_drafts(page.rows), lang, params, SCORECARD_ROWS))
    else:
        ids = list(table[t("col_id", lang)])
        event = st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="single-row",
            key="scorecard-table",
        )
        selected = event.selection.rows if event is not None else []
        if selected:
            open_commitment(page, ids[selected[0]])
    reason = unavailable_reason()
    if reason:
        st.caption(t("images_unavailable", lang, reason=reason))
        return
    images = st.container(horizontal=True)
    for name, briefing in (("scorecard", False), ("briefing", True)):
        images.download_button(
            t(f"download_{name}", lang),
            functools.partial(slide_png, page, scope, briefing),
            file_name=file_stem(scope, name) + ".png",
            mime=PNG,
            on_click="ignore",
            key=f"download-{name}",
        )


def slide_png(page: PageContext, scope: ChartScope, briefing: bool) -> bytes:
    """Return the scorecard or briefing image as a 16:9 PNG, made once per filters and language."""
    name = "briefing-png" if briefing else "scorecard-png"
    return page.chart(
        name,
        lambda rows, scope: figure_png(
            scorecard_figure(without_drafts(rows), scope, briefing),
            SLIDE_WIDTH,
            SLIDE_HEIGHT,
            SLIDE_SCALE,
        ),
        scope,
    )
