"""Draft the commitment records of a report: one per plan figure nothing tracks or excludes yet.

`draft_report(targets, report_id, document)` is pure: it reads the report's figures
(loaders.figures.finder.classify_figures) and returns, for every untracked plan figure that is an
amount, a `Draft` that is a complete, valid commitment record:

- `report`, `year` (the plan's year), `target` (op, value and unit as the finder reads them;
  a tolerance for "about" in units without a default), `quote` (the figure's clause, verified
  with loaders.texts.quotes.find_quote);
- `metric`, `title`, `title_en` and `id` carried over from the latest earlier commitment of
  the same measure — same unit dimension and rare words in common (loaders.figures.measure_words) —
  with the value in that record's unit (1.1万人次 → 11000 人次); otherwise a title made from the
  clause, an id `<report>-<n>` (n: the figure's place among the plan's figures) and a
  `title_en` marker a person must replace;
- `area`: the area whose name is the chapter's title (or, before the first chapter, is named in
  the paragraph: 主要预期目标), else the area most of the chapter's repeated measures were
  recorded under last time, else a new area drafted from the chapter's title;
- `baseline`: the review figure of the same measure (the year before the plan), with its clause;
- `draft: true`, until a person has checked the record.

Figures that read as names (十件民生实事) are returned as exclusion candidates, and plan clauses
with milestone verbs (建成, 完成…创建, 通过验收) and no amount as milestone candidates.

The areas are chosen in loaders.drafting.areas, the baselines in loaders.drafting.baselines; what
`draft_report` returns is declared in loaders.drafting.draft_types.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.drafting.areas import chapter_key, draft_areas
from loaders.drafting.baselines import NUMERIC_MEASURES, with_baselines
from loaders.drafting.draft_types import TITLE_EN_MARKER, Draft, DraftResult, MilestoneCandidate
from loaders.figures.finder import FoundFigure, classify_figures, value_in_unit
from loaders.figures.measure_words import (
    CLAUSE_BOUNDARY,
    Context,
    FigureContexts,
    document_frequency,
    measure_pairs,
    similarity,
)
from loaders.figures.scan import Figure, figures_in_text
from loaders.model import Commitment, Target, TargetsFile
from loaders.record.schema import DEFAULT_TOLERANCE
from loaders.texts.parts import heading_kind
from loaders.texts.quotes import find_quote, find_quotes
from loaders.texts.report import Document
from loaders.wording import POST_COMPARATORS, PRE_COMPARATORS

MIN_CARRY_SCORE = 1.0  # one rare word in the figure's own text, or two in its clause
DRAFTED_TOLERANCE_SHARE = 0.05  # "about" in a unit with no default: 5% of the value, to check
MAX_TITLE = 30

_CUES = ("力争", "确保", "争取", "力促", "努力", "务必", "保证", "全年", "今年", "年内", "全区")
_POST_WORDS = sorted({*POST_COMPARATORS, "及以上"}, key=len, reverse=True)
_PRE_WORDS = sorted(
    {*(w for group in PRE_COMPARATORS.values() for w in group), *_CUES}, key=len, reverse=True
)
_EDGE_PUNCTUATION = " \t、，。；：,;:的和及与并"
MILESTONE_VERBS = re.compile(
    r"建成|竣工|通过验收|投入使用|挂牌|创建为|创成|成功创建|创建国家|创建省|申报|设立|开通"
    r"|完成[^，。；]{0,16}?(?:创建|改革|验收|搬迁|建设)"
)
_YEAR_IN_HEADING = re.compile(r"(\d{4})\s*年")


# ---- the plan's year and figures -----------------------------------------------------------


def plan_year(document: Document, targets: TargetsFile, report_id: str) -> int | None:
    """Return the year a report's plan is for: its plan heading's year, else its date's year."""
    for paragraph in document.in_part("plan"):
        if heading_kind(paragraph.text) == "plan":
            found = _YEAR_IN_HEADING.search(paragraph.text)
            if found:
                return int(found.group(1))
            break
    report = targets.report(report_id)
    return report.date.year if report else None


def draft_commitments(
    targets: TargetsFile, report_id: str, document: Document, year: int | None = None
) -> list[Draft]:
    """Return one drafted commitment per untracked plan figure of a report that is an amount."""
    return list(draft_report(targets, report_id, document, year).drafts)


