"""Overview: counts by status; one chart at a time (status by area, amounts against target, rates
against target) in tabs; the scorecard."""

import streamlit as st

from dashboard.charts import (
    percent_of_target_figure,
    plotted_charts,
    rates_figure,
    status_by_area_figure,
    without_drafts,
)
from dashboard.escape import escape_markdown
from dashboard.i18n import status_rules_markdown, t
from dashboard.layout import clean_layout_exit, context
from dashboard.overview_tabs import CHART_TAB_LABELS, overview_charts
from dashboard.scope import record_subtitle
from dashboard.state import CHART_TAB_KEY, open_chart_tab
from dashboard.views.briefing_parts import (
    chart,
    chart_figure,
    counts_grid,
    page_scope,
    scorecard,
    scorecard_rows,
)

#: what builds each chart of the overview
CHART_BUILDERS = {
    "status-by-area": status_by_area_figure,
    "percent-of-target": percent_of_target_figure,
    "rates": rates_figure,
}

page = context()
lang, rows = page.lang, page.rows
scope = page_scope(page)

# what the page shows is made before anything is drawn: the browser then gets the page's
# elements in one burst and redraws it once, not once more for each pause while the server
# builds a chart or a table (issue 26: a filter change in the browser)
if not rows.empty:
    # one chart at a time: only the open tab's chart is built and drawn (once per view)
    plotted = page.derived("plotted", lambda: plotted_charts(without_drafts(rows), lang))
    shown = overview_charts(plotted)
    names = [name for name, _ in shown]
    labels = [t(CHART_TAB_LABELS[name], lang) for name in names]
    opened = open_chart_tab(names, labels, page.filters.chart)
    sentence = dict(shown)[opened]
    figure = None if sentence else chart_figure(page, scope, opened, CHART_BUILDERS[opened])
    table = scorecard_rows(page, scope)

st.title(t("app_title", lang))
st.caption(escape_markdown(record_subtitle(page.data.declared, lang, page.data.plan_ids())))
counts_grid(page, scope)
if not page.filters.clean:
    with st.popover(t("status_rules_button", lang)):
        st.markdown(status_rules_markdown(lang))

if rows.empty:
    st.info(t("no_commitments", lang))
else:
    tabs = st.tabs(labels, key=CHART_TAB_KEY, on_change="rerun")
    with tabs[names.index(opened)]:
        if sentence:
            st.info(escape_markdown(sentence))
        else:
            chart(page, scope, opened, figure)
    scorecard(page, scope, table)
clean_layout_exit(page)
