"""What a figure measures, in words: the two-character words around it, weighed by rarity.

Two figures measure the same thing when the words around them share rare two-character words
(学位, 碧道, 失业率) — common ones (新增, 推进, 以上) say nothing. A figure's words come from three
places, nearest first: its *local* text (its own item of the clause: from the previous figure or
、 to the next), its clause and its sentence. `Context` holds them; `similarity` scores a set of
words (an earlier record's title and quote) against them, each shared word weighed by 1 / how
many of the compared records use it. `FigureContexts` holds the words around every figure of a
document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from loaders.figures.scan import Figure, figures_in_text, find_figures
from loaders.texts.report import Document
from loaders.wording import MEASURE_STOP_WORDS as STOP_WORDS

_STOP_PATTERN = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
CLAUSE_BOUNDARY = re.compile(r"[。；！？，：;!?]|,(?!\d)|:(?!\d)")
SENTENCE_BOUNDARY = re.compile(r"[。；！？;!?]")
_LIST_SEPARATOR = "、"
_RESPECTIVELY = "分别"

LOCAL, CLAUSE, SENTENCE = 1.0, 0.5, 0.25  # how much a shared word counts, by where it is

#: the short forms the reports use for the same words (技术改造 is 技改 in the next sentence)
SHORT_FORMS = {"技术改造": "技改", "规模以上": "规上", "限额以上": "限上", "高新技术": "高新技"}
_SHORT_PATTERN = re.compile("|".join(SHORT_FORMS))


def measure_pairs(text: str) -> frozenset[str]:
    """Return the two-character words of text, its figures and common words left out."""
    for figure in reversed(figures_in_text(text)):
        text = text[: figure.start] + " " + text[figure.end :]
    text = _SHORT_PATTERN.sub(lambda m: SHORT_FORMS[m.group()], text)
    return frozenset(_CJK_PAIR.findall(_STOP_PATTERN.sub(" ", text)))


@dataclass(frozen=True)
class Context:
    """The words around a figure: its local text, its clause and its sentence."""

    local_text: str
    clause_text: str
    sentence_text: str
    local: frozenset[str]
    clause: frozenset[str]
    sentence: frozenset[str]

    def level(self, pair: str, sentence: bool = True) -> float:
        """Return how much a word shared with this figure counts: by how near the figure it is."""
        if pair in self.local:
            return LOCAL
        if pair in self.clause:
            return CLAUSE
        if sentence and pair in self.sentence:
            return SENTENCE
        return 0.0


def _span(text: str, start: int, end: int, boundary: re.Pattern) -> tuple[int, int]:
    """Return the span between the boundaries around [start, end)."""
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def figure_context(text: str, figure: Figure, figures: Iterable[Figure]) -> Context:
    """Return the words around a figure of a paragraph's text (figures: all of the paragraph's)."""
    clause_start, clause_end = _span(text, figure.start, figure.end, CLAUSE_BOUNDARY)
    sentence_start, sentence_end = _span(text, figure.start, figure.end, SENTENCE_BOUNDARY)
    in_clause = [f for f in figures if clause_start <= f.start < clause_end]
    local = _respectively(text, figure, in_clause, clause_start) or _local(
        text, figure, in_clause, clause_start, clause_end
    )
    clause = text[clause_start:clause_end].strip()
    sentence = text[sentence_start:sentence_end]
    return Context(
        local,
        clause,
        sentence,
        measure_pairs(local),
        measure_pairs(clause),
        measure_pairs(sentence),
    )


def _local(
    text: str, figure: Figure, in_clause: list[Figure], clause_start: int, clause_end: int
) -> str:
    """Return the figure's own item of its clause: from the previous figure or 、 to the next."""
    start, end = clause_start, clause_end
    for other in in_clause:
        if other.end <= figure.start:
            start = max(start, other.end)
        elif other.start >= figure.end:
            end = min(end, other.start)
    separator = text.rfind(_LIST_SEPARATOR, start, figure.start)
    if separator >= 0:
        start = separator + 1
    separator = text.find(_LIST_SEPARATOR, figure.end, end)
    if separator >= 0:
        end = separator
    return text[start:end]


def _respectively(text: str, figure: Figure, in_clause: list[Figure], clause_start: int) -> str:
    """Return the item a figure stands for in "A、B、C分别增长 1%、2%、3%", else empty."""
    head_end = text.find(_RESPECTIVELY, clause_start, figure.start)
    if head_end < 0:
        return ""
    listed = [f for f in in_clause if f.start > head_end]
    items = text[clause_start:head_end].split(_LIST_SEPARATOR)
    if len(items) != len(listed) or len(items) < 2 or figure not in listed:
        return ""
    verb = text[head_end : listed[0].start]
    return items[listed.index(figure)] + verb


def document_frequency(word_sets: Iterable[frozenset[str]]) -> dict[str, int]:
    """Return, per word, how many of the sets hold it."""
    counts: dict[str, int] = {}
    for found in word_sets:
        for pair in found:
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def similarity(
    record_words: frozenset[str],
    context: Context,
    frequency: dict[str, int],
    sentence: bool = True,
) -> tuple[float, tuple[str, ...]]:
    """Return how strongly a record's words match a figure's context, and the words shared.

    Each shared word counts 1 / the number of compared records that use it, times 1 in the
    figure's local text, 0.5 in its clause and 0.25 elsewhere in its sentence (when `sentence`).
    """
    score = 0.0
    shared = []
    for pair in record_words:
        level = context.level(pair, sentence)
        if level:
            score += level / max(1, frequency.get(pair, 1))
            shared.append(pair)
    return score, tuple(sorted(shared))


class FigureContexts:
    """The words around every figure of a document, looked up by figure."""

    def __init__(self, document: Document):
        by_paragraph: dict[int, list[Figure]] = {}
        for figure in find_figures(document):
            by_paragraph.setdefault(figure.paragraph, []).append(figure)
        self.by_place: dict[tuple[int, int], Context] = {}
        for number, figures in by_paragraph.items():
            text = document.paragraph(number).text
            for figure in figures:
                self.by_place[(number, figure.start)] = figure_context(text, figure, figures)

    def of(self, figure: Figure) -> Context:
        """Return the words around a figure."""
        return self.by_place[(figure.paragraph, figure.start)]
