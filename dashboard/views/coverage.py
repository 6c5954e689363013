"""Coverage: per report, how many of the plan's quantitative commitments targets.yaml tracks."""

import streamlit as st

from dashboard.coverage import by_report_date, coverage_title, structure_warning, untracked_table
from dashboard.escape import escape_markdown
from dashboard.i18n import t
from dashboard.layout import clean_layout_exit, context

page = context()
lang = page.lang
targets = page.data.result.targets

st.title(t("page_coverage", lang))
st.write(t("coverage_intro", lang))
warning = structure_warning(page.data.report_warnings(), lang)
if warning:
    st.warning(warning)
items = by_report_date(page.data.coverage(), targets)
if not items:
    st.info(t("coverage_unavailable", lang))
for item in items:
    st.subheader(escape_markdown(coverage_title(item, targets, lang)), anchor=False)
    st.progress(item.tracked / item.quantitative if item.quantitative else 1.0)
    st.caption(t("coverage_excluded", lang, count=item.excluded))
    if item.complete:
        st.success(t("coverage_all_tracked", lang))
    else:
        st.warning(t("coverage_untracked", lang))
        st.dataframe(untracked_table(item, lang), hide_index=True, width="stretch")
clean_layout_exit(page)
