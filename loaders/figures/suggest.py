"""Outcomes read from a later document: each figure the outcome of at most one commitment, each
commitment at most one figure, and only when the measure agrees.

`suggest_progress(targets, later_id, document)` reads the later document by its kind
(`later.later_kind`: a work report's review, a plan-execution report's execution part, a
statistical bulletin; never a period release's partial-year figures), and for every outcome
figure works out what it measures (`measures.figure_subject`). A figure is a candidate for a
commitment due in the outcome year when:

- its unit measures the same thing (个 and 项 alike; 1.8万个 is 18000 个; % and 个百分点 apart);
- a rate is a change where the target is a change (增长5%) and a level where it is a level
  (失业率3%); an amount is never a difference from last year (比上年增加2亿元);
- the words naming its measure are like the commitment's title (`measures.likeness`, a Dice
  score over two-character words): CANDIDATE_LIKENESS or more to be listed.

Candidates are then paired one to one, best first. A pair is *written* by `--write` (no
`--pick`) only when it is unambiguous and sure: likeness WRITE_LIKENESS or more, no other
figure of another value within MARGIN of it for the commitment, and no other commitment within
MARGIN of it for the figure. Every other candidate is listed with the reason it was not
written. A value carries its sign (下降2.1% is -2.1; a fall of a measure that is itself a fall
is positive). Milestones are read from later mentions (`milestones.milestone_outcomes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.figures.finder import (
    GENERIC_COUNT_UNITS,
    FoundFigure,
    classify_figures,
    measure_falls,
    outcome_value,
)
from loaders.figures.later import LaterKind, later_kind
from loaders.figures.measures import (
    figure_subject,
    is_change,
    is_difference,
    is_stock,
    likeness,
    measure_pairs,
    measure_text,
    names_a_part,
    names_change,
    names_flow,
    ordered_likeness,
)
from loaders.figures.milestones import milestone_outcomes
from loaders.figures.outcome import Suggestion
from loaders.figures.scan import Figure, unit_multiplier
from loaders.model import Commitment, TargetsFile
from loaders.texts.report import Document
from loaders.texts.script import to_simplified

__all__ = ["Suggestion", "suggest_progress", "CANDIDATE_LIKENESS", "WRITE_LIKENESS", "MARGIN"]

#: how alike a figure's measure and a commitment's must be to be listed, and to be written
CANDIDATE_LIKENESS = 0.4
WRITE_LIKENESS = 0.6
#: a rival this close to the best (figure or commitment) makes a pair ambiguous
MARGIN = 0.15
MAX_SUGGESTIONS_PER_COMMITMENT = 3
#: units of a rate
RATE_UNITS = ("%", "个百分点")
#: a sentence with these words gives an average or a total over years, not the year's figure
MULTI_YEAR_WORDS = ("年均", "平均每年", "五年来", "五年累计", "以来累计", "期间累计")
#: a figure's clause with these words gives a partial year (上半年, 1—9月, 前三季度, 12月当月)
#: what ends a figure's sentence (a semicolon too: a list of measures is read item by item)
_SENTENCE_ENDS = "。；;！？"
#: a year named in a figure's sentence
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!度计划)")
_PARTIAL = re.compile(
    r"一度|上半年|下半年|前三季度|[一二三四]季度|(?:1|一)\s*[—\-－~～至到]\s*\d{1,2}\s*月|当月|月末|月份"
)


@dataclass(frozen=True)
class _Candidate:
    """A figure of the later document with what it measures."""

    found: FoundFigure
    measure: str
    quote: str
    change: bool
    difference: bool
    measure_words: str  # the subject as written, common words kept (总数, 累计)
    alternatives: tuple[str, ...]  # a short subject read with the clause before it


def suggest_progress(
    targets: TargetsFile,
    later_report_id: str,
    later_document: Document,
    report_id: str | None = None,
) -> list[Suggestion]:
    """Return the outcomes a later document gives for recorded commitments, best first per
    commitment, each marked `write` when `--write` may record it without `--pick`."""
    later = targets.report(later_report_id)
    kind = later_kind(
        later_document,
        later.title if later else "",
        later.date.year if later else None,
        later.kind if later else None,
    )
    if kind.partial or kind.outcome_year is None:
        return []
    commitments = [
        c
        for c in targets.commitments
        if c.report != later_report_id and (report_id is None or c.report == report_id)
    ]
    figures = [c for c in commitments if c.target.op != "done" and c.year == kind.outcome_year]
    candidates = _candidates(targets, later_report_id, later_document, kind)
    found = _paired(figures, candidates, later_report_id, kind.outcome_year)
    milestones = [c for c in commitments if c.target.op == "done"]
    found += milestone_outcomes(milestones, later_report_id, later_document, kind)
    found = [_unless_recorded(s) for s in found]
    order = {c.id: i for i, c in enumerate(targets.commitments)}
    found.sort(key=lambda s: (order.get(s.commitment.id, 0), -s.score))
    return found


def _unless_recorded(suggestion: Suggestion) -> Suggestion:
    """Return a suggestion not to write when its commitment already holds an entry from the
    source for the year (it is still listed, so the numbers --pick takes stay the same)."""
    if not _recorded(suggestion.commitment, suggestion.source, suggestion.year):
        return suggestion
    reason = f"already recorded from {suggestion.source} for {suggestion.year}"
    return replace(suggestion, write=False, reason=reason)


def _recorded(commitment: Commitment, source: str, year: int) -> bool:
    """Return True when a commitment already holds an entry from the source for the year."""
    return any(p.source == source and p.year == year for p in commitment.progress)


def _candidates(
    targets: TargetsFile, later_id: str, document: Document, kind: LaterKind
) -> list[_Candidate]:
    """Return the later document's outcome figures with what each measures."""
    kept = []
    for item in classify_figures(targets, later_id, document):
        figure = item.figure
        if figure.value is None or figure.label is not None:
            continue
        if figure.paragraph not in kind.outcome_paragraphs:
            continue
        text = document.paragraph(figure.paragraph).text
        subject = figure_subject(text, figure)
        sentence = to_simplified(_sentence(text, figure))
        before = to_simplified(text[_sentence_start(text, figure) : figure.end])
        if any(w in sentence for w in MULTI_YEAR_WORDS) or _PARTIAL.search(before):
            continue
        if _another_year(before, kind.outcome_year):
            continue  # 2022年全县地区生产总值…: last year's figure, restated
        kept.append(
            _Candidate(
                item,
                measure_text(subject.text).strip(),
                text[subject.quote_start : figure.end],
                is_change(text, figure),
                is_difference(text, figure),
                subject.text,
                subject.alternatives,
            )
        )
    return kept


