"""The overview's count tiles as one block of HTML (dashboard/tiles.py)."""

import re

from dashboard.theme import STATUS_COLOURS
from dashboard.tiles import count_tiles_html

TILE = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>")


def test_each_tile_is_a_label_over_its_count_in_order():
    block = count_tiles_html([("total", "Commitments", "51"), ("met", "✓ Met", "—")])
    assert TILE.findall(block) == [("Commitments", "51"), ("✓ Met", "—")]
    assert block.startswith(
        '<dl class="count-tiles"><div class="count-tile count-tile-total"><dt>Commitments</dt>'
    )


def test_a_status_tile_is_edged_in_its_colour_and_the_styles_come_after_the_list():
    block = count_tiles_html([("missed", "× Missed", "3")])
    assert '<div class="count-tile count-tile-missed">' in block
    assert f".count-tile-missed {{ border-left: 6px solid {STATUS_COLOURS['missed']}; " in block
    assert block.index("</dl>") < block.index("<style>")


def test_a_label_with_markup_shows_as_text():
    block = count_tiles_html([("total", "<img src=x onerror=alert(1)>", "1,000")])
    assert "<img" not in block
    assert "<dt>&lt;img src=x onerror=alert(1)&gt;</dt><dd>1,000</dd>" in block
