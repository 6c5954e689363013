"""Commitments: the filtered table, downloadable as CSV and XLSX; a row opens its page."""

import streamlit as st

from dashboard.components import commitments_table
from dashboard.i18n import t
from dashboard.layout import clean_layout_exit, context

page = context()
st.title(t("table_title", page.lang))
commitments_table(page, key="commitments-table")
clean_layout_exit(page)
