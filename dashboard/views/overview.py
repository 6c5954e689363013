"""Overview: counts by status, status by area, target against outcome, headline indicators."""

import streamlit as st

from dashboard.charts import (
    chart_config,
    counted,
    headline_figure,
    headline_rows,
    numeric_rows,
    percent_of_target_figure,
    status_by_area_figure,
    status_counts,
    without_drafts,
)
from dashboard.components import commitments_table
from dashboard.i18n import status_label, status_rules_markdown, t
from dashboard.layout import clean_layout_exit, context

page = context()
lang, rows = page.lang, page.rows

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

counts = status_counts(rows)  # drafts to review are left out until reviewed
reviewed = without_drafts(rows)
cells = st.columns(len(counts) + 1)
cells[0].metric(t("count_total", lang), len(reviewed))
for cell, (status, count) in zip(cells[1:], counts.items(), strict=True):
    cell.metric(status_label(status, lang), count)
if len(reviewed) < len(rows):
    st.caption(t("drafts_not_counted", lang, count=len(rows) - len(reviewed)))
if not page.filters.clean:
    with st.popover(t("status_rules_button", lang)):
        st.markdown(status_rules_markdown(lang))

if reviewed.empty:
    st.info(t("no_commitments", lang))
else:
    st.plotly_chart(
        page.chart("status-by-area", counted(status_by_area_figure)),
        config=chart_config("status-by-area", lang, page.as_of),
        key="chart-status-by-area",
    )
    if not numeric_rows(reviewed).empty:
        st.plotly_chart(
            page.chart("percent-of-target", counted(percent_of_target_figure)),
            config=chart_config("percent-of-target", lang, page.as_of),
            key="chart-percent-of-target",
        )
    if not headline_rows(reviewed).empty:
        st.plotly_chart(
            page.chart("headline", counted(headline_figure)),
            config=chart_config("headline-indicators", lang, page.as_of),
            key="chart-headline",
        )
    commitments_table(page, key="overview-table", downloads=False)
clean_layout_exit(page)