def _sentence_start(text: str, figure: Figure) -> int:
    """Return where a figure's sentence starts in its paragraph."""
    return max(text.rfind(m, 0, figure.start) for m in _SENTENCE_ENDS) + 1


def _another_year(text: str, year: int | None) -> bool:
    """Return True when a text names a year that is not the outcome year (2022年…)."""
    return year is not None and any(int(y) != year for y in _YEAR.findall(text))


def _sentence(text: str, figure: Figure) -> str:
    """Return the sentence of a paragraph around a figure."""
    ends = [i for i in (text.find(m, figure.end) for m in _SENTENCE_ENDS) if i >= 0]
    return text[_sentence_start(text, figure) : min(ends) if ends else len(text)]


def _fits(commitment: Commitment, candidate: _Candidate) -> float | None:
    """Return how alike a candidate's measure is to a commitment's, or None when the measure
    cannot agree (unit, change or level, a difference from last year)."""
    target, figure = commitment.target, candidate.found.figure
    if target.unit is None or not same_unit(figure, target.unit):
        return None
    if target.unit in RATE_UNITS:
        if candidate.change != names_change(commitment.title + commitment.quote):
            return None
    elif candidate.difference:
        return None
    elif names_flow(commitment.title) and is_stock(candidate.measure_words):
        return None  # 高新技术企业总数58家 is not 新认定高新技术企业
    if names_a_part(candidate.measure_words, commitment.title):
        return None  # 农村居民收入 is not 居民收入; 第一产业增加值 is not 地区生产总值
    title = measure_pairs(commitment.title)
    quoted = measure_pairs(_before_figure(commitment.quote))
    own = measure_pairs(candidate.measure_words)
    readings: tuple[str, ...] = (candidate.measure_words,)
    if own & (title | quoted):  # a short name read with its context only when it shares a word
        readings += candidate.alternatives
    return max(
        max(
            likeness(title, measure_pairs(words)),
            likeness(title | quoted, measure_pairs(words)) * 0.9,
            ordered_likeness(commitment.title, words),
        )
        for words in readings
    )


