"""Chart builders: pure functions from the dashboard's frame to Plotly figures, ready for a briefing.

Every figure has a title that says what it shows, a subtitle with its scope and a source line
(report, data as of, status rule). Data is aggregated before plotting: a chart never holds
more than a few hundred points, whatever the size of targets.yaml.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from dashboard.escape import plain
from dashboard.i18n import format_percent, format_quantity, status_label, t, target_in_words
from loaders.status import NO_FIGURE, STATUSES

STATUS_COLOURS = {
    "met": "#2e7d32",
    "met_late": "#8bc34a",
    "missed": "#c62828",
    "no_figure": "#9e9e9e",
    "not_yet_due": "#1e88e5",
}
SERIES_COLOURS = {"baseline": "#90a4ae", "target": "#1565c0", "outcome": "#ef6c00"}
FONT = (
    "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
)
MAX_BARS = 60
MAX_HEADLINE = 12
MAX_MISSING_ROWS = 12
LABEL_CHARS = {"zh": 20, "en": 36}

PERCENT_BANDS = (
    ("band_under_50", 0, 50),
    ("band_50_90", 50, 90),
    ("band_90_100", 90, 100),
    ("band_100_up", 100, float("inf")),
)


def short(text: str, limit: int = LABEL_CHARS["en"]) -> str:
    """Return text cut to a chart label's length, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def area_labels(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Return each row's area name in a language; in Chinese prefixed by the chapter number its
    commitments stand under, when they all stand under the same one (reports number differently).
    """
    if lang == "zh":
        chapters = frame.groupby("area")["chapter"].agg(
            lambda found: found.iloc[0] if found.nunique() == 1 else ""
        )
        return frame["area"].map(chapters) + frame["area_name"].map(lambda name: short(name, 18))
    return frame["area_name_en"]


def without_drafts(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the rows that are not drafts: what the status counts and charts are made of."""
    if "draft" not in rows or rows.empty:
        return rows
    return rows[~rows["draft"].astype(bool)]


def status_counts(rows: pd.DataFrame) -> dict[str, int]:
    """Return how many reviewed (non-draft) commitments have each status, every status listed."""
    counted = without_drafts(rows)
    found = counted["status"].value_counts() if not counted.empty else {}
    return {status: int(found.get(status, 0)) for status in STATUSES}


