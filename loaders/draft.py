"""Draft the commitment records of a report: one per plan figure nothing tracks or excludes yet.

`draft_report(targets, report_id, document)` is pure: it reads the report's figures
(loaders.finder.classify_figures) and returns, for every untracked plan figure that is an
amount, a `Draft` that is a complete, valid commitment record:

- `report`, `year` (the plan's year), `target` (op, value and unit as the finder reads them;
  a tolerance for "about" in units without a default), `quote` (the figure's clause, verified
  with loaders.quotes.find_quote);
- `metric`, `title`, `title_en` and `id` carried over from the latest earlier commitment of
  the same measure — same unit dimension and rare words in common (loaders.measure_words) —
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from loaders.figures import (
    Figure,
    chinese_number,
    figures_in_text,
    find_figures,
)
from loaders.finder import FoundFigure, classify_figures, value_in_unit
from loaders.measure_words import (
    CLAUSE_BOUNDARY,
    Context,
    document_frequency,
    figure_context,
    measure_pairs,
    similarity,
)
from loaders.model import Area, Baseline, Commitment, Target, TargetsFile
from loaders.parts import CHAPTER_MARKER, heading_kind
from loaders.quotes import find_quote, find_quotes, normalise
from loaders.report import Document, Paragraph
from loaders.schema import DEFAULT_TOLERANCE, SIGNED_UNITS
from loaders.wording import POST_COMPARATORS, PRE_COMPARATORS

TITLE_EN_MARKER = "TODO: English title"
NAME_EN_MARKER = "TODO: English name"
MIN_CARRY_SCORE = 1.0  # one rare word in the figure's own text, or two in its clause
MIN_BASELINE_SCORE = 1.0
DRAFTED_TOLERANCE_SHARE = 0.05  # "about" in a unit with no default: 5% of the value, to check
MAX_TITLE = 30
NUMERIC_MEASURES = ("amount", "percent", "points", "rank")

_CUES = ("力争", "确保", "争取", "力促", "努力", "务必", "保证", "全年", "今年", "年内", "全区")
_POST_WORDS = sorted({*POST_COMPARATORS, "及以上"}, key=len, reverse=True)
_PRE_WORDS = sorted(
    {*(w for group in PRE_COMPARATORS.values() for w in group), *_CUES}, key=len, reverse=True
)
_EDGE_PUNCTUATION = " \t、，。；：,;:的和及与并"
_NEGATIVE_BEFORE = re.compile(r"(?:下降|减少|回落|下滑|负增长)\s*$")
_NOT_ONE_YEAR = re.compile(r"累计|[两三四五六七八九十]年来|五年|以来|历年|近年|总数|总量达")
_UNDER_WAY = re.compile(r"加快推进|加快建设|在建|正在|推进中|开工建设|有序推进")
MILESTONE_VERBS = re.compile(
    r"建成|竣工|通过验收|投入使用|挂牌|创建为|创成|成功创建|创建国家|创建省|申报|设立|开通"
    r"|完成[^，。；]{0,16}?(?:创建|改革|验收|搬迁|建设)"
)
_YEAR_IN_HEADING = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True)
class DraftedArea:
    """A new area drafted from a chapter of the plan."""

    id: str
    name: str
    name_en: str
    chapter: str | None


@dataclass(frozen=True)
class Draft:
    """A commitment record drafted from a plan figure, with what it was drafted from."""

    id: str
    report: str
    year: int
    area: str
    title: str
    title_en: str
    target: Target
    quote: str
    found: FoundFigure
    metric: str | None = None
    baseline: Baseline | None = None
    carried_from: Commitment | None = None  # the earlier record of the same measure
    shared_words: tuple[str, ...] = ()  # the words the figure shares with that record
    baseline_figure: FoundFigure | None = None
    notes: tuple[str, ...] = ()  # what a reviewer should check: tolerance drafted, a range …


@dataclass(frozen=True)
class MilestoneCandidate:
    """A plan clause with a milestone verb and no amount: maybe a milestone (op "done")."""

    paragraph: int
    chapter: str | None
    clause: str


@dataclass(frozen=True)
class DraftResult:
    """Everything `targets draft` found in a report."""

    report_id: str
    year: int
    drafts: tuple[Draft, ...]
    areas: tuple[DraftedArea, ...]
    names: tuple[FoundFigure, ...]  # untracked figures that read as names: exclusion candidates
    milestones: tuple[MilestoneCandidate, ...]
    skipped: tuple[tuple[FoundFigure, str], ...] = field(default=())  # figure, why not drafted


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
    contexts = _Contexts(document)
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
    areas, area_of = _areas(targets, report_id, document, draftable, carried)
    taken = {c.id for c in targets.commitments}
    drafts = []
    for item in draftable:
        context = contexts.of(item.figure)
        earlier, shared = carried.get(id(item), (None, ()))
        drafts.append(
            _draft(item, report_id, year, earlier, shared, context, number_of[id(item)], taken)
        )
    drafts = [
        _with_area(d, area_of[_chapter_key(document.paragraph(d.found.figure.paragraph))])
        for d in drafts
    ]
    drafts = _with_baselines(drafts, found, contexts, year)
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


class _Contexts:
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
    targets: TargetsFile, year: int, items: list[FoundFigure], contexts: _Contexts
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


# ---- areas ---------------------------------------------------------------------------------


def _chapter_key(paragraph: Paragraph) -> tuple[str | None, str | None]:
    """Return what identifies a paragraph's chapter: its number and title."""
    return paragraph.chapter, paragraph.chapter_title