def draft_report(
    targets: TargetsFile, report_id: str, document: Document, year: int | None = None
) -> DraftResult:
    """Return the drafts, new areas, exclusion and milestone candidates of a report."""
    year = year or plan_year(document, targets, report_id)
    if year is None:
        raise ValueError(f"no year for {report_id}: declare the report under `reports:`")
    found = classify_figures(targets, report_id, document)
    contexts = FigureContexts(document)
    plan = [f for f in found if f.kind == "commitment"]
    number_of = {id(f): n for n, f in enumerate(plan, start=1)}
    names, skipped, draftable = [], [], []
    for item in plan:
        if not item.untracked:
            continue
        reason = _not_draftable(item)
        if reason == "name":
            names.append(item)
        elif reason:
            skipped.append((item, reason))
        elif find_quote(document, contexts.of(item.figure).clause_text) is None:
            skipped.append((item, "its clause could not be found again in the report"))
        else:
            draftable.append(item)
    carried = _carry_over(targets, year, draftable, contexts)
    areas, area_of = draft_areas(targets, report_id, document, draftable, carried)
    taken = {c.id for c in targets.commitments}
    drafts = []
    for item in draftable:
        context = contexts.of(item.figure)
        earlier, shared = carried.get(id(item), (None, ()))
        drafts.append(
            _draft(item, report_id, year, earlier, shared, context, number_of[id(item)], taken)
        )
    drafts = [
        replace(d, area=area_of[chapter_key(document.paragraph(d.found.figure.paragraph))])
        for d in drafts
    ]
    drafts = with_baselines(drafts, found, contexts, year)
    return DraftResult(
        report_id=report_id,
        year=year,
        drafts=tuple(drafts),
        areas=tuple(areas),
        names=tuple(names),
        milestones=tuple(_milestones(targets, report_id, document, found)),
        skipped=tuple(skipped),
    )


def _not_draftable(item: FoundFigure) -> str:
    """Return why an untracked plan figure cannot be drafted as an amount, or ''."""
    figure = item.figure
    if figure.label is not None:
        return "name"
    if figure.measure == "grade":
        return "a grade: part of a milestone (listed with the milestone candidates)"
    if figure.value is None or figure.measure not in NUMERIC_MEASURES:
        return "a ratio: record it by hand"
    return ""


# ---- same measure as an earlier record -----------------------------------------------------


def _measure_key(commitment: Commitment) -> str:
    """Return the key linking a commitment's measure across years: its metric, else its id."""
    if commitment.metric:
        return commitment.metric
    return re.sub(rf"-{commitment.year}$", "", commitment.id)


def _record_words(commitment: Commitment) -> frozenset[str]:
    """Return the words of a commitment's title and quote."""
    return measure_pairs(commitment.title) | measure_pairs(commitment.quote)


def _carry_over(
    targets: TargetsFile, year: int, items: list[FoundFigure], contexts: FigureContexts
) -> dict[int, tuple[Commitment, tuple[str, ...]]]:
    """Return, per drafted figure (by id), the earlier commitment of the same measure."""
    latest: dict[str, Commitment] = {}
    this_year = {_measure_key(c) for c in targets.commitments if c.year == year}
    for c in targets.commitments:
        if c.year >= year or c.target.op == "done" or c.target.unit is None:
            continue
        key = _measure_key(c)
        if key in this_year:
            continue
        if key not in latest or c.year >= latest[key].year:
            latest[key] = c
    record_words = {key: _record_words(c) for key, c in latest.items()}
    scored = []
    for item in items:
        context = contexts.of(item.figure)
        compatible = [
            key
            for key, c in latest.items()
            if value_in_unit(item.figure, c.target.unit) is not None
        ]
        frequency = document_frequency(record_words[key] for key in compatible)
        for key in compatible:
            score, shared = similarity(record_words[key], context, frequency)
            if score >= MIN_CARRY_SCORE:
                scored.append(
                    (score, item.figure.paragraph, item.figure.start, id(item), key, shared)
                )
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: dict[int, tuple[Commitment, tuple[str, ...]]] = {}
    used: set[str] = set()
    for _, _, _, item_id, key, shared in scored:
        if item_id in chosen or key in used:
            continue
        chosen[item_id] = (latest[key], shared)
        used.add(key)
    return chosen


# ---- one draft -----------------------------------------------------------------------------


