"""Overview: counts by status, status by area, the scorecard, amounts and rates against target."""

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
from dashboard.scope import record_subtitle
from dashboard.views.briefing_parts import chart, counts_grid, page_scope, scorecard

page = context()
lang, rows = page.lang, page.rows
scope = page_scope(page)

st.title(t("app_title", lang))
st.caption(escape_markdown(record_subtitle(page.data.declared, lang, page.data.plan_ids())))
counts_grid(page, scope)
if not page.filters.clean:
    with st.popover(t("status_rules_button", lang)):
        st.markdown(status_rules_markdown(lang))

if rows.empty:
    st.info(t("no_commitments", lang))
else:
    chart(page, scope, "status-by-area", status_by_area_figure)
    scorecard(page, scope)
    # charts are chosen from the rows they are built from (once per view)
    plotted = page.derived("plotted", lambda: plotted_charts(without_drafts(rows), lang))
    for noun, name, build in (
        ("amounts", "percent-of-target", percent_of_target_figure),
        ("rates", "rates", rates_figure),
    ):
        sentence, drawn = plotted[noun]
        if sentence:
            st.info(escape_markdown(sentence))
        elif drawn:
            chart(page, scope, name, build)
clean_layout_exit(page)
