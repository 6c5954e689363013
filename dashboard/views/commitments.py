"""Commitments: the filtered table (cards on a phone), the filters in force named, downloadable
as CSV and XLSX; a row opens its page."""

import streamlit as st

from dashboard.components import commitments_table
from dashboard.escape import escape_markdown
from dashboard.i18n import t
from dashboard.layout import clean_layout_exit, context
from dashboard.views.briefing_parts import page_scope

page = context()
scope = page_scope(page)
st.title(t("table_title", page.lang))
if scope.headline:  # the filters in force, and the whole record's counts
    st.caption(escape_markdown(f"{scope.headline} ({scope.record})"))
commitments_table(page, key="commitments-table", phone=scope.phone)
clean_layout_exit(page)
