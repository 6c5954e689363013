"""Commitments as cards for a phone's width: commitment, verdict, target and outcome stacked,
in the status colours of the charts, each card a link to the commitment's page.

A wide table on a phone shows only its first column; a card shows all four. Every text is
HTML-escaped here before it is marked up.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

import pandas as pd

from dashboard.chart_rows import several_places, titles
from dashboard.commitment_row import frame_rows
from dashboard.i18n import t
from dashboard.numbers import target_in_words
from dashboard.scorecard import SCORECARD_FIELDS, ordered, outcome_text, verdict
from dashboard.theme import MUTED_COLOUR, STATUS_COLOURS, TEXT_COLOUR, mix

COMMITMENT_PATH = "commitment"


def card_html(title: str, status: str, target: str, outcome: str, href: str, lang: str) -> str:
    """Return one commitment as a card: its title, verdict, target and outcome."""
    colour = STATUS_COLOURS[status]
    label = f'<span style="color:{MUTED_COLOUR};font-size:0.8rem">{{}}</span> '
    return (
        f'<a class="card card-{status}" href="{html.escape(href)}" target="_self" '
        f'style="display:block;text-decoration:none;color:{TEXT_COLOUR};'
        f"border-left:6px solid {colour};background:{mix(colour, '#ffffff', 0.88)};"
        'padding:0.5rem 0.7rem;margin:0 0 0.5rem 0;border-radius:4px;overflow-wrap:anywhere">'
        f'<div style="font-weight:600">{html.escape(title)}</div>'
        f'<div style="font-weight:700">{html.escape(verdict(status, lang))}</div>'
        f"<div>{label.format(html.escape(t('col_target', lang)))}{html.escape(target)}</div>"
        f"<div>{label.format(html.escape(t('col_outcome', lang)))}{html.escape(outcome)}</div>"
        "</a>"
    )


def cards_html(
    rows: pd.DataFrame, lang: str, params: Mapping[str, str], limit: int | None = None
) -> str:
    """Return the rows as cards in scorecard order (missed first), at most `limit`; each links
    to its commitment's page with the filters of `params` kept."""
    if rows.empty:
        return ""
    shown = ordered(rows)
    if limit is not None:
        shown = shown.head(limit)
    names = titles(shown, lang, several_places(rows, lang))
    cards = [
        card_html(
            title,
            r.status,
            target_in_words(r.op, r.target, r.unit, r.tolerance, lang),
            outcome_text(r, lang),
            f"{COMMITMENT_PATH}?{urlencode({**params, 'id': commitment_id})}",
            lang,
        )
        for title, commitment_id, r in zip(
            names, shown["id"].tolist(), frame_rows(shown, SCORECARD_FIELDS), strict=True
        )
    ]
    return f'<div class="cards">{"".join(cards)}</div>'
