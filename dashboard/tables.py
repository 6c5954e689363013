"""Tables the dashboard shows and lets people download: in the reader's language, as CSV and XLSX."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.i18n import in_language_of, status_label, t
from dashboard.measures import AMOUNT, RATE, against_target, measure_kind, missing
from dashboard.numbers import format_quantity, target_in_words, unit_name_en
from loaders import STATUSES, UNDER_WAY, Report, TargetsFile, is_web_address, spreadsheet_text

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
    """Return a row's latest figure as "1.1% (2022)", "done (2023)" or "under way (2023)", or
    empty when none."""
    value = row.latest_value
    if value is None or (not isinstance(value, bool) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        shown = t("done_value", lang) if value else status_label(UNDER_WAY, lang)
    else:
        shown = format_quantity(value, row.unit, lang)
    return f"{shown} ({int(row.latest_year)})"


def display_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the commitments as the reader sees them: labelled columns, words for targets."""
    if frame.empty:
        return pd.DataFrame(columns=[t(key, lang) for key in DISPLAY_COLUMNS])
    english = lang == "en"
    rows = list(frame[list(ROW_FIELDS)].itertuples(index=False, name="Row"))  # one pass
    values: dict[str, Iterable[object]] = {
        "col_title": frame["title_en"] if english else frame["title"],
        "col_area": frame["area_name_en"] if english else frame["chapter"] + frame["area_name"],
        "col_year": frame["year"].astype(int),
        "col_target": [target_in_words(r.op, r.target, r.unit, r.tolerance, lang) for r in rows],
        "col_baseline": [baseline_text(r, lang) for r in rows],
        "col_latest": [latest_text(r, lang) for r in rows],
        "col_status": [
            f"{t('draft_badge', lang)} · {status_label(s, lang)}" if d else status_label(s, lang)
            for s, d in zip(frame["status"], _drafts(frame), strict=True)
        ],
        "col_percent": [against_target(r, lang) for r in rows],
        "col_quote": frame["quote"],
        "col_id": frame["id"],
    }
    table = pd.DataFrame(
        {t(key, lang): list(values[key]) for key in DISPLAY_COLUMNS}, index=frame.index
    )
    place = "place" if lang == "zh" else "place_en"
    if place in frame and frame[place].nunique() > 1:  # several places: each row names its own
        table.insert(0, t("col_place", lang), frame[place].tolist())
    return table


def _drafts(frame: pd.DataFrame) -> list[bool]:
    """Return, per row, whether it is a draft to review."""
    if "draft" not in frame:
        return [False] * len(frame)
    return [bool(d) for d in frame["draft"]]


#: the numeric columns of the downloads, named the same in both languages
NUMERIC_COLUMNS = (
    "target_op",
    "target_value",
    "unit",
    "unit_en",
    "tolerance",
    "measure",
    "latest_value",
    "latest_year",
    "latest_source",
    "latest_source_title",
    "percent_of_target",
    "gap_points",
    "status_code",
)


def numeric_values(row, lang: str, reports: Mapping[str, Report]) -> dict:
    """Return a row's figures as numbers (None where there is none) and codes, for a download.

    Percent of target is given for amounts only, the gap in percentage points (outcome minus
    target) for rates only: neither means anything for the other.
    """
    kind = measure_kind(row.op, row.unit, row.metric)
    latest = None if missing(row.latest_value) else float(row.latest_value)
    source = reports.get(row.latest_source) if isinstance(row.latest_source, str) else None
    gap = None
    if kind == RATE and latest is not None and not missing(row.target):
        gap = round(latest - float(row.target), 6)
    percent = (
        row.percent_of_target if kind == AMOUNT and not missing(row.percent_of_target) else None
    )
    return {
        "target_op": row.op,
        "target_value": None if missing(row.target) else float(row.target),
        "unit": row.unit if isinstance(row.unit, str) else None,
        "unit_en": unit_name_en(row.unit) if isinstance(row.unit, str) else None,
        "tolerance": None if missing(row.tolerance) else float(row.tolerance),
        "measure": kind,
        "latest_value": latest,
        "latest_year": None if missing(row.latest_year) else int(row.latest_year),
        "latest_source": source.id if source else None,
        "latest_source_title": (source.title if lang == "zh" else source.title_en)
        if source
        else None,
        "percent_of_target": None if percent is None else float(percent),
        "gap_points": gap,
        "status_code": row.status,
    }


