"""Suggested outcomes: review figures of a later report that may be a commitment's result.

`suggest_progress(targets, later_report_id, later_document)` compares the wording around each
review figure of the later report with a commitment's title and quote (two-character words
such as 学位, 农村, 技改, common words like 新增 or 完成 left out) and keeps figures whose unit
measures the same thing as the target's. `targets find REPORT --suggest LATER` prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from loaders.figures.finder import GENERIC_COUNT_UNITS, FoundFigure, classify_figures, value_in_unit
from loaders.figures.scan import Figure, figures_in_text, unit_multiplier
from loaders.model import Commitment, TargetsFile
from loaders.texts.report import Document
from loaders.wording import STOP_WORDS

__all__ = ["Suggestion", "suggest_progress"]


@dataclass(frozen=True)
class Suggestion:
    """A review figure of a later report that may be the outcome of a recorded commitment."""

    commitment: Commitment
    found: FoundFigure  # the figure in the later report
    value: float  # the figure in the commitment's unit
    year: int  # the year the later report reviews (its own year − 1)
    shared_words: tuple[str, ...]  # what the figure's wording shares with the commitment's
    score: int

    def as_dict(self) -> dict[str, Any]:
        """Return the suggestion as a JSON-ready mapping."""
        target = self.commitment.target
        return {
            "commitment": self.commitment.id,
            "title": self.commitment.title,
            "target_op": target.op,
            "target_value": target.value,
            "target_unit": target.unit,
            "source": self.found.report_id,
            "year": self.year,
            "value": self.value,
            "figure": self.found.figure.text,
            "paragraph": self.found.figure.paragraph,
            "clause": self.found.figure.clause,
            "shared_words": list(self.shared_words),
            "score": self.score,
        }


_STOP_PATTERN = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_SENTENCE_END = re.compile(r"[。；！？;!?]")
MAX_SUGGESTIONS_PER_COMMITMENT = 3
#: units of a rate: a candidate must share a word in its own clause (the same measure)
RATE_UNITS = ("%", "个百分点")


def suggest_progress(
    targets: TargetsFile,
    later_report_id: str,
    later_document: Document,
    report_id: str | None = None,
) -> list[Suggestion]:
    """Return review figures of a later report whose wording and unit match a commitment's.

    Commitments considered: those with a figure (not milestones) made for a year before the
    later report's year, by `report_id` when given. A figure qualifies when its unit measures
    the same thing as the target's and the words around it share a two-character word with
    the commitment's title or quote (学位, 农村, 技改 …): words in the figure's clause count
    twice, words earlier in its sentence once. The best three per commitment are returned,
    best first, skipping figures the commitment already records.
    """
    later = targets.report(later_report_id)
    later_year = later.date.year if later else None
    found = [
        f
        for f in classify_figures(targets, later_report_id, later_document)
        if f.kind == "outcome" and f.figure.value is not None and f.figure.label is None
    ]
    suggestions: list[Suggestion] = []
    for commitment in targets.commitments:
        target = commitment.target
        if target.op == "done" or target.value is None or target.unit is None:
            continue
        if commitment.report == later_report_id:
            continue
        if report_id is not None and commitment.report != report_id:
            continue
        if later_year is not None and commitment.year >= later_year:
            continue
        words = _words(commitment.title + "，" + commitment.quote)
        candidates = []
        for item in found:
            if any(name.startswith(commitment.id) for name in item.tracked_by):
                continue
            if not same_unit(item.figure, target.unit):
                continue
            value = value_in_unit(item.figure, target.unit)
            if value is None:
                continue
            clause_words = words & _words(item.figure.clause)
            sentence = _sentence_before(later_document, item.figure)
            sentence_words = (words & _words(sentence)) - clause_words
            if target.unit in RATE_UNITS and not words & _words(_since_last_rate(sentence)):
                continue  # the rate of another measure: CPI after GDP growth in one sentence
            score = 2 * len(clause_words) + len(sentence_words)
            if score >= 2:
                # the shared words as the later report writes them: runs of its own text
                shared = tuple(_runs(_measure_text(item.figure.clause), clause_words))
                shared += tuple(_runs(_measure_text(sentence), sentence_words))
                candidates.append((score, item, value, shared))
        candidates.sort(key=lambda c: (-c[0], c[1].figure.paragraph, c[1].figure.start))
        for score, item, value, shared in candidates[:MAX_SUGGESTIONS_PER_COMMITMENT]:
            year = later_year - 1 if later_year is not None else commitment.year
            suggestions.append(Suggestion(commitment, item, value, year, shared, score))
    return suggestions


def same_unit(figure: Figure, unit: str) -> bool:
    """Return True when a figure is in the unit, or in the unit with a multiplier (1.8万个, 万亩
    for 亩, 亿元 for 万元); 个 and 项 count alike. 人次 is never 个: a count of something else."""
    base = unit_multiplier(unit)[1] or unit
    if figure.base_unit == base:
        return True
    return figure.base_unit in GENERIC_COUNT_UNITS and base in GENERIC_COUNT_UNITS


def _since_last_rate(sentence: str) -> str:
    """Return the part of a sentence after its last rate (%, 个百分点): what names the next one."""
    rates = [f for f in figures_in_text(sentence) if f.base_unit in RATE_UNITS]
    return sentence[rates[-1].end :] if rates else sentence


def _words(text: str) -> set[str]:
    """Return the two-character Chinese words of a text's measure text."""
    return set(_CJK_PAIR.findall(_measure_text(text)))


def _measure_text(text: str) -> str:
    """Return text with its figures (26亿元) and common words (新增, 完成) replaced by spaces."""
    for figure in reversed(figures_in_text(text)):
        text = text[: figure.start] + " " + text[figure.end :]
    return _STOP_PATTERN.sub(" ", text)


def _runs(text: str, pairs: set[str]) -> list[str]:
    """Return the longest stretches of text made of overlapping shared pairs (学位, 农村公路)."""
    runs: list[str] = []
    current = ""
    for index in range(len(text) - 1):
        pair = text[index : index + 2]
        if pair in pairs:
            current = current + pair[1] if current else pair
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return list(dict.fromkeys(runs))


def _sentence_before(document: Document, figure: Figure) -> str:
    """Return the text of the figure's sentence before the figure."""
    text = document.paragraph(figure.paragraph).text[: figure.start]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[ends[-1] if ends else 0 :]