def _draft(
    item: FoundFigure,
    report_id: str,
    year: int,
    earlier: Commitment | None,
    shared: tuple[str, ...],
    context: Context,
    number: int,
    taken: set[str],
) -> Draft:
    """Return the draft of one figure (its area is filled in afterwards)."""
    figure = item.figure
    notes = []
    op = item.op
    if figure.measure == "rank" and op in ("=", ">="):
        op = "<="  # a rank is met at that place or better
    unit: str | None = figure.unit
    value: float | None = figure.value
    if earlier is not None and earlier.target.unit != figure.unit:
        unit = earlier.target.unit
        value = value_in_unit(figure, unit)
        notes.append(f"{figure.text.replace(' ', '')} written in {unit}, the unit of {earlier.id}")
    if figure.high is not None:
        notes.append(
            f"the report gives a range, {figure.text.replace(' ', '')}: check op and value"
        )
    tolerance = None
    if op == "~" and value is not None and unit not in DEFAULT_TOLERANCE:
        tolerance = _round_tolerance(value * DRAFTED_TOLERANCE_SHARE)
        notes.append('tolerance drafted as 5% of the value: say how far from it is still "about"')
    if earlier is not None:
        metric = _measure_key(earlier)
        title, title_en = earlier.title, earlier.title_en
        wanted = f"{metric}-{year}"
        if not earlier.metric:
            notes.append(f"add `metric: {metric}` to {earlier.id} too, to link the two years")
    else:
        metric = None
        title, title_en = _title(context, figure), TITLE_EN_MARKER
        wanted = f"{report_id}-{number:02d}"
    record_id = _unique(wanted, taken)
    taken.add(record_id)
    return Draft(
        id=record_id,
        report=report_id,
        year=year,
        area="",
        title=title,
        title_en=title_en,
        target=Target(op=op, value=value, unit=unit, tolerance=tolerance),
        quote=context.clause_text.strip(),
        found=item,
        metric=metric,
        carried_from=earlier,
        shared_words=shared,
        notes=tuple(notes),
    )


def _round_tolerance(value: float) -> float:
    """Return a tolerance rounded to two significant figures."""
    if value <= 0:
        return 0.0
    return float(f"{value:.2g}")


def _unique(wanted: str, taken: set[str]) -> str:
    """Return wanted, or wanted-2, -3 … when an id is taken."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def _title(context: Context, figure: Figure) -> str:
    """Return a short Chinese title from the figure's own words: 新增养老床位 from 新增养老床位 300张."""
    local = context.local_text
    position = local.find(figure.text)
    if position >= 0:
        text = _join_around([local[:position], local[position + len(figure.text) :]])
    else:
        text = _join_around([local])
    if sum("\u4e00" <= ch <= "\u9fff" for ch in text) < 2:
        clause = context.clause_text
        pieces, start = [], 0
        for other in figures_in_text(clause):
            pieces.append(clause[start : other.start])
            start = other.end
        text = _join_around([*pieces, clause[start:]])
    return text[:MAX_TITLE] or figure.clause[:MAX_TITLE]


def _join_around(pieces: list[str]) -> str:
    """Return the text between figures joined: comparators next to a figure, effort words in
    front, spaces and edge punctuation left out (力争突破 | 30亿元 | 以上 → '')."""
    kept = []
    for index, piece in enumerate(pieces):
        piece = "".join(piece.split())
        if index > 0:  # after a figure: 以上, 左右 …
            piece = _strip_words(piece, _POST_WORDS, from_end=False)
        if index < len(pieces) - 1:  # before a figure: 达到, 控制在 …
            piece = _strip_words(piece, _PRE_WORDS, from_end=True)
        kept.append(piece)
    text = "".join(kept)
    changed = True
    while changed:
        before = text
        text = text.strip(_EDGE_PUNCTUATION)
        for cue in _CUES:
            text = text.removeprefix(cue)
        changed = text != before
    return text


def _strip_words(text: str, words: list[str], from_end: bool) -> str:
    """Return text without the given words at its end (or start), repeatedly."""
    changed = True
    while changed:
        changed = False
        for word in words:
            if from_end and text.endswith(word):
                text, changed = text[: -len(word)], True
            elif not from_end and text.startswith(word):
                text, changed = text[len(word) :], True
    return text


# ---- candidates --------------------------------------------------------------------------


def _milestones(
    targets: TargetsFile, report_id: str, document: Document, found: list[FoundFigure]
) -> list[MilestoneCandidate]:
    """Return the plan clauses with a milestone verb and no amount that nothing records yet."""
    amounts: dict[int, list] = {}
    for item in found:
        if (
            item.kind == "commitment"
            and item.figure.measure != "grade"
            and item.figure.label is None
        ):
            amounts.setdefault(item.figure.paragraph, []).append(item.figure)
    covered: dict[int, list[tuple[int, int]]] = {}
    for c in targets.commitments:
        if c.report == report_id:
            for match in find_quotes(document, c.quote):
                covered.setdefault(match.paragraph, []).append((match.start, match.end))
    candidates = []
    for paragraph in document.in_part("plan"):
        text = paragraph.text
        start = 0
        for boundary in [*CLAUSE_BOUNDARY.finditer(text), None]:
            end = boundary.start() if boundary else len(text)
            clause = text[start:end].strip()
            span = (start, end)
            start = boundary.end() if boundary else len(text)
            if not clause or not MILESTONE_VERBS.search(clause):
                continue
            if any(span[0] <= f.start < span[1] for f in amounts.get(paragraph.number, ())):
                continue
            if any(s < span[1] and span[0] < e for s, e in covered.get(paragraph.number, ())):
                continue
            candidates.append(MilestoneCandidate(paragraph.number, paragraph.chapter, clause))
    return candidates