def export_table(frame: pd.DataFrame, lang: str, reports: Mapping[str, Report]) -> pd.DataFrame:
    """Return the download: the readable columns, then the same figures as numbers and codes."""
    readable = display_table(frame, lang).reset_index(drop=True)
    if frame.empty:
        return pd.concat([readable, pd.DataFrame(columns=list(NUMERIC_COLUMNS))], axis=1)
    numbers = pd.DataFrame(
        [numeric_values(r, lang, reports) for r in frame.itertuples()], columns=NUMERIC_COLUMNS
    )
    numbers["latest_year"] = numbers["latest_year"].astype("Int64")
    return pd.concat([readable, numbers], axis=1)


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a table whose text cells a spreadsheet cannot read as a formula: one
    starting with = + - @, a tab or a CR gets a single quote before it; numbers are kept."""
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_text)
    return safe


def csv_bytes(table: pd.DataFrame) -> bytes:
    """Return a table as CSV in UTF-8 with a byte-order mark, so Excel shows Chinese; no text
    cell can start a formula (`spreadsheet_safe`)."""
    text = spreadsheet_safe(table).to_csv(index=False, float_format=lambda v: format(v, ".10g"))
    return text.encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, sheet: str = "commitments") -> bytes:
    """Return a table as an Excel workbook with one sheet and readable column widths; every
    text is a string cell, never a formula, and starts as `spreadsheet_safe` makes it."""
    buffer = io.BytesIO()
    table = spreadsheet_safe(table)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name=sheet)
        worksheet = writer.sheets[sheet]
        for row in worksheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a string, even one openpyxl took for a formula
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in table[column].head(200))])
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = min(60, max(8, longest + 2))
    return buffer.getvalue()


def sources_table(reports: Iterable[Report], lang: str) -> pd.DataFrame:
    """Return every source document by date: title, date, publisher and file or address."""
    columns = [t(k, lang) for k in ("col_report", "col_date", "col_publisher", "col_file")]
    rows = [
        (
            r.title if lang == "zh" else r.title_en,
            str(r.date),
            in_language_of(r.publisher, r.publisher_en, lang),
            r.file or r.url or "",
        )
        for r in sorted(reports, key=lambda r: (r.date.sort_key, r.id))
    ]
    return pd.DataFrame(rows, columns=columns)


def source_links(reports: Iterable[Report], lang: str) -> pd.DataFrame:
    """Return the sources that declare an address, by date: title and address, only http(s)
    addresses with a host (a javascript: or data: URL in the data is never a link)."""
    columns = [t("col_report", lang), t("col_link", lang)]
    rows = [
        (r.title if lang == "zh" else r.title_en, r.url)
        for r in sorted(reports, key=lambda r: (r.date.sort_key, r.id))
        if r.url and is_web_address(r.url)
    ]
    return pd.DataFrame(rows, columns=columns)


def exclusions_table(targets: TargetsFile, lang: str) -> pd.DataFrame:
    """Return the plan figures that are not commitments: report, figure, quote and reason."""
    columns = [t(k, lang) for k in ("col_report", "col_figure", "col_quote", "col_reason")]
    titles = {r.id: (r.title if lang == "zh" else r.title_en) for r in targets.reports}
    rows = [
        (
            titles.get(e.report, e.report),
            e.figure,
            e.quote,
            in_language_of(e.reason, e.reason_en, lang),
        )
        for e in targets.exclusions
    ]
    return pd.DataFrame(rows, columns=columns)


def chart_data(
    name: str, rows: pd.DataFrame, lang: str, reports: Mapping[str, Report]
) -> pd.DataFrame:
    """Return the data behind a chart of the overview: per area, the commitments of each
    status (`status-by-area`); else the commitments the chart plots, as the downloads give
    them (readable columns, then the figures as numbers)."""
    if name == "status-by-area":
        area = "area_name" if lang == "zh" else "area_name_en"
        columns = [t("col_area", lang), *(status_label(s, lang) for s in STATUSES)]
        if rows.empty:
            return pd.DataFrame(columns=columns)
        counts = pd.crosstab(rows[area], rows["status"]).reindex(
            columns=list(STATUSES), fill_value=0
        )
        order = rows.drop_duplicates(area).sort_values("area_order")[area].tolist()
        counts = counts.reindex(order).reset_index()
        counts.columns = columns
        return counts
    return export_table(rows, lang, reports)
