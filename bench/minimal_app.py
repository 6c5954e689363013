"""The floor the dashboard is compared with: one filter, one table, one Plotly chart of the same rows.

It reads $TARGETS_FILE with bare libyaml (no validation, no quote check), cached by content
hash, and plots commitments counted by area and year — aggregated, as the dashboard must.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import yaml

COLUMNS = ["id", "report", "year", "area", "title", "op", "target", "unit"]


@st.cache_data(show_spinner=False)
def rows_of(path: str, digest: str) -> pd.DataFrame:
    """Return one row per commitment of the file with this content hash."""
    data = yaml.load(Path(path).read_bytes(), Loader=yaml.CSafeLoader)
    rows = [
        (
            c.get("id"),
            c.get("report"),
            c.get("year"),
            c.get("area"),
            c.get("title"),
            c["target"].get("op"),
            c["target"].get("value"),
            c["target"].get("unit"),
        )
        for c in data.get("commitments") or []
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def content_digest(path: Path) -> str:
    """Return a hash of the file's bytes."""
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


path = Path(os.environ.get("TARGETS_FILE") or "targets.yaml")
frame = rows_of(str(path), content_digest(path))
areas = ["all", *sorted(frame["area"].dropna().unique())]
area = st.selectbox("Area", areas)
shown = frame if area == "all" else frame[frame["area"] == area]
counts = shown.groupby(["area", "year"]).size().reset_index(name="commitments")
figure = go.Figure()
for year, group in counts.groupby("year"):
    figure.add_bar(x=group["area"], y=group["commitments"], name=str(year))
figure.update_layout(barmode="stack", height=360)
st.plotly_chart(figure)
st.dataframe(shown, hide_index=True)
