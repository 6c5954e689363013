"""Coverage: per report, how many of the plan's quantitative commitments targets.yaml tracks."""

import streamlit as st

from dashboard.coverage import (
    COVERAGE_SHOWN,
    by_report_date,
    coverage_title,
    shown_in_detail,
    structure_warning,
    summary_table,
    untracked_table,
)
from dashboard.escape import escape_markdown
from dashboard.i18n import t
from dashboard.layout import clean_layout_exit, context

page = context()
lang = page.lang
targets = page.data.declared

st.title(t("page_coverage", lang))
st.write(t("coverage_intro", lang))
warning = structure_warning(page.data.report_warnings(), lang)
if warning:
    st.warning(warning)
items = by_report_date(page.data.coverage(), targets)
if not items:
    st.info(t("coverage_unavailable", lang))
show_all = True
if len(items) > COVERAGE_SHOWN:  # at scale: every report in one table, the first few in detail
    st.dataframe(summary_table(items, targets, lang), hide_index=True, width="stretch")
    show_all = st.toggle(t("coverage_show_all", lang, count=len(items)), key="coverage_all")
    if not show_all:
        st.caption(t("coverage_shown", lang, shown=COVERAGE_SHOWN, count=len(items)))
for item in shown_in_detail(items, show_all, COVERAGE_SHOWN):
    st.subheader(escape_markdown(coverage_title(item, targets, lang)), anchor=False)
    st.progress(item.tracked / item.quantitative if item.quantitative else 1.0)
    st.caption(t("coverage_excluded", lang, count=item.excluded))
    if item.complete:
        st.success(t("coverage_all_tracked", lang))
    else:
        st.warning(t("coverage_untracked", lang))
        st.dataframe(untracked_table(item, lang), hide_index=True, width="stretch")
clean_layout_exit(page)
