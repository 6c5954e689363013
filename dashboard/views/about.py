"""Rules and sources: the status rules, the documents every figure comes from, the exclusions."""

import pandas as pd
import streamlit as st

from dashboard.i18n import status_rules_markdown, t
from dashboard.layout import clean_layout_exit, context

page = context()
lang = page.lang
targets = page.data.result.targets

st.title(t("page_about", lang))
st.markdown(status_rules_markdown(lang))

st.subheader(t("reports_heading", lang), anchor=False)
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col_report", lang): r.title if lang == "zh" else r.title_en,
                t("col_date", lang): str(r.date),
                t("col_publisher", lang): r.publisher or "",
                t("col_file", lang): r.file or r.url or "",
            }
            for r in targets.reports
        ]
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(t("exclusions_heading", lang), anchor=False)
st.write(t("exclusions_intro", lang))
titles = {r.id: (r.title if lang == "zh" else r.title_en) for r in targets.reports}
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col_report", lang): titles.get(e.report, e.report),
                t("col_figure", lang): e.figure,
                t("col_quote", lang): e.quote,
                t("col_reason", lang): e.reason,
            }
            for e in targets.exclusions
        ],
        columns=[t(k, lang) for k in ("col_report", "col_figure", "col_quote", "col_reason")],
    ),
    hide_index=True,
    width="stretch",
)
clean_layout_exit(page)
