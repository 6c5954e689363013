"""Commitments as cards for a phone: commitment, verdict, target and outcome, linked, escaped."""

import re

from dashboard.cards import card_html, cards_html
from dashboard.theme import STATUS_COLOURS


def text_of(block: str) -> list[str]:
    return [part for part in re.split(r"<[^>]+>", block) if part.strip()]


def test_each_card_says_commitment_verdict_target_and_outcome_missed_first(small_frame):
    block = cards_html(small_frame, "en", {"lang": "en", "status": "missed"})
    cards = re.findall(r'<a class="card card-(\w+)" href="([^"]*)"', block)
    assert cards[0] == ("missed", "commitment?lang=en&amp;status=missed&amp;id=syn-cpi")
    assert text_of(block)[:6] == [
        "Consumer prices",
        "× missed",
        "Target",
        " at most 3.0%",
        "Outcome",
        " 3.5% (2020); 0.5 pp over the ceiling",
    ]
    assert len(cards) == 6
    assert len(re.findall("<a ", cards_html(small_frame, "zh", {}, limit=2))) == 2


def test_a_card_is_in_its_status_colour_and_escaped():
    card = card_html("<b>x</b>", "not_yet_due", "at least 5", "—", "commitment?id=x", "en")
    assert f"border-left:6px solid {STATUS_COLOURS['not_yet_due']}" in card
    assert "&lt;b&gt;x&lt;/b&gt;" in card and "<b>" not in card
