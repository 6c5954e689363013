"""The frame around every chart and the list chart most of them are: text laid out in pixels.

`finish` lays a figure out for its width: the wrapped title and subtitle above, the axis title,
legend and source line below, margins computed from the text. `list_figure` draws rows, each a
wrapped title and sentence above its bar segments, so nothing is cut on a phone;
`chart_config` names its PNG download. The chart builders (dashboard.charts) decide what the rows
say.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.i18n import t
from dashboard.scope import ChartScope, file_stem
from dashboard.textfit import escape, text_width, wrap_html, wrap_lines
from dashboard.theme import (
    FONT_SIZE,
    MUTED_COLOUR,
    REFERENCE_COLOUR,
    SOURCE_SIZE,
    SUBTITLE_SIZE,
    TEMPLATE,
    TEXT_COLOUR,
    TITLE_SIZE,
    ZONE_COLOUR,
    text_colour_on,
)

SLIDE_PT = 960  # a 16:9 slide's width in points (13.33 inches)
SLIDE_SOURCE_PT = 10  # the smallest source text on a slide
#: the source text (px) of a chart whose source would take over a third of its height at the
#: size a slide needs: a long source under a chart much taller than wide grows with its 16:9
#: image, which grows with the source, so no size is 10 pt on a slide (at 100x a rates chart's
#: source grew it to 2,165,488 px, which Chromium drew as nothing)
OVERGROWN_SOURCE_PX = 22
LEGEND_ROW = 24
LINE_PX = 17
MODEBAR_PX = 36  # the camera button sits at the top right, beside the title
BAR_PX = 14


@dataclass(frozen=True)
class Frame:
    """The text around a chart's plot: title, subtitle, source, legend and axis title."""

    title: str
    subtitle: str
    source: str
    legend: tuple[str, ...] = ()
    axis_title: str = ""


def legend_rows(names: tuple[str, ...], width: float) -> int:
    """Return how many rows a horizontal legend of these names takes at a width."""
    rows, used = 1, 0.0
    for name in names:
        item = 44 + text_width(name, 12)
        if used and used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows if names else 0


def finish(figure: go.Figure, scope: ChartScope, frame: Frame, plot_height: float) -> go.Figure:
    """Return the figure laid out for its width: wrapped title, legend and source below, margins."""
    width = scope.width
    title = wrap_html(frame.title, width - 24 - MODEBAR_PX, TITLE_SIZE)
    subtitle = wrap_html(frame.subtitle, width - 24, SUBTITLE_SIZE)
    title_lines = title.count("<br>") + 1
    title_px = title_lines * TITLE_SIZE * 1.3
    subtitle_px = (subtitle.count("<br>") + 1) * SUBTITLE_SIZE * 1.45
    top = 14 + title_px + 8 + subtitle_px + 18
    legend_px = legend_rows(frame.legend, width - 16) * LEGEND_ROW
    axis_title = wrap_lines(frame.axis_title, width - 40, FONT_SIZE) if frame.axis_title else []
    if figure.layout.xaxis.visible is False:
        axis_title, axis_px = [], 4.0
    else:
        axis_px = 30 + len(axis_title) * FONT_SIZE * 1.35 + (8 if axis_title else 0)

    def laid_out(size: float) -> tuple[list[str], float, float, int]:
        """Return the source's lines at a size, their height, the bottom margin, the height."""
        lines = wrap_lines(frame.source, width - 28, size)
        lines_px = len(lines) * size * 1.4
        below = axis_px + legend_px + lines_px + 18
        return lines, lines_px, below, round(top + plot_height + below)

    source_size = float(SOURCE_SIZE)
    for _ in range(12):  # a larger source line makes the chart taller, and its image wider
        source_lines, source_px, bottom, height = laid_out(source_size)
        needed = slide_source_size(width, height)
        if scope.phone or needed <= source_size:
            break
        if source_px > height / 3 or source_size >= OVERGROWN_SOURCE_PX * 8:
            source_size = float(OVERGROWN_SOURCE_PX)  # growing it would only grow the chart
            source_lines, source_px, bottom, height = laid_out(source_size)
            break
        source_size = needed
    figure.update_layout(
        template=TEMPLATE,
        height=height,
        margin={"l": 12, "r": 16, "t": round(top), "b": round(bottom), "autoexpand": True},
        title={
            "text": title,
            "subtitle": {"text": subtitle},
            "x": 0,
            "pad": {"l": 12},
            # Plotly lifts a title of several lines by half a line: put it back below the edge
            "y": 1 - (12 + (TITLE_SIZE * 0.65 if title_lines > 1 else 0)) / height,
        },
        legend={"y": (source_px + 12) / height, "x": 0.01},
        showlegend=bool(frame.legend),
    )
    if axis_title:
        figure.update_xaxes(
            title={"text": "<br>".join(escape(line) for line in axis_title), "standoff": 8}
        )
    figure.add_annotation(
        text="<br>".join(escape(line) for line in source_lines),
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-(axis_px + legend_px + 4),
        xanchor="right",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": source_size, "color": MUTED_COLOUR},
        name="source",
    )
    return figure


def slide_source_size(width: float, height: float) -> float:
    """Return the source line's size that is 10 pt when the chart's 16:9 image (export_size)
    fills a 13.33-inch (960 pt) slide's width."""
    return math.ceil(export_size(width, height)[0] * SLIDE_SOURCE_PT / SLIDE_PT)


