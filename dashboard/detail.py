"""A commitment's page, as data: its source paragraph with the quote marked, progress, same metric.

Every text from targets.yaml or a report is HTML-escaped here before it is marked up, so a
title or quote holding `<img src=x onerror=...>` shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Container, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.escape import escape_markdown
from dashboard.i18n import in_language, in_language_of, localized, status_label, t
from dashboard.numbers import format_quantity
from dashboard.sources import report_place
from dashboard.theme import STATUS_COLOURS, STATUS_ICONS, TEXT_COLOUR, mix
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
    named = " ".join(part for part in (paragraph.chapter, paragraph.heading) if part)
    chapter = f" {in_language(named, lang)}" if named else ""
    heading = ""
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
                t("col_evidence", lang): entry.quote
                or in_language_of(entry.note, entry.note_en, lang),
            }
        )
    columns = [t(k, lang) for k in ("col_when", "col_value", "col_source", "col_evidence")]
    return pd.DataFrame(rows, columns=columns)


def progress_markdown(table: pd.DataFrame) -> str:
    """Return the progress timeline as a Markdown list for a phone: when and the figure in bold,
    the source, then the quote or note; every cell escaped."""
    items = []
    for when, figure, source, evidence in table.itertuples(index=False):
        line = f"- **{escape_markdown(str(when))} · {escape_markdown(str(figure))}** — "
        line += escape_markdown(str(source))
        if evidence:
            line += f"  \n  {escape_markdown(str(evidence))}"
        items.append(line)
    return "\n".join(items)


def commitment_place(targets: TargetsFile, commitment: Commitment) -> str:
    """Return the place a commitment's report is about (as the report records name it)."""
    report = targets.report(commitment.report)
    return report_place(report, "zh") if report else ""


def same_metric(targets: TargetsFile, commitment: Commitment) -> list[Commitment]:
    """Return the same place's other commitments with the same metric, in order of year."""
    if not commitment.metric:
        return []
    place = commitment_place(targets, commitment)
    others = [
        c
        for c in targets.commitments
        if c.metric == commitment.metric
        and c.id != commitment.id
        and commitment_place(targets, c) == place
    ]
    return sorted(others, key=lambda c: (c.year, c.id))


def other_places(targets: TargetsFile, commitment: Commitment) -> list[Commitment]:
    """Return the same metric's commitments for the same year in other places, by place."""
    if not commitment.metric:
        return []
    place = commitment_place(targets, commitment)
    found = [
        c
        for c in targets.commitments
        if c.metric == commitment.metric
        and c.year == commitment.year
        and commitment_place(targets, c) != place
    ]
    return sorted(found, key=lambda c: (commitment_place(targets, c), c.id))


def verdict_html(status: str, finding: str, lang: str) -> str:
    """Return the verdict as the page's first block: the status (icon and word) and the finding,
    on the status's colour of the charts; the finding HTML-escaped."""
    colour = STATUS_COLOURS[status]
    label = f"{STATUS_ICONS[status]} {status_label(status, lang)}"
    return (
        f'<div class="verdict verdict-{status}" style="border-left:10px solid {colour};'
        f"background:{mix(colour, '#ffffff', 0.8)};color:{TEXT_COLOUR};padding:0.7rem 1rem;"
        'border-radius:4px">'
        f'<div class="verdict-status" style="font-weight:700;font-size:1.05rem">'
        f"{html.escape(label)}</div>"
        '<div class="verdict-finding" style="font-weight:600;font-size:1.55rem;line-height:1.35">'
        f"{html.escape(finding)}</div></div>"
    )


def facts_html(facts: Sequence[tuple[str, str]]) -> str:
    """Return labelled figures side by side, each figure kept on one line (never broken inside a
    word, as 低于目标5.4个百/分点 was); the figures without a value are left out."""
    items = "".join(
        '<span class="fact" style="display:inline-block;margin:0 2rem 0.4rem 0">'
        f'<span style="color:#616161;font-size:0.85rem">{html.escape(label)}</span><br>'
        f'<b class="fact-value" style="white-space:nowrap;font-size:1.15rem">'
        f"{html.escape(value)}</b></span>"
        for label, value in facts
        if value
    )
    return f'<div class="facts" style="margin-top:0.6rem">{items}</div>'
