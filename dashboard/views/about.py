"""Rules and sources: the status rules, the documents every figure comes from, the exclusions.

The two tables are static and wrap their text, so no column is cut on a narrow screen; their
cells are Markdown-escaped (st.table renders Markdown).
"""

import streamlit as st

from dashboard.escape import escape_markdown
from dashboard.i18n import status_rules_markdown, t
from dashboard.layout import clean_layout_exit, context
from dashboard.tables import exclusions_table, source_links, sources_table

page = context()
lang = page.lang
targets = page.data.result.targets


def static_table(frame) -> None:
    """Show a table as static, wrapped text, every cell shown as written (no Markdown)."""
    shown = frame.map(lambda v: escape_markdown(str(v)))
    shown.columns = [escape_markdown(c) for c in shown.columns]
    st.table(shown.style.hide(axis="index"))


st.title(t("page_about", lang))
st.markdown(status_rules_markdown(lang))

st.subheader(t("reports_heading", lang), anchor=False)
static_table(sources_table(targets.reports, lang))
links = source_links(targets.reports, lang)
if len(links):
    st.subheader(t("links_heading", lang), anchor=False)
    address = links.columns[1]
    st.dataframe(
        links,
        hide_index=True,
        column_config={address: st.column_config.LinkColumn(address)},
    )

st.subheader(t("exclusions_heading", lang), anchor=False)
st.write(t("exclusions_intro", lang))
static_table(exclusions_table(targets, lang))
clean_layout_exit(page)
