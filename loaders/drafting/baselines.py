"""The baselines of drafted commitments: the review's figure of the same measure, a year earlier."""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.drafting.draft_types import Draft
from loaders.figures.finder import FoundFigure, value_in_unit
from loaders.figures.measure_words import (
    Context,
    FigureContexts,
    document_frequency,
    measure_pairs,
    similarity,
)
from loaders.model import Baseline
from loaders.record.schema import SIGNED_UNITS

MIN_BASELINE_SCORE = 1.0
NUMERIC_MEASURES = ("amount", "percent", "points", "rank")
_NEGATIVE_BEFORE = re.compile(r"(?:下降|减少|回落|下滑|负增长)\s*$")
_NOT_ONE_YEAR = re.compile(r"累计|[两三四五六七八九十]年来|五年|以来|历年|近年|总数|总量达")
_UNDER_WAY = re.compile(r"加快推进|加快建设|在建|正在|推进中|开工建设|有序推进")


def with_baselines(
    drafts: list[Draft], found: list[FoundFigure], contexts: FigureContexts, year: int
) -> list[Draft]:
    """Return the drafts with a baseline where the review gives the same measure's figure.

    A review figure is a draft's baseline when its own words or its clause share rare words
    with the draft's title and its figure's words (rare among the drafts of its unit), and it is
    a figure for one year of work done (not 累计, not 加快推进). Best matches first, each review
    figure is the baseline of one draft at most.
    """
    review = [
        f
        for f in found
        if f.kind == "outcome"
        and f.figure.value is not None
        and f.figure.label is None
        and f.figure.measure in NUMERIC_MEASURES
        and _one_year_done(contexts.of(f.figure), f)
    ]
    words = {id(d): measure_pairs(d.title) | contexts.of(d.found.figure).local for d in drafts}
    frequencies = {
        id(item): document_frequency(
            words[id(d)] for d in drafts if value_in_unit(item.figure, d.target.unit) is not None
        )
        for item in review
    }
    scored = []
    for draft in drafts:
        for item in review:
            value = value_in_unit(item.figure, draft.target.unit)
            if value is None:
                continue
            context = contexts.of(item.figure)
            score, _ = similarity(words[id(draft)], context, frequencies[id(item)], sentence=False)
            if score >= MIN_BASELINE_SCORE:
                scored.append((score, item.figure.paragraph, item.figure.start, draft, item, value))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: dict[int, tuple[FoundFigure, float]] = {}
    used: set[int] = set()
    for _, _, _, draft, item, value in scored:  # best first, each figure the baseline of one draft
        if id(draft) not in chosen and id(item) not in used:
            chosen[id(draft)] = (item, value)
            used.add(id(item))
    result = []
    for draft in drafts:
        if id(draft) not in chosen:
            result.append(draft)
            continue
        item, value = chosen[id(draft)]
        before = contexts.of(item.figure).local_text.split(item.figure.text)[0]
        if _NEGATIVE_BEFORE.search(before) and draft.target.unit in SIGNED_UNITS:
            value = -value
        quote = contexts.of(item.figure).clause_text
        baseline = Baseline(year=year - 1, value=value, quote=quote, source=draft.report)
        result.append(replace(draft, baseline=baseline, baseline_figure=item))
    return result


def _one_year_done(context: Context, item: FoundFigure) -> bool:
    """Return False for a review figure over several years (累计) or of work under way (加快推进)."""
    position = context.clause_text.find(item.figure.text)
    before = context.clause_text[: position if position >= 0 else len(context.clause_text)]
    return not _NOT_ONE_YEAR.search(before) and not _UNDER_WAY.search(context.local_text)