def _areas(
    targets: TargetsFile,
    report_id: str,
    document: Document,
    items: list[FoundFigure],
    carried: dict[int, tuple[Commitment, tuple[str, ...]]],
) -> tuple[list[DraftedArea], dict[tuple, str]]:
    """Return the new areas and, per chapter of the drafted figures, the area id."""
    by_name = {normalise(a.name): a for a in targets.areas}
    chapters: dict[tuple, list[FoundFigure]] = {}
    for item in items:
        chapters.setdefault(_chapter_key(document.paragraph(item.figure.paragraph)), []).append(
            item
        )
    new_areas: list[DraftedArea] = []
    area_of: dict[tuple, str] = {}
    for key, members in chapters.items():
        chapter, title = key
        area = by_name.get(normalise(title)) if title else None
        if area is None and title is None:
            area = _area_named_in(targets.areas, document, members)
        if area is None:
            area = _area_continued(targets, members, carried)
        if area is not None:
            area_of[key] = area.id
            continue
        drafted = _new_area(report_id, chapter, title, members, document)
        known = targets.area(drafted.id)
        if known is None and drafted.id not in {a.id for a in new_areas}:
            new_areas.append(drafted)
        area_of[key] = drafted.id
    return new_areas, area_of


def _area_named_in(
    areas: tuple[Area, ...], document: Document, members: list[FoundFigure]
) -> Area | None:
    """Return the area whose name the figures' paragraph holds (主要预期目标是：…), or None."""
    texts = {normalise(document.paragraph(m.figure.paragraph).text) for m in members}
    for area in areas:
        name = normalise(area.name)
        if len(name) >= 4 and any(name in text for text in texts):
            return area
    return None


def _area_continued(
    targets: TargetsFile,
    members: list[FoundFigure],
    carried: dict[int, tuple[Commitment, tuple[str, ...]]],
) -> Area | None:
    """Return the area most of the chapter's repeated measures were recorded under, or None."""
    counts: dict[str, int] = {}
    for member in members:
        if id(member) in carried:
            area = carried[id(member)][0].area
            counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    leaders = [a for a, n in counts.items() if n == best]
    if len(leaders) > 1 or 2 * best < sum(counts.values()):
        return None
    return targets.area(leaders[0])


def _new_area(
    report_id: str,
    chapter: str | None,
    title: str | None,
    members: list[FoundFigure],
    document: Document,
) -> DraftedArea:
    """Return an area drafted from a chapter: its title as the name, an id from its number."""
    number = None
    if chapter:
        marker = CHAPTER_MARKER.match(chapter)
        number = chinese_number(marker.group(1)) if marker else None
    suffix = f"chapter-{number}" if number else "plan"
    name = title or document.paragraph(members[0].figure.paragraph).heading or "工作安排"
    return DraftedArea(f"{report_id}-{suffix}", name, NAME_EN_MARKER, chapter)


def _with_area(draft: Draft, area: str) -> Draft:
    """Return the draft with its area."""
    return replace(draft, area=area)


# ---- baselines -----------------------------------------------------------------------------


def _with_baselines(
    drafts: list[Draft], found: list[FoundFigure], contexts: _Contexts, year: int
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
