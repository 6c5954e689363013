"""The dashboard: `streamlit run dashboard/app.py` (first light; the full app is issue 4)."""

import datetime as dt

import pandas as pd
import streamlit as st

from loaders.export import commitment_rows
from loaders.validate import load_targets, targets_path

st.set_page_config(page_title="Work-report targets", layout="wide")
path = targets_path()
result = load_targets(path)
st.title("Work-report targets")
for problem in result.problems:
    st.error(str(problem))
st.dataframe(pd.DataFrame(commitment_rows(result.targets, dt.date.today())))
