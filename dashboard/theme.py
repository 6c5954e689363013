"""The look of every chart: one registered Plotly template ("briefing"), its font and colours.

Colours come from one status palette (Okabe–Ito, readable with the common colour-vision
deficiencies); every other colour of a chart (bands, zones, series) is derived from it here.
Status is never shown by colour alone: each has an icon and a word (`STATUS_ICONS`).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE = "briefing"
#: one CJK-capable family for titles and text in both languages (Debian: fonts-noto-cjk)
FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, sans-serif"
FONT_SIZE = 13
TITLE_SIZE = 17
SUBTITLE_SIZE = 12
SOURCE_SIZE = 11
TEXT_COLOUR = "#212121"
MUTED_COLOUR = "#616161"
GRID_COLOUR = "#eeeeee"
REFERENCE_COLOUR = "#424242"

STATUS_COLOURS = {
    "met": "#009E73",  # bluish green
    "met_late": "#56B4E9",  # sky blue
    "under_way": "#E69F00",  # orange: apart from vermillion and grey in each deficiency
    "missed": "#D55E00",  # vermillion
    "no_figure": "#A0A0A0",  # grey
    "not_yet_due": "#CC79A7",  # reddish purple: apart from met late's sky blue
}
STATUS_ICONS = {
    "met": "✓",
    "met_late": "◑",
    "under_way": "▷",  # in motion; ◔ is not in Noto Sans CJK SC, the charts' one font
    "missed": "×",
    "no_figure": "○",
    "not_yet_due": "△",
}


def mix(colour: str, other: str, share: float) -> str:
    """Return `colour` blended with `other`, `share` (0..1) of the way towards `other`."""
    first = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    second = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    blended = [round(a + (b - a) * share) for a, b in zip(first, second, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in blended)


def text_colour_on(colour: str) -> str:
    """Return black or white, whichever reads better on a fill colour."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return TEXT_COLOUR if luminance > 0.5 else "#ffffff"


#: percent-of-target bands, from the status palette: far short, short, nearly, reached, none
BAND_COLOURS = {
    "band_under_50": STATUS_COLOURS["missed"],
    "band_50_90": mix(STATUS_COLOURS["missed"], "#ffffff", 0.45),
    "band_90_100": mix(STATUS_COLOURS["met"], "#ffffff", 0.45),
    "band_100_up": STATUS_COLOURS["met"],
    "band_no_figure": STATUS_COLOURS["no_figure"],
}
#: the range where a target counts as reached, drawn behind the bars and dots
ZONE_COLOUR = mix(STATUS_COLOURS["met"], "#ffffff", 0.82)


def briefing_template() -> go.layout.Template:
    """Return the house style: font, white backgrounds, light grids, horizontal legend."""
    return go.layout.Template(
        layout={
            "font": {"family": FONT, "size": FONT_SIZE, "color": TEXT_COLOUR},
            "title": {
                "font": {"family": FONT, "size": TITLE_SIZE, "color": TEXT_COLOUR},
                "subtitle": {
                    "font": {"family": FONT, "size": SUBTITLE_SIZE, "color": MUTED_COLOUR}
                },
                "x": 0,
                "xanchor": "left",
                "xref": "container",
                "yref": "container",
                "yanchor": "top",
            },
            "legend": {
                "orientation": "h",
                "xref": "container",
                "yref": "container",
                "x": 0,
                "xanchor": "left",
                "yanchor": "bottom",
                "traceorder": "normal",
                "font": {"family": FONT, "size": 12},
            },
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "colorway": list(STATUS_COLOURS.values()),
            "xaxis": {"gridcolor": GRID_COLOUR, "zeroline": False, "automargin": False},
            "yaxis": {"gridcolor": GRID_COLOUR, "zeroline": False, "automargin": True},
            "hoverlabel": {"font": {"family": FONT}},
            "separators": ".,",
        }
    )


pio.templates[TEMPLATE] = briefing_template()
