"""Chart builders: pure functions from the dashboard's rows to Plotly figures a slide can use.

Every figure uses the registered "briefing" template (dashboard.theme), carries its scope in
the title (place, years, areas), a subtitle saying what it counts, and a source line naming
the plans and every publication its outcomes come from. Text is fitted to the scope's width:
labels and lines are wrapped, never cut, and the margins are computed from the text. Data is
aggregated before plotting: a chart never holds more than a few hundred points.

Rates are compared in percentage points (target, outcome, gap); percent of target is drawn
for amounts only. A shaded zone marks where each target counts as reached, so an outcome
under an "at most" target sits inside it, as a met target should.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_layout import Frame, ListRow, finish, list_figure
from dashboard.chart_rows import (
    area_labels,
    area_order,
    missing_list_rows,
    several_places,
    titles,
)
from dashboard.commitment_row import frame_rows
from dashboard.findings import (
    count_text,
    counts_finding,
    measures_finding,
    nothing_to_plot,
    outcome_count,
    with_outcome,
)
from dashboard.i18n import status_label, t
from dashboard.measures import (
    AMOUNT,
    RATE,
    RATE_UNITS,
    against_target,
    margin_points,
    measure_kinds,
    missing,
    percent_figure,
    zone_percent,
)
from dashboard.numbers import format_quantity, target_in_words
from dashboard.scope import ChartScope, subtitle
from dashboard.sources import outcome_reports, plan_reports, source_text
from dashboard.theme import (
    BAND_COLOURS,
    STATUS_COLOURS,
)
from loaders import STATUSES

MAX_BARS = 60
MAX_RATES = 40
STATUS_NAMES = {lang: {s: status_label(s, lang) for s in STATUSES} for lang in ("zh", "en")}
PERCENT_BANDS = (
    ("band_under_50", 0, 50),
    ("band_50_90", 50, 90),
    ("band_90_100", 90, 100),
    ("band_100_up", 100, float("inf")),
)


def chart_source(rows: pd.DataFrame, scope: ChartScope) -> str:
    """Return the source line of a chart drawn from these rows."""
    return source_text(
        plan_reports(rows, scope.reports),
        outcome_reports(rows, scope.reports),
        scope.lang,
        scope.checked or scope.as_of,
        scope.place,
    )


def without_drafts(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the rows that are not drafts: what the status counts and charts are made of."""
    if "draft" not in rows or rows.empty:
        return rows
    drafts = rows["draft"].astype(bool)
    return rows[~drafts] if drafts.any() else rows


def status_counts(rows: pd.DataFrame) -> dict[str, int]:
    """Return how many reviewed (non-draft) commitments have each status, every status listed."""
    counted = without_drafts(rows)
    if counted.empty:
        return dict.fromkeys(STATUSES, 0)
    found = counted["status"].value_counts()
    return {status: int(found.get(status, 0)) for status in STATUSES}


def counted(build):
    """Return a chart builder that draws only the rows that are not drafts."""

    def build_counted(rows: pd.DataFrame, scope: ChartScope) -> go.Figure:
        return build(without_drafts(rows), scope)

    return build_counted


def count_subtitle(count: int, lang: str, extra: str = "") -> str:
    """Return a subtitle giving how many commitments a chart covers, and what else to know."""
    text = t("scope_count_one" if count == 1 else "scope_count", lang, count=count_text(count))
    return f"{text}{'；' if lang == 'zh' else '; '}{extra}" if extra else text


def measures_title(rows: pd.DataFrame, lang: str, noun: str) -> str:
    """Return the title of a chart of rates or amounts: its finding, else that none has an
    outcome (the page then shows that sentence instead of the chart)."""
    return measures_finding(rows, titles(rows, lang), lang, f"{noun}_reported") or (
        nothing_to_plot(len(rows), noun, lang)
    )


def nothing_plotted(frame: pd.DataFrame, noun: str, lang: str) -> str:
    """Return the sentence that replaces the rates or amounts chart when none of its rows has
    a published outcome, else an empty string (the chart is drawn)."""
    rows = rate_rows(frame) if noun == "rates" else amount_rows(frame)
    if rows.empty or not with_outcome(rows).empty:
        return ""
    return nothing_to_plot(len(rows), noun, lang)


def plotted_charts(reviewed: pd.DataFrame, lang: str) -> dict[str, tuple[str, bool]]:
    """Return, for the amounts and the rates charts of some reviewed rows, the sentence that
    stands for the chart when none of its rows has an outcome (else "") and whether it is
    drawn (some rows and no such sentence)."""
    found = {}
    for noun, kept in (("amounts", amount_rows), ("rates", rate_rows)):
        sentence = nothing_plotted(reviewed, noun, lang)
        found[noun] = (sentence, not sentence and not kept(reviewed).empty)
    return found


