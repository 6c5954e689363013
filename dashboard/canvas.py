"""A fixed-size image drawn in pixels: text and boxes placed from the top left, as a Plotly
figure without axes (the scorecard and briefing images are made on one)."""

from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go

from dashboard.textfit import escape
from dashboard.theme import FONT, TEMPLATE, TEXT_COLOUR


@dataclass
class Canvas:
    """Text and boxes placed in pixels from the top left of a fixed-size image."""

    width: int
    height: int
    annotations: list[dict] = field(default_factory=list)
    shapes: list[dict] = field(default_factory=list)

    def text(self, x: float, y: float, lines: list[str], size: float, **style) -> None:
        """Place lines of plain text with their top left corner at (x, y)."""
        bold = style.pop("bold", False)
        shown = [f"<b>{escape(line)}</b>" if bold else escape(line) for line in lines]
        self.annotations.append(
            {
                "text": "<br>".join(shown),
                "x": x / self.width,
                "y": 1 - y / self.height,
                "xref": "paper",
                "yref": "paper",
                "xanchor": style.pop("xanchor", "left"),
                "yanchor": "top",
                "align": style.pop("align", "left"),
                "showarrow": False,
                "font": {"size": size, "color": style.pop("color", TEXT_COLOUR), "family": FONT},
            }
        )

    def paragraph(self, x: float, y: float, lines: list[str], size: float, bold_start: str) -> None:
        """Place lines of plain text whose first line starts with a bold lead (an area's name)."""
        first = lines[0]
        if bold_start and first.startswith(bold_start):
            head = f"<b>{escape(bold_start)}</b>{escape(first[len(bold_start) :])}"
        else:
            head = escape(first)
        self.text(x, y, [], size)
        self.annotations[-1]["text"] = "<br>".join([head, *map(escape, lines[1:])])

    def box(self, x0: float, y0: float, x1: float, y1: float, fill: str, line: str = "") -> None:
        """Draw a rectangle between two corners given in pixels from the top left."""
        self.shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "yref": "paper",
                "x0": x0 / self.width,
                "x1": x1 / self.width,
                "y0": 1 - y0 / self.height,
                "y1": 1 - y1 / self.height,
                "fillcolor": fill,
                "line": {"width": 1 if line else 0, "color": line or fill},
                "layer": "below",
            }
        )

    def figure(self) -> go.Figure:
        """Return the canvas as a Plotly figure of its exact size, without axes."""
        figure = go.Figure()
        figure.update_layout(
            template=TEMPLATE,
            width=self.width,
            height=self.height,
            margin={"l": 0, "r": 0, "t": 0, "b": 0},
            xaxis={"visible": False},
            yaxis={"visible": False},
            annotations=self.annotations,
            shapes=self.shapes,
            showlegend=False,
        )
        return figure


def line_height(size: float) -> float:
    """Return the height of one line of text at a font size."""
    return size * 1.32