@dataclass(frozen=True)
class ListRow:
    """One row of a list chart: a title and a sentence above its bar segments (none: no bar).

    A segment is (key, start, end, text): the key picks its colour and legend name.
    """

    title: str
    detail: str
    segments: tuple[tuple[str, float, float, str], ...] = ()
    zone: tuple[float, float] | None = None
    hover: str = ""


def list_figure(
    rows: list[ListRow],
    scope: ChartScope,
    colours: dict[str, str],
    names: dict[str, str],
    reference: float | None = None,
    reference_name: str = "",
    bar_px: int = BAR_PX,
) -> tuple[go.Figure, float, list[str]]:
    """Return a figure of rows, each a wrapped title and sentence above its bar, the plot height
    and the legend's names.

    The text runs across the whole width, so nothing is cut on a phone. The y axis counts
    pixels from the top, so each row is as tall as its text (and its bar, if it has one).
    A reference mark (100% or the target) and a shaded zone show where the target counts as
    reached.
    """
    width = scope.width - 34
    texts, tops, centres = [], [], []
    top = 0.0
    for row in rows:
        title = wrap_lines(row.title, width, FONT_SIZE)
        detail = wrap_lines(row.detail, width, FONT_SIZE) if row.detail else []
        texts.append("<br>".join([*(f"<b>{escape(x)}</b>" for x in title), *map(escape, detail)]))
        text_px = (len(title) + len(detail)) * LINE_PX
        tops.append(top)
        centres.append(top + 6 + text_px + 8 + bar_px / 2)
        top += 6 + text_px + (8 + bar_px + 14 if row.segments else 12)
    figure = go.Figure()
    legend: list[str] = []
    zoned = [(centre, row.zone) for centre, row in zip(centres, rows, strict=True) if row.zone]
    if zoned:
        legend.append(t("legend_reached_zone", scope.lang))
        figure.add_bar(
            name=t("legend_reached_zone", scope.lang),
            y=[centre for centre, _ in zoned],
            x=[end - start for _, (start, end) in zoned],
            base=[start for _, (start, _) in zoned],
            orientation="h",
            width=bar_px + 10,
            marker={"color": ZONE_COLOUR, "line": {"width": 0}},
            hoverinfo="skip",
        )
    barred = [i for i, row in enumerate(rows) if row.segments]
    if barred and reference is not None:
        legend.append(reference_name)
        figure.add_scatter(
            name=reference_name,
            y=[centres[i] for i in barred],
            x=[reference] * len(barred),
            mode="markers",
            marker={
                "symbol": "line-ns",
                "size": bar_px + 4,
                "line": {"width": 2, "color": REFERENCE_COLOUR},
            },
            hoverinfo="skip",
        )
    for key, colour in colours.items():
        found = [
            (centres[i], segment, rows[i])
            for i in barred
            for segment in rows[i].segments
            if segment[0] == key
        ]
        if not found:
            continue
        legend.append(names[key])
        figure.add_bar(
            name=names[key],
            y=[centre for centre, _, _ in found],
            x=[end - start for _, (_, start, end, _), _ in found],
            base=[start for _, (_, start, _, _), _ in found],
            orientation="h",
            width=bar_px,
            marker={"color": colour, "line": {"width": 0}},
            text=[text for _, (_, _, _, text), _ in found],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont={"color": text_colour_on(colour), "size": 12},
            customdata=[escape(f"{row.title}: {row.hover or row.detail}") for _, _, row in found],
            hovertemplate="%{customdata}<extra></extra>",
        )
    # set at once: Plotly checks every annotation of the figure again at each add_annotation
    figure.update_layout(
        annotations=[
            {
                "text": text,
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": row_top + 6,
                "yref": "y",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "font": {
                    "size": FONT_SIZE,
                    "color": TEXT_COLOUR if row.segments else MUTED_COLOUR,
                },
                "name": "row",
            }
            for row, text, row_top in zip(rows, texts, tops, strict=True)
        ]
    )
    figure.update_yaxes(range=[max(top, 1.0), 0], visible=False, fixedrange=True)
    figure.update_xaxes(
        showgrid=False,
        ticks="outside",
        tickcolor=MUTED_COLOUR,
        showline=True,
        linecolor=MUTED_COLOUR,
        visible=bool(barred),
    )
    figure.update_layout(barmode="overlay")
    return figure, max(top, 1.0), legend


#: the camera button's tooltip in Chinese: Plotly.js takes a locale with the chart's config
CAMERA_TIP_ZH = "下载图表（PNG，16:9，2倍）"


def export_size(width: float, height: float) -> tuple[int, int]:
    """Return the 16:9 size a chart of this width and height is exported at: widened or made
    taller, never cut."""
    if height * 16 / 9 >= width:
        return round(height * 16 / 9), round(height)
    return round(width), round(width * 9 / 16)


def chart_config(name: str, scope: ChartScope, figure: go.Figure | None = None) -> dict:
    """Return Plotly's config: a 16:9 PNG at 2× named for place, years, filters, chart,
    language and date; the camera's tooltip in the page's language."""
    height = figure.layout.height if figure is not None and figure.layout.height else 450
    width, height = export_size(scope.width, height)
    config = {
        "displaylogo": False,
        "displayModeBar": True,  # the camera stays visible: phones have no hover
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {
            "format": "png",
            "scale": 2,
            "width": width,
            "height": height,
            "filename": file_stem(scope, name),
        },
    }
    if scope.lang == "zh":
        config["locale"] = "zh-CN"
        config["locales"] = {
            "zh-CN": {"dictionary": {"Download plot as a PNG": CAMERA_TIP_ZH}, "format": {}}
        }
    return config