def counted(build):
    """Return a chart builder that draws only the rows that are not drafts."""

    def build_counted(rows: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
        return build(without_drafts(rows), lang, as_of)

    return build_counted


def source_line(frame: pd.DataFrame, lang: str, as_of: str) -> str:
    """Return the source line of a chart: the reports its rows come from and the date."""
    column = "report_title" if lang == "zh" else "report_title_en"
    reports = list(dict.fromkeys(frame[column])) if not frame.empty else []
    shown = "；".join(reports[:3]) if lang == "zh" else "; ".join(reports[:3])
    if len(reports) > 3:
        shown += f" (+{len(reports) - 3})"
    return t("source_line", lang, reports=shown, as_of=as_of)


def _layout(figure: go.Figure, title: str, subtitle: str, source: str, height: int) -> go.Figure:
    """Return the figure with the briefing layout: title, subtitle, source line, fonts."""
    figure.update_layout(
        title={
            "text": plain(title),
            "subtitle": {"text": plain(subtitle)},
            "x": 0,
            "xanchor": "left",
        },
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 20, "t": 90, "b": 105},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    figure.add_annotation(
        text=wrap(plain(source), 56 if is_chinese(source) else 120),
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-62,
        xanchor="right",
        yanchor="top",
        align="right",
        showarrow=False,
        font={"size": 11, "color": "#616161"},
    )
    return figure


def is_chinese(text: str) -> bool:
    """Return True when text holds CJK characters."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def wrap(text: str, width: int) -> str:
    """Return text broken with <br> before `width` characters, at a separator where possible."""
    lines, current = [], ""
    for piece in re.split(r"(?<=[|｜；;])", text):
        if current and len(current) + len(piece) > width:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece
    lines.append(current)
    return "<br>".join(lines)


def scope_line(count: int, lang: str) -> str:
    """Return a subtitle giving the number of commitments a chart covers."""
    return f"{count} 项承诺" if lang == "zh" else f"{count} commitments"


def status_by_area_figure(frame: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Return a stacked bar chart: per area, how many commitments have each status."""
    figure = go.Figure()
    if frame.empty:
        return _layout(figure, t("chart_status_by_area", lang), scope_line(0, lang), "", 300)
    labelled = frame.assign(area_label=area_labels(frame, lang))
    order = list(dict.fromkeys(labelled.sort_values(["area_order", "area"])["area_label"]))
    counts = labelled.groupby(["area_label", "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=order, columns=list(STATUSES), fill_value=0)
    for status in STATUSES:
        values = counts[status]
        if not values.any():
            continue
        figure.add_bar(
            name=status_label(status, lang),
            y=[plain(label) for label in counts.index],
            x=values.tolist(),
            orientation="h",
            marker_color=STATUS_COLOURS[status],
            text=[str(v) if v else "" for v in values],
            textposition="inside",
            textangle=0,
            hovertemplate="%{y}: %{x}<extra>" + status_label(status, lang) + "</extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(
        title_text=t("axis_commitments", lang),
        gridcolor="#eeeeee",
        dtick=count_step(int(counts.sum(axis=1).max())),
    )
    height = 160 + 42 * len(counts.index)
    return _layout(
        figure,
        t("chart_status_by_area", lang),
        scope_line(len(frame), lang),
        source_line(frame, lang, as_of),
        height,
    )


def count_step(largest: int) -> int | None:
    """Return a whole-number tick step for an axis of counts up to `largest` (None: Plotly's)."""
    for limit, step in ((10, 1), (20, 2), (50, 5)):
        if largest <= limit:
            return step
    return None


def numeric_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the commitments with a numeric target (not milestones)."""
    if frame.empty:
        return frame
    return frame[frame["op"] != "done"]


def percent_of_target_figure(frame: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Return percent of target per numeric commitment with a 100% line, or bands when many."""
    rows = numeric_rows(frame)
    if len(rows) > MAX_BARS:
        return percent_bands_figure(rows, lang, as_of)
    title_column = "title" if lang == "zh" else "title_en"
    with_figure = rows[rows["percent_of_target"].notna()].sort_values("percent_of_target")
    without = rows[rows["percent_of_target"].isna()]
    labels = [plain(short(v, LABEL_CHARS[lang])) for v in with_figure[title_column]]
    figure = go.Figure()
    for status in STATUSES:
        part = with_figure[with_figure["status"] == status]
        if part.empty:
            continue
        figure.add_bar(
            name=status_label(status, lang),
            y=[plain(short(v, LABEL_CHARS[lang])) for v in part[title_column]],
            x=part["percent_of_target"].tolist(),
            orientation="h",
            marker_color=STATUS_COLOURS[status],
            text=[format_percent(v, lang) for v in part["percent_of_target"]],
            textposition="outside",
            customdata=[
                [
                    target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
                    format_quantity(r.latest_value, r.unit, lang),
                ]
                for r in part.itertuples()
            ],
            hovertemplate="%{y}<br>"
            + t("target", lang)
            + ": %{customdata[0]}<br>"
            + t("series_outcome", lang)
            + ": %{customdata[1]} (%{x:.0f}%)<extra></extra>",
        )
    missing_labels, missing_text, missing_hover = missing_rows(without, lang)
    if missing_labels:
        figure.add_scatter(
            name=status_label(NO_FIGURE, lang),
            y=missing_labels,
            x=[0] * len(missing_labels),
            mode="markers+text",
            marker={"symbol": "line-ns-open", "size": 14, "color": STATUS_COLOURS[NO_FIGURE]},
            text=missing_text,
            textposition="middle right",
            textfont={"color": "#757575", "size": 11},
            customdata=missing_hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    figure.add_vline(x=100, line_dash="dash", line_color="#424242", line_width=1)
    top = max([120.0, *(v * 1.15 for v in with_figure["percent_of_target"])])
    figure.update_xaxes(
        title_text=t("axis_percent_of_target", lang),
        range=[0, top],
        ticksuffix="%",
        gridcolor="#eeeeee",
    )
    figure.update_yaxes(
        categoryorder="array", categoryarray=[*labels, *missing_labels], autorange="reversed"
    )
    figure.update_layout(barmode="overlay", bargap=0.35)
    height = 180 + 24 * (len(labels) + len(missing_labels))
    return _layout(
        figure,
        t("chart_percent_of_target", lang),
        scope_line(len(rows), lang),
        source_line(rows, lang, as_of),
        height,
    )


def missing_rows(without: pd.DataFrame, lang: str) -> tuple[list[str], list[str], list[str]]:
    """Return labels, texts and hovers for numeric commitments with no published figure.

    Up to MAX_MISSING_ROWS they are listed one by one; past that, one row per area says how
    many there are (the hover names them), so the chart stays readable without dropping any.
    """
    if without.empty:
        return [], [], []
    marker = t("no_published_figure_marker", lang)
    title_column = "title" if lang == "zh" else "title_en"
    if len(without) <= MAX_MISSING_ROWS:
        labels = [plain(short(v, LABEL_CHARS[lang])) for v in without[title_column]]
        return labels, [marker] * len(labels), [f"{label}: {marker}" for label in labels]
    labelled = without.assign(area_label=area_labels(without, lang))
    labels, texts, hovers = [], [], []
    for label, group in labelled.sort_values(["area_order", "area"]).groupby(
        "area_label", sort=False
    ):
        labels.append(plain(label))
        count = len(group)
        texts.append(f"{marker}：{count} 项" if lang == "zh" else f"{marker}: {count}")
        names = [plain(short(v, 40)) for v in group[title_column].head(12)]
        more = [f"… +{count - 12}"] if count > 12 else []
        hovers.append("<br>".join([plain(label), *names, *more]))
    return labels, texts, hovers


def percent_band(value: float | None) -> str:
    """Return the band key of a percent of target; the no-figure band for none."""
    if value is None or pd.isna(value):
        return "band_no_figure"
    return next(key for key, low, high in PERCENT_BANDS if low <= value < high)


def percent_bands_figure(rows: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Return, per area, how many numeric commitments fall in each band of percent of target."""
    labelled = rows.assign(
        band=rows["percent_of_target"].map(percent_band), area_label=area_labels(rows, lang)
    )
    order = list(dict.fromkeys(labelled.sort_values(["area_order", "area"])["area_label"]))
    bands = [key for key, _, _ in PERCENT_BANDS] + ["band_no_figure"]
    colours = ["#c62828", "#ef6c00", "#fbc02d", "#2e7d32", "#9e9e9e"]
    counts = labelled.groupby(["area_label", "band"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=order, columns=bands, fill_value=0)
    figure = go.Figure()
    for band, colour in zip(bands, colours, strict=True):
        figure.add_bar(
            name=t(band, lang),
            y=[plain(label) for label in counts.index],
            x=counts[band].tolist(),
            orientation="h",
            marker_color=colour,
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text=t("axis_commitments", lang), gridcolor="#eeeeee")
    return _layout(
        figure,
        t("chart_percent_bands", lang),
        scope_line(len(rows), lang),
        source_line(rows, lang, as_of),
        160 + 42 * len(counts.index),
    )


def headline_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the headline indicators: % targets outside the plan's chapters, latest year first."""
    if frame.empty:
        return frame
    rows = frame[(frame["unit"] == "%") & (frame["chapter"] == "")]
    if len(rows) > MAX_HEADLINE:
        rows = rows[rows["year"] == rows["year"].max()].head(MAX_HEADLINE)
    return rows


def headline_figure(frame: pd.DataFrame, lang: str, as_of: str) -> go.Figure:
    """Return a dot plot per headline indicator: prior-year baseline, target and outcome."""
    rows = headline_rows(frame)
    title_column = "title" if lang == "zh" else "title_en"
    labels = [plain(short(v, 20 if lang == "zh" else 42)) for v in rows[title_column]]
    figure = go.Figure()
    markers = {"baseline": "circle", "target": "diamond", "outcome": "square"}
    series = (
        ("baseline", "baseline_value", "baseline_year"),
        ("target", "target", "year"),
        ("outcome", "latest_value", "latest_year"),
    )
    for key, column, year_column in series:
        values = [None if pd.isna(v) or v is True else float(v) for v in rows[column]]
        if key == "target":
            text = [
                target_in_words(r.op, r.target, r.unit, r.tolerance, lang)
                for r in rows.itertuples()
            ]
        else:
            text = [format_quantity(v, "%", lang) if v is not None else "" for v in values]
        years = ["" if pd.isna(y) else f"{int(y)}" for y in rows[year_column]]
        figure.add_scatter(
            name=t(f"series_{key}", lang),
            y=labels,
            x=values,
            mode="markers+text",
            marker={"symbol": markers[key], "size": 13, "color": SERIES_COLOURS[key]},
            text=text,
            textposition="top center" if key == "target" else "bottom center",
            textfont={"size": 11, "color": SERIES_COLOURS[key]},
            customdata=years,
            hovertemplate="%{y}<br>%{customdata}: %{x}%<extra>"
            + t(f"series_{key}", lang)
            + "</extra>",
        )
    missing = [label for label, v in zip(labels, rows["latest_value"], strict=True) if pd.isna(v)]
    values = [
        float(v)
        for column in ("baseline_value", "target", "latest_value")
        for v in rows[column]
        if not pd.isna(v) and v is not True
    ]
    right = max([10.0, *values]) * 1.15
    for label in missing:  # in the right margin, clear of the data
        figure.add_annotation(
            x=1,
            xref="paper",
            xanchor="left",
            xshift=8,
            y=label,
            yref="y",
            text=t("no_published_figure_marker", lang),
            showarrow=False,
            font={"size": 11, "color": "#757575"},
        )
    figure.update_yaxes(autorange="reversed", gridcolor="#f0f0f0")
    figure.update_xaxes(
        ticksuffix="%",
        range=[min([0.0, *values]) - 1, right],
        gridcolor="#eeeeee",
        zeroline=True,
        zerolinecolor="#9e9e9e",
    )
    figure = _layout(
        figure,
        t("chart_headline", lang),
        scope_line(len(rows), lang),
        source_line(rows, lang, as_of),
        190 + 60 * len(rows),
    )
    figure.update_layout(margin={"r": 140 if missing else 20})
    return figure


def chart_config(name: str, lang: str, as_of: str) -> dict:
    """Return Plotly's config: a 2× PNG download named for the chart, language and date."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {
            "format": "png",
            "scale": 2,
            "filename": f"work-report-targets-{name}-{lang}-{as_of}",
        },
    }
