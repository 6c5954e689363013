"""The overview's count tiles as one block of HTML: a label over a count for the total and each
status, each status's tile edged in its colour. One element for the browser to draw on every
rerun, where a column, a keyed container and a metric per tile made two dozen."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from html import escape

from dashboard.theme import STATUS_COLOURS, mix

#: the tiles are a grid of equal small tiles that wraps (three to a row on a phone, with smaller
#: type there)
TILES_CSS = """
dl.count-tiles {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr)); gap: 0.5rem 1rem;
  margin: 0 0 1rem 0; padding: 0;
}
.count-tile {
  display: flex; flex-direction: column; justify-content: space-between;
  box-sizing: border-box; padding: 0.25rem 0.6rem; margin: 0;
}
.count-tile dt { font-size: 0.875rem; font-weight: 400; margin: 0; }
.count-tile dd { font-size: 2.25rem; line-height: 1.3; margin: 0; }
@media (max-width: 640px) {
  .count-tile dt { font-size: 0.8rem; }
  .count-tile dd { font-size: 1.5rem; }
}
"""


@functools.cache
def status_tiles_css() -> str:
    """Return the CSS of the tiles: their grid, and each status's tile edged and tinted in its
    status colour."""
    rules = "\n".join(
        f".count-tile-{status} {{ border-left: 6px solid {colour}; "
        f"background: {mix(colour, '#ffffff', 0.88)}; border-radius: 4px; }}"
        for status, colour in STATUS_COLOURS.items()
    )
    return f"<style>{TILES_CSS}{rules}\n</style>"


def count_tiles_html(tiles: Sequence[tuple[str, str, str]]) -> str:
    """Return the count tiles, each (key, label, count), as one HTML list of labels and counts
    with its styles after it (a leading style would be hoisted out of the block); a status's key
    edges its tile in the status colour."""
    items = "".join(
        f'<div class="count-tile count-tile-{escape(key)}">'
        f"<dt>{escape(label)}</dt><dd>{escape(count)}</dd></div>"
        for key, label, count in tiles
    )
    return f'<dl class="count-tiles">{items}</dl>{status_tiles_css()}'
