"""One measure over the years: baseline, target(s) and outcome(s) of a commitment and of the
other years' commitments of the same metric, as a Plotly figure a slide can take.

Baselines are grey dots, targets open markers shaped by their comparator (▲ at least, ▼ at
most, ◆ about, with the tolerance as a bar), outcomes dots in their commitment's status colour;
a thin line joins the published figures (baselines and outcomes) year by year. The title is the
commitment's finding; the subtitle the place and years; the source line every document drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.chart_layout import Frame, finish
from dashboard.i18n import status_label, t
from dashboard.numbers import format_quantity, target_in_words
from dashboard.scope import ChartScope, subtitle
from dashboard.sources import cited_reports, source_text
from dashboard.textfit import escape
from dashboard.theme import MUTED_COLOUR, REFERENCE_COLOUR, STATUS_COLOURS, STATUS_ICONS
from loaders import STATUSES, UNDER_WAY, Commitment

PLOT_PX = 280
PHONE_PLOT_PX = 240
MILESTONE_PX = 120
SYMBOLS = {">=": "triangle-up-open", "<=": "triangle-down-open", "~": "diamond-open"}


@dataclass(frozen=True)
class Point:
    """One figure of the measure: a baseline, a target or an outcome, in one year."""

    kind: str  # "baseline", "target" or "outcome"
    year: int
    value: float
    text: str  # the figure in words
    status: str = ""  # an outcome's commitment's status; a target's comparator in `op`
    op: str = ""
    tolerance: float = 0.0


def measure_points(
    commitments: Sequence[Commitment], statuses: Mapping[str, str], lang: str
) -> list[Point]:
    """Return every baseline, target and outcome of commitments measured in the first one's
    unit (others are left out), each once, by year; for a milestone, its due year and reports."""
    if not commitments:
        return []
    if commitments[0].target.op == "done":
        return milestone_points(commitments, statuses, lang)
    unit = commitments[0].target.unit
    found: dict[tuple, Point] = {}
    for c in commitments:
        target = c.target
        if target.op == "done" or target.unit != unit or target.value is None:
            continue
        if c.baseline is not None:
            point = Point(
                "baseline",
                c.baseline.year,
                c.baseline.value,
                format_quantity(c.baseline.value, unit, lang),
            )
            found.setdefault(("baseline", point.year, point.value), point)
        words = target_in_words(target.op, target.value, unit, target.tolerance, lang)
        found[("target", c.year, target.value, c.id)] = Point(
            "target",
            c.year,
            target.value,
            words,
            op=target.op,
            tolerance=target.tolerance or 0.0,
        )
        for entry in c.progress:
            if entry.value is None:
                continue
            point = Point(
                "outcome",
                entry.period_year,
                entry.value,
                format_quantity(entry.value, unit, lang),
                status=statuses.get(c.id, ""),
            )
            found.setdefault(("outcome", point.year, point.value, c.id), point)
    return sorted(found.values(), key=lambda p: (p.year, p.kind != "baseline"))


def milestone_points(
    commitments: Sequence[Commitment], statuses: Mapping[str, str], lang: str
) -> list[Point]:
    """Return a milestone's due year and each year it was reported done or under way, for the
    milestones among the commitments, on one line (value 1)."""
    found: dict[tuple, Point] = {}
    for c in commitments:
        if c.target.op != "done":
            continue
        found[("target", c.year, c.id)] = Point(
            "target", c.year, 1.0, t("milestone_due", lang, year=c.year), op="done"
        )
        for entry in c.progress:
            words = t("done_value", lang) if entry.done else status_label(UNDER_WAY, lang)
            point = Point(
                "outcome",
                entry.period_year,
                1.0,
                f"{words} ({entry.period_year})"
                if lang == "en"
                else f"{entry.period_year}年{words}",
                status=statuses.get(c.id, ""),
            )
            found.setdefault(("outcome", point.year, point.text, c.id), point)
    return sorted(found.values(), key=lambda p: (p.year, p.kind != "target"))


def measure_figure(
    commitments: Sequence[Commitment],
    statuses: Mapping[str, str],
    title: str,
    scope: ChartScope,
) -> go.Figure | None:
    """Return the measure over the years (the first commitment the one shown): a milestone's
    due year and the years it was reported done or under way on one line; None when there is
    nothing to draw."""
    lang = scope.lang
    points = measure_points(commitments, statuses, lang)
    if not points:
        return None
    unit = commitments[0].target.unit
    milestone = commitments[0].target.op == "done"
    figure = go.Figure()
    published = [p for p in points if p.kind != "target"]
    if len(published) > 1:
        figure.add_scatter(
            x=[p.year for p in published],
            y=[p.value for p in published],
            mode="lines",
            line={"color": MUTED_COLOUR, "width": 1, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
        )
    legend: list[str] = []
    baselines = [p for p in points if p.kind == "baseline"]
    if baselines:
        legend.append(t("legend_baseline", lang))
        add_points(figure, baselines, t("legend_baseline", lang), MUTED_COLOUR, "circle")
    targets = [p for p in points if p.kind == "target"]
    legend.append(t("legend_target_zero", lang))
    figure.add_scatter(
        name=t("legend_target_zero", lang),
        x=[p.year for p in targets],
        y=[p.value for p in targets],
        mode="markers+text",
        marker={
            "symbol": [SYMBOLS.get(p.op, "square-open") for p in targets],
            "size": 15,
            "color": REFERENCE_COLOUR,
            "line": {"width": 2},
        },
        error_y={
            "type": "data",
            "array": [p.tolerance for p in targets],
            "color": REFERENCE_COLOUR,
            "thickness": 1.5,
            "width": 8,
            "visible": any(p.tolerance for p in targets),
        },
        text=[escape(p.text) for p in targets],
        textposition="top center" if milestone else "middle left",
        cliponaxis=False,
        hovertemplate="%{text}<extra></extra>",
    )
    for status in STATUSES:
        outcomes = [p for p in points if p.kind == "outcome" and p.status == status]
        if outcomes:
            name = f"{STATUS_ICONS[status]} {status_label(status, lang)}"
            legend.append(name)
            add_points(figure, outcomes, name, STATUS_COLOURS[status], "circle", milestone)
    years = [p.year for p in points]
    values = [p.value for p in points] + [p.value + p.tolerance for p in targets]
    low = min(0.0, *values)
    figure.update_xaxes(
        range=[min(years) - 1.0, max(years) + 0.4],
        tickvals=list(range(min(years), max(years) + 1)),
        tickformat="d",
        showgrid=False,
        fixedrange=True,
    )
    if milestone:
        figure.update_yaxes(range=[0.3, 1.7], visible=False, fixedrange=True)
    else:
        figure.update_yaxes(
            range=[low, max(values) * 1.15 or 1.0],
            ticksuffix="%" if unit == "%" else "",
            fixedrange=True,
        )
    ids = [c.id for c in commitments]
    plans = cited_reports((c.report for c in commitments), scope.reports)
    outcomes_cited = cited_reports(
        (p.source for c in commitments for p in c.progress), scope.reports
    )
    if milestone:
        about = t("chart_milestone", lang)
    elif len(ids) > 1:
        about = t("chart_measure", lang, count=len(ids))
    else:
        about = t("chart_measure_one", lang)
    return finish(
        figure,
        scope,
        Frame(
            title,
            subtitle(scope, about),
            source_text(plans, outcomes_cited, lang, scope.checked or scope.as_of, scope.place),
            tuple(legend),
        ),
        MILESTONE_PX if milestone else PHONE_PLOT_PX if scope.phone else PLOT_PX,
    )


def add_points(
    figure: go.Figure,
    points: list[Point],
    name: str,
    colour: str,
    symbol: str,
    milestone: bool = False,
) -> None:
    """Add figures as labelled dots of one colour (a milestone's labels below them)."""
    figure.add_scatter(
        name=name,
        x=[p.year for p in points],
        y=[p.value for p in points],
        mode="markers+text",
        marker={"symbol": symbol, "size": 13, "color": colour},
        text=[escape(p.text) for p in points],
        textposition="bottom center" if milestone else "middle left",
        cliponaxis=False,
        hovertemplate="%{text}<extra></extra>",
    )
