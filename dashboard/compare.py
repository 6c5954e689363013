"""One measure across places and years: each place's target and outcome per year, and whether
it was met, missed or has no published figure, as a table and a dot chart a slide can use."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_layout import Frame, finish
from dashboard.charts import chart_source, without_drafts
from dashboard.commitment_row import frame_rows
from dashboard.escape import plain
from dashboard.i18n import status_label, t
from dashboard.numbers import target_in_words
from dashboard.scope import ChartScope, scoped_title, subtitle
from dashboard.sources import newest_date, outcome_reports, plan_reports
from dashboard.tables import latest_text
from dashboard.textfit import text_width
from dashboard.theme import FONT_SIZE, STATUS_COLOURS
from loaders import STATUSES

#: the columns of the comparison table, in order
COMPARE_COLUMNS = ("col_place", "col_year", "col_target", "col_latest", "col_status", "col_id")
ROW_PX = 22  # each place's row of dots
NAMED_SOURCES_PLACES = 3  # past this many places the source line counts its sources
LABELLED_YEARS = 3  # up to this many years each dot is labelled; past it, the table says it


def compare_rows(frame: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Return the reviewed commitments of one measure, by place (in the record's order), then
    year."""
    if frame.empty or not metric:
        return frame.iloc[0:0]
    rows = without_drafts(frame[frame["metric"] == metric])
    order = {place: index for index, place in enumerate(dict.fromkeys(frame["place"].tolist()))}
    ranked = rows.assign(_order=rows["place"].map(order))  # places in the record's order
    return ranked.sort_values(["_order", "year", "id"], kind="stable").drop(columns="_order")


def compare_table(frame: pd.DataFrame, metric: str, lang: str) -> pd.DataFrame:
    """Return one row per place and year of a measure: target, outcome and status, in words."""
    rows = compare_rows(frame, metric)
    columns = [t(key, lang) for key in COMPARE_COLUMNS]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    place = rows["place"] if lang == "zh" else rows["place_en"]
    data = [
        place.tolist(),
        [int(y) for y in rows["year"]],
        [target_in_words(r.op, r.target, r.unit, r.tolerance, lang) for r in frame_rows(rows)],
        [latest_text(r, lang) or "—" for r in frame_rows(rows)],
        [status_label(s, lang) for s in rows["status"]],
        rows["id"].tolist(),
    ]
    return pd.DataFrame(dict(zip(columns, data, strict=True)))


def compare_figure(frame: pd.DataFrame, metric: str, scope: ChartScope) -> go.Figure:
    """Return a dot per place and year of a measure, coloured by status, labelled with its
    target and outcome."""
    lang = scope.lang
    rows = compare_rows(frame, metric)
    table = compare_table(frame, metric, lang)
    figure = go.Figure()
    labelled = rows["year"].nunique() <= LABELLED_YEARS
    names = table[t("col_place", lang)].tolist() if not rows.empty else []
    for status in STATUSES:
        shown = [i for i, s in enumerate(rows["status"].tolist()) if s == status]
        if not shown:
            continue
        figure.add_trace(
            go.Scatter(
                x=[int(rows["year"].iloc[i]) for i in shown],
                y=[plain(names[i]) for i in shown],
                mode="markers+text" if labelled else "markers",
                textposition="middle right",
                marker={"size": 16, "color": STATUS_COLOURS[status]},
                name=status_label(status, lang),
                text=[
                    plain(
                        f"{table.iloc[i][t('col_target', lang)]} → "
                        f"{table.iloc[i][t('col_latest', lang)]}"
                    )
                    for i in shown
                ],
                hovertemplate="%{y} · %{x}<br>%{text}<extra></extra>",
                cliponaxis=False,
            )
        )
    places = list(dict.fromkeys(names))
    figure.update_yaxes(categoryorder="array", categoryarray=places[::-1], automargin=False)
    years = [int(y) for y in rows["year"]] or [0]
    figure.update_xaxes(dtick=1, tickformat="d", range=[min(years) - 0.3, max(years) + 0.9])
    title_column = "title" if lang == "zh" else "title_en"
    measure = str(rows[title_column].iloc[0]) if not rows.empty else metric
    title = scoped_title(scope, t("compare_title", lang, measure=measure))
    about = subtitle(scope, t("compare_subtitle", lang))
    legend = tuple(status_label(s, lang) for s in STATUSES if (rows["status"] == s).any())
    finished = finish(
        figure,
        scope,
        Frame(title, about, compare_source(rows, scope, len(places)), legend),  # escaped there
        max(120, ROW_PX * len(places) + 40),
    )
    # the places' names stand left of the dots, inside the width finish laid out (a margin
    # Plotly grew for them would leave a tall chart no room: its "axis scaling" error)
    widest = max((text_width(name, FONT_SIZE) for name in places), default=0.0)
    inner = max(1.0, scope.width - finished.layout.margin.l - finished.layout.margin.r)
    finished.update_xaxes(domain=[min(0.5, (widest + 12) / inner), 1])
    finished.update_layout(margin_autoexpand=False)  # finish measured the margins
    return finished


def compare_source(rows: pd.DataFrame, scope: ChartScope, places: int) -> str:
    """Return the comparison's source line: each source named for a few places; for more, how
    many plans and publications it draws on (the Rules and sources page lists them)."""
    if places <= NAMED_SOURCES_PLACES:
        return chart_source(rows, scope)
    plans = plan_reports(rows, scope.reports)
    outcomes = outcome_reports(rows, scope.reports)
    return t(
        "compare_source",
        scope.lang,
        plans=len(plans),
        outcomes=len(outcomes),
        places=places,
        as_of=newest_date([*plans, *outcomes]) or scope.as_of,
        checked=scope.checked or scope.as_of,
    )
