"""Tables the dashboard shows and lets people download: in the reader's language, as CSV and XLSX."""

from __future__ import annotations

import io

import pandas as pd

from dashboard.i18n import format_quantity, status_label, t, target_in_words
from dashboard.measures import against_target

DISPLAY_COLUMNS = (
    "col_title",
    "col_area",
    "col_year",
    "col_target",
    "col_baseline",
    "col_latest",
    "col_status",
    "col_percent",
    "col_quote",
    "col_id",
)


#: the columns the per-row texts are made from
ROW_FIELDS = (
    "op",
    "target",
    "unit",
    "tolerance",
    "baseline_value",
    "baseline_year",
    "latest_value",
    "latest_year",
    "metric",
    "percent_of_target",
)


def baseline_text(row, lang: str) -> str:
    """Return a row's baseline as "18,000 (2021)", or empty when it has none."""
    if pd.isna(row.baseline_value):
        return ""
    return f"{format_quantity(row.baseline_value, row.unit, lang)} ({int(row.baseline_year)})"


def latest_text(row, lang: str) -> str:
    """Return a row's latest figure as "1.1% (2022)" or "done (2023)", or empty when none."""
    value = row.latest_value
    if value is None or (not isinstance(value, bool) and pd.isna(value)):
        return ""
    shown = t("done_value", lang) if value is True else format_quantity(value, row.unit, lang)
    return f"{shown} ({int(row.latest_year)})"


def display_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the commitments as the reader sees them: labelled columns, words for targets."""
    if frame.empty:
        return pd.DataFrame(columns=[t(key, lang) for key in DISPLAY_COLUMNS])
    english = lang == "en"
    rows = list(frame[list(ROW_FIELDS)].itertuples(index=False, name="Row"))  # one pass
    values = {
        "col_title": frame["title_en"] if english else frame["title"],
        "col_area": frame["area_name_en"] if english else frame["chapter"] + frame["area_name"],
        "col_year": frame["year"].astype(int),
        "col_target": [target_in_words(r.op, r.target, r.unit, r.tolerance, lang) for r in rows],
        "col_baseline": [baseline_text(r, lang) for r in rows],
        "col_latest": [latest_text(r, lang) for r in rows],
        "col_status": [status_label(s, lang) for s in frame["status"]],
        "col_percent": [against_target(r, lang) for r in rows],
        "col_quote": frame["quote"],
        "col_id": frame["id"],
    }
    return pd.DataFrame(
        {t(key, lang): list(values[key]) for key in DISPLAY_COLUMNS}, index=frame.index
    )


def csv_bytes(table: pd.DataFrame) -> bytes:
    """Return a table as CSV in UTF-8 with a byte-order mark, so Excel shows Chinese."""
    return table.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, sheet: str = "commitments") -> bytes:
    """Return a table as an Excel workbook with one sheet and readable column widths."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name=sheet)
        worksheet = writer.sheets[sheet]
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in table[column].head(200))])
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = min(60, max(8, longest + 2))
    return buffer.getvalue()
