"""A commitment's page, as data: its source paragraph with the quote marked, progress, same metric.

Every text from targets.yaml or a report is HTML-escaped here before it is marked up, so a
title or quote holding `<img src=x onerror=...>` shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Container, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import format_quantity, localized, status_label, t
from loaders import UNDER_WAY, Commitment, Document, Paragraph, TargetsFile, find_quote

MAX_CHOICES = 2000  # commitments the chooser lists; past this, the filters narrow the list


def choose_commitment(
    shown: Sequence[str], known: Container[str], asked: str
) -> tuple[list[str], str | None]:
    """Return the chooser's ids and the one to show (None if there is none).

    The chooser lists the first MAX_CHOICES ids the filters let through, and the asked id first
    when it is a known commitment the filters hide; it shows the asked id when it can, else the
    first one.
    """
    choices = list(shown[:MAX_CHOICES])
    if asked and asked in known and asked not in choices:
        choices.insert(0, asked)
    if not choices:
        return [], None
    return choices, asked if asked in choices else choices[0]


@dataclass(frozen=True)
class SourcePassage:
    """The paragraph a quote is in, and the quote's span in its text."""

    paragraph: Paragraph
    start: int
    end: int


def locate_quote(document: Document | None, quote: str) -> SourcePassage | None:
    """Return the paragraph holding the quote and where it is, or None if it is not found."""
    if document is None:
        return None
    match = find_quote(document, quote)
    if match is None:
        return None
    return SourcePassage(document.paragraph(match.paragraph), match.start, match.end)


def highlighted_html(passage: SourcePassage) -> str:
    """Return the paragraph as escaped HTML with the quote inside <mark>."""
    text = passage.paragraph.text
    before = html.escape(text[: passage.start])
    quote = html.escape(text[passage.start : passage.end])
    after = html.escape(text[passage.end :])
    return (
        '<div class="source-paragraph" lang="zh" style="line-height:1.9;font-size:1.05rem;'
        'padding:0.8rem 1rem;border-left:4px solid #1565c0;background:#f7f9fc">'
        f'{before}<mark style="background:#ffe082;padding:0 2px">{quote}</mark>{after}</div>'
    )


def passage_location(passage: SourcePassage, report_title: str, lang: str) -> str:
    """Return where a paragraph is: report, paragraph number, part, chapter and heading."""
    paragraph = passage.paragraph
    chapter = f" {paragraph.chapter}" if paragraph.chapter else ""
    heading = f" {paragraph.heading}" if paragraph.heading else ""
    return t(
        "paragraph_where",
        lang,
        report=report_title,
        number=paragraph.number,
        part=t(f"part_{paragraph.part}", lang),
        chapter=chapter,
        heading=heading,
    )


def progress_table(commitment: Commitment, targets: TargetsFile, lang: str) -> pd.DataFrame:
    """Return the progress timeline: when, figure, source title, and quote or note."""
    rows = []
    for entry in sorted(commitment.progress, key=lambda p: p.sort_key):
        report = targets.report(entry.source)
        title = localized(report, "title", lang) if report else entry.source
        when = str(entry.date) if entry.date is not None else str(entry.year)
        if commitment.target.op == "done":
            figure = t("done_value", lang) if entry.done else status_label(UNDER_WAY, lang)
        else:
            figure = format_quantity(entry.value, commitment.target.unit, lang)
        rows.append(
            {
                t("col_when", lang): when,
                t("col_value", lang): figure,
                t("col_source", lang): title,
                t("col_evidence", lang): entry.quote or entry.note or "",
            }
        )
    columns = [t(k, lang) for k in ("col_when", "col_value", "col_source", "col_evidence")]
    return pd.DataFrame(rows, columns=columns)


def same_metric(targets: TargetsFile, commitment: Commitment) -> list[Commitment]:
    """Return the other commitments with the same metric, in order of year."""
    if not commitment.metric:
        return []
    others = [
        c for c in targets.commitments if c.metric == commitment.metric and c.id != commitment.id
    ]
    return sorted(others, key=lambda c: (c.year, c.id))
