"""Overview: counts by status, status by area, target against outcome, headline indicators."""

import streamlit as st

from dashboard.charts import (
    chart_config,
    headline_figure,
    headline_rows,
    numeric_rows,
    percent_of_target_figure,
    status_by_area_figure,
)
from dashboard.components import commitments_table
from dashboard.i18n import status_label, status_rules_markdown, t
from dashboard.layout import clean_layout_exit, context
from loaders.status import STATUSES

page = context()
lang, rows = page.lang, page.rows

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

counts = rows["status"].value_counts() if not rows.empty else {}
cells = st.columns(len(STATUSES) + 1)
cells[0].metric(t("count_total", lang), len(rows))
for cell, status in zip(cells[1:], STATUSES, strict=True):
    cell.metric(status_label(status, lang), int(counts.get(status, 0)))
if not page.filters.clean:
    with st.popover(t("status_rules_button", lang)):
        st.markdown(status_rules_markdown(lang))

if rows.empty:
    st.info(t("no_commitments", lang))
else:
    st.plotly_chart(
        page.chart("status-by-area", status_by_area_figure),
        config=chart_config("status-by-area", lang, page.as_of),
        key="chart-status-by-area",
    )
    if not numeric_rows(rows).empty:
        st.plotly_chart(
            page.chart("percent-of-target", percent_of_target_figure),
            config=chart_config("percent-of-target", lang, page.as_of),
            key="chart-percent-of-target",
        )
    if not headline_rows(rows).empty:
        st.plotly_chart(
            page.chart("headline", headline_figure),
            config=chart_config("headline-indicators", lang, page.as_of),
            key="chart-headline",
        )
    commitments_table(page, key="overview-table", downloads=False)
clean_layout_exit(page)