def _before_figure(quote: str) -> str:
    """Return a quote up to its last digit run: the words naming the measure."""
    for index, ch in enumerate(quote):
        if ch.isdigit():
            return quote[:index]
    return quote


def _paired(
    commitments: list[Commitment], candidates: list[_Candidate], later_id: str, year: int
) -> list[Suggestion]:
    """Return the candidates of each commitment, the best pairs one to one marked to write."""
    scored: list[tuple[float, Commitment, _Candidate, float]] = []
    for commitment in commitments:
        falls = measure_falls(commitment.quote, commitment.target.value)
        for candidate in candidates:
            score = _fits(commitment, candidate)
            if score is None or score < CANDIDATE_LIKENESS:
                continue
            value = outcome_value(candidate.found.figure, commitment.target.unit, falls)
            if value is not None:
                scored.append((score, commitment, candidate, round(value, 6)))
    scored.sort(key=lambda s: (-s[0], s[2].found.figure.paragraph, s[2].found.figure.start))
    by_figure: dict[tuple[int, int], list[tuple[float, Commitment]]] = {}
    by_commitment: dict[str, list[tuple[float, float]]] = {}
    for score, commitment, candidate, value in scored:
        figure = candidate.found.figure
        by_figure.setdefault((figure.paragraph, figure.start), []).append((score, commitment))
        by_commitment.setdefault(commitment.id, []).append((score, value))
    taken_figures: set[tuple[int, int]] = set()
    taken_commitments: set[str] = set()
    found: list[Suggestion] = []
    listed: dict[str, int] = {}
    for score, commitment, candidate, value in scored:
        figure = candidate.found.figure
        key = (figure.paragraph, figure.start)
        suggestion = Suggestion(
            commitment,
            later_id,
            year,
            value,
            None,
            candidate.quote,
            figure.paragraph,
            figure.text,
            candidate.measure,
            score,
        )
        reason = _why_not(score, commitment, value, key, by_figure, by_commitment)
        if key in taken_figures:
            reason = reason or "its figure is another commitment's outcome"
        if commitment.id in taken_commitments:
            reason = reason or "another figure is this commitment's outcome"
        if not reason:
            taken_figures.add(key)
            taken_commitments.add(commitment.id)
        if listed.get(commitment.id, 0) >= MAX_SUGGESTIONS_PER_COMMITMENT:
            continue
        listed[commitment.id] = listed.get(commitment.id, 0) + 1
        found.append(replace(suggestion, write=not reason, reason=reason))
    return found


def _why_not(
    score: float,
    commitment: Commitment,
    value: float,
    key: tuple[int, int],
    by_figure: dict[tuple[int, int], list[tuple[float, Commitment]]],
    by_commitment: dict[str, list[tuple[float, float]]],
) -> str:
    """Return why a candidate is not written (empty when it is sure and unambiguous)."""
    rivals = [(s, c) for s, c in by_figure[key] if c.id != commitment.id]
    if rivals and rivals[0][0] > score:
        return f"fits {rivals[0][1].id} better ({rivals[0][0]:.2f} against {score:.2f})"
    if rivals and rivals[0][0] >= score - MARGIN:
        return f"fits {rivals[0][1].id} as well ({rivals[0][0]:.2f}): pick one"
    others = [(s, v) for s, v in by_commitment[commitment.id] if v != value]
    if others and others[0][0] > score:
        return f"another figure fits better ({others[0][0]:.2f})"
    if others and others[0][0] >= score - MARGIN:
        return f"another figure fits as well ({others[0][1]:g}, {others[0][0]:.2f}): pick one"
    if score < WRITE_LIKENESS:
        return f"measures are only {score:.2f} alike (written from {WRITE_LIKENESS})"
    return ""


def same_unit(figure: Figure, unit: str) -> bool:
    """Return True when a figure is in the unit, or in the unit with a multiplier (1.8万个, 万亩
    for 亩, 亿元 for 万元); 个 and 项 count alike. 人次 is never 个: a count of something else."""
    base = unit_multiplier(unit)[1] or unit
    if figure.base_unit == base:
        return True
    return figure.base_unit in GENERIC_COUNT_UNITS and base in GENERIC_COUNT_UNITS
