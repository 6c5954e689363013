"""Pieces several pages draw: the commitments table with its downloads and row selection."""

from __future__ import annotations

import streamlit as st

from dashboard.cards import cards_html
from dashboard.filters import params_from_filters
from dashboard.findings import filter_slug
from dashboard.i18n import t
from dashboard.sources import newest_date, outcome_reports, plan_reports
from dashboard.state import PageContext
from dashboard.tables import csv_bytes, export_table, xlsx_bytes

COMMITMENT_PAGE = "views/commitment.py"
MAX_CARDS = 500  # cards shown on a phone; the filters and the downloads give the rest


def commitments_table(
    context: PageContext, key: str, downloads: bool = True, phone: bool = False
) -> None:
    """Show the filtered commitments (as cards on a phone); a selected row opens the
    commitment's page."""
    lang = context.lang
    table = context.data.table(lang, context.rows)
    if table.empty:
        st.info(t("no_commitments", lang))
        return
    if phone:
        params = params_from_filters(context.filters)
        st.html(cards_html(context.rows, lang, params, MAX_CARDS))
        if len(context.rows) > MAX_CARDS:
            st.caption(t("cards_first", lang, shown=MAX_CARDS, count=len(context.rows)))
    else:
        table_with_selection(context, table, key)
    if downloads:
        download_buttons(context, key)


def table_with_selection(context: PageContext, table, key: str) -> None:
    """Show the commitments' table; a selected row opens the commitment's page."""
    lang = context.lang
    if not context.filters.clean:
        st.caption(t("pick_row_hint", lang))
    event = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key=key,
        column_config={t("col_quote", lang): st.column_config.TextColumn(width="large")},
    )
    selected = event.selection.rows if event is not None else []
    if selected:
        commitment_id = table.iloc[selected[0]][t("col_id", lang)]
        open_commitment(context, commitment_id)


def download_buttons(context: PageContext, key: str) -> None:
    """Show the CSV and XLSX downloads of the filtered commitments, named for the filters."""
    lang = context.lang
    stem = download_stem(context)
    left, right, _ = st.columns([1, 1, 2])
    left.download_button(
        t("download_csv", lang),
        lambda: csv_bytes(downloads_table(context)),
        file_name=f"{stem}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{key}-csv",
    )
    right.download_button(
        t("download_xlsx", lang),
        lambda: xlsx_bytes(downloads_table(context)),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key=f"{key}-xlsx",
    )


def download_stem(context: PageContext) -> str:
    """Return the downloads' file name without extension: the filters in force, language and
    the newest date among the sources the rows cite."""
    f = context.filters
    named = filter_slug(f.statuses, f.areas, f.query, f.report)
    reports = context.data.declared.reports_by_id
    cited = [*plan_reports(context.rows, reports), *outcome_reports(context.rows, reports)]
    parts = ["work-report-commitments", named, context.lang, newest_date(cited) or context.as_of]
    return "-".join(part for part in parts if part)


def downloads_table(context: PageContext):
    """Return what the downloads hold: the readable columns and the figures as numbers."""
    return export_table(context.rows, context.lang, context.data.declared.reports_by_id)


def open_commitment(context: PageContext, commitment_id: str) -> None:
    """Switch to a commitment's page, keeping the filters in the URL."""
    params = params_from_filters(context.filters)
    params["id"] = commitment_id
    st.switch_page(COMMITMENT_PAGE, query_params=params)