def count_step(largest: int) -> int | None:
    """Return a whole-number tick step for an axis of counts up to `largest` (None: Plotly's)."""
    for limit, step in ((10, 1), (20, 2), (50, 5)):
        if largest <= limit:
            return step
    return None


def status_by_area_figure(frame: pd.DataFrame, scope: ChartScope) -> go.Figure:
    """Return per area, how many commitments have each status: a stacked bar under each name."""
    lang = scope.lang
    title = scope.headline or counts_finding(status_counts(frame), lang)
    about = subtitle(
        scope,
        t("chart_status_by_area", lang),
        count_subtitle(len(frame), lang),
        named=not scope.headline,
    )
    if frame.empty:
        return finish(go.Figure(), scope, Frame(title, about, ""), 60)
    labelled = frame.assign(area_label=area_labels(frame, lang))
    order = area_order(labelled)
    counts = labelled.groupby(["area_label", "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=order, columns=list(STATUSES), fill_value=0)
    names = {status: status_label(status, lang) for status in STATUSES}
    rows = stacked_rows(counts, names, lang)
    figure, plot_height, legend = list_figure(rows, scope, STATUS_COLOURS, names, bar_px=22)
    figure.update_xaxes(
        range=[0, max(1, int(counts.sum(axis=1).max()))],
        dtick=count_step(int(counts.sum(axis=1).max())),
    )
    return finish(
        figure,
        scope,
        Frame(
            title,
            about,
            chart_source(frame, scope),
            tuple(legend),
            t("axis_commitments", lang),
        ),
        plot_height,
    )


def stacked_rows(counts: pd.DataFrame, names: dict[str, str], lang: str) -> list[ListRow]:
    """Return one list row per index of a counts table: the counts in words and stacked."""
    rows = []
    join = "，" if lang == "zh" else ", "
    for label, values in counts.iterrows():
        segments: list[tuple[str, float, float, str]] = []
        start = 0
        for key, count in values.items():
            if count:
                segments.append((str(key), start, start + int(count), count_text(int(count))))
                start += int(count)
        detail = join.join(
            t("count_of", lang, count=count_text(int(count)), name=names[str(key)])
            for key, count in values.items()
            if count
        )
        rows.append(ListRow(str(label), detail, tuple(segments)))
    return rows


def amount_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the commitments whose target is an amount (count, length, money): percent applies."""
    return frame if frame.empty else frame[measure_kinds(frame) == AMOUNT]


def rate_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the commitments whose target is a rate in % or points: compared in points."""
    if frame.empty:
        return frame
    return frame[(measure_kinds(frame) == RATE) & frame["unit"].isin(RATE_UNITS)]


def percent_of_target_figure(frame: pd.DataFrame, scope: ChartScope) -> go.Figure:
    """Return percent of target per amount commitment, its reached zone shaded; bands when many."""
    rows = amount_rows(frame)
    if len(rows) > MAX_BARS:
        return percent_bands_figure(rows, scope)
    lang = scope.lang
    with_figure = rows[rows["percent_of_target"].notna()].sort_values("percent_of_target")
    without = rows[rows["percent_of_target"].isna()]
    values = [float(v) for v in with_figure["percent_of_target"]]
    top = max([125.0, *(v * 1.08 for v in values)])
    items = [
        ListRow(
            name,
            t(
                "amount_detail",
                lang,
                outcome=format_quantity(r.latest_value, r.unit, lang),
                year=int(r.latest_year),
                target=target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
                percent=percent_text(r, lang),
            ),
            ((r.status, 0.0, float(r.percent_of_target), ""),),
            zone_percent(r.op, r.target, r.tolerance, top),
        )
        for name, r in zip(titles(with_figure, lang), frame_rows(with_figure), strict=True)
    ]
    items += missing_list_rows(without, lang)
    figure, plot_height, legend = list_figure(
        items, scope, STATUS_COLOURS, STATUS_NAMES[lang], 100.0, t("legend_target_line", lang)
    )
    figure.update_xaxes(range=[0, top], ticksuffix="%")
    return finish(
        figure,
        scope,
        Frame(
            measures_title(rows, lang, "amounts"),
            subtitle(
                scope,
                t("chart_percent_of_target", lang),
                outcome_count(rows, "amounts", lang),
                t("subtitle_amounts_only", lang),
            ),
            chart_source(rows, scope),
            tuple(legend),
            t("axis_percent_of_target", lang),
        ),
        plot_height,
    )


def percent_text(row, lang: str) -> str:
    """Return a percent of target in words: "104%", or "53% of the ceiling" for "at most"."""
    shown = percent_figure(row.percent_of_target, lang)
    return t("percent_of_ceiling" if row.op == "<=" else "percent_of_goal", lang, percent=shown)


def percent_band(value: float | None) -> str:
    """Return the band key of a percent of target; the no-figure band for none."""
    if value is None or pd.isna(value):
        return "band_no_figure"
    return next(key for key, low, high in PERCENT_BANDS if low <= value < high)


def percent_bands_figure(rows: pd.DataFrame, scope: ChartScope) -> go.Figure:
    """Return, per area, how many amount commitments fall in each band of percent of target."""
    lang = scope.lang
    labelled = rows.assign(
        band=[percent_band(v) for v in rows["percent_of_target"].tolist()],
        area_label=area_labels(rows, lang),
    )
    order = area_order(labelled)
    bands = list(BAND_COLOURS)
    counts = labelled.groupby(["area_label", "band"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=order, columns=bands, fill_value=0)
    names = {band: t(band, lang) for band in bands}
    items = stacked_rows(counts, names, lang)
    figure, plot_height, legend = list_figure(items, scope, BAND_COLOURS, names, bar_px=22)
    figure.update_xaxes(range=[0, max(1, int(counts.sum(axis=1).max()))])
    return finish(
        figure,
        scope,
        Frame(
            measures_title(rows, lang, "amounts"),
            subtitle(
                scope,
                t("chart_percent_bands", lang),
                outcome_count(rows, "amounts", lang),
                t("subtitle_amounts_only", lang),
            ),
            chart_source(rows, scope),
            tuple(legend),
            t("axis_commitments", lang),
        ),
        plot_height,
    )


def rates_figure(frame: pd.DataFrame, scope: ChartScope) -> go.Figure:
    """Return each rate commitment's gap to its target in percentage points, good side right.

    Zero is the target. A bar runs from it to the outcome: right when the outcome is on the
    target's good side (above an "at least" target, below an "at most" one), left when not;
    the shaded zone is where the target counts as reached (an "about" target's tolerance
    included). Each row says the outcome, the target and the gap in words.
    """
    lang = scope.lang
    rows = rate_rows(frame)
    # a boolean Series, never a list: an empty list would select no column, not no row
    has_outcome = pd.Series(
        [not missing(v) for v in rows["latest_value"]], index=rows.index, dtype=bool
    )
    with_figure = rows[has_outcome]
    without = rows[~has_outcome]
    hidden = 0
    if len(with_figure) > MAX_RATES:
        hidden, with_figure = len(with_figure) - MAX_RATES, with_figure.head(MAX_RATES)
    margins = [
        margin_points(op, float(target), float(outcome))
        for op, target, outcome in zip(
            with_figure["op"], with_figure["target"], with_figure["latest_value"], strict=True
        )
    ]
    tolerances = [
        float(r.tolerance) if r.op == "~" and not missing(r.tolerance) else 0.0
        for r in frame_rows(with_figure)
    ]
    reach = max([1.0, *(abs(m) for m in margins), *tolerances]) * 1.15
    items = [
        ListRow(name, gap_label(r, lang), ((r.status, 0.0, margin, ""),), (-tolerance, reach))
        for name, r, margin, tolerance in zip(
            titles(with_figure, lang, several_places(rows, lang)),  # the shown rows of all
            frame_rows(with_figure),
            margins,
            tolerances,
            strict=True,
        )
    ]
    items += missing_list_rows(without, lang)
    figure, plot_height, legend = list_figure(
        items, scope, STATUS_COLOURS, STATUS_NAMES[lang], 0.0, t("legend_target_zero", lang)
    )
    figure.update_xaxes(range=[-reach, reach])
    extra = t("subtitle_rates", lang)
    if hidden:
        extra += t("subtitle_hidden", lang, count=hidden)
    return finish(
        figure,
        scope,
        Frame(
            measures_title(rows, lang, "rates"),
            subtitle(scope, t("chart_rates", lang), outcome_count(rows, "rates", lang), extra),
            chart_source(rows, scope),
            tuple(legend),
            t("axis_gap", lang),
        ),
        plot_height,
    )


def gap_label(row, lang: str) -> str:
    """Return a rate row's sentence: "1.1% (2022) against about 6.5%: 5.4 pp short of target"."""
    return t(
        "gap_label",
        lang,
        outcome=format_quantity(row.latest_value, row.unit, lang),
        year=int(row.latest_year),
        target=target_in_words(row.op, row.target, row.unit, row.tolerance, lang),
        gap=against_target(row, lang),
    )
