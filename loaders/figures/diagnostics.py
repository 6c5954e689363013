"""What the reader found in a report, and the warnings that keep a lost plan from going unseen.

`report_warnings(targets, documents, file)` returns a warning (a Problem with severity
"warning") for each work report whose structure looks wrong:

- it has no plan part (every figure would be read as a review outcome), and then which of its
  review figures carry a comparator or commitment word (积极争取上级资金12亿元 in a text with a
  review heading and no plan heading, which the reader does not take for the plan's start);
- its plan part holds no figure;
- its review holds figures that read as targets: a comparator or commitment word (以上, 左右,
  以内, 力争, 确保, 争取) in a sentence about the plan year (今年, 新的一年, the plan year).

`structure_lines(report_id, document)` is what `targets report` prints: the layout, the plan
year, each part with its paragraphs and how it was decided, and every chapter and heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from loaders.figures.finder import figure_kind
from loaders.figures.scan import Figure, find_figures, folded, paragraph_figures
from loaders.texts.parts import PartStart
from loaders.texts.report import Document
from loaders.texts.script import to_simplified

#: the kind of derived entry (`cache.report_texts.ReportTexts.derived`) holding a report text's structure warnings
STRUCTURE_WARNINGS = "structure-warnings"

TARGET_CUES = ("以上", "左右", "以内", "力争", "确保", "争取")
PLAN_TIME_WORDS = ("今年", "新的一年", "明年")
MAX_EXAMPLES = 3
WORK_REPORT = "工作报告"
HOW_TO_FIX = (
    "run `targets report {id}` to see the parts the reader found; if the plan starts "
    "elsewhere, give its opening words as `plan_starts:` on the report"
)


def is_work_report(document: Document, title: str = "") -> bool:
    """Return True when a report reads as a work report (title or opening says 工作报告)."""
    opening = "".join(p.text for p in document.paragraphs[:12])
    return WORK_REPORT in to_simplified(title) or WORK_REPORT in to_simplified(opening)


def _sentence(text: str, start: int, end: int) -> str:
    """Return the sentence of text around [start, end) (up to 。！？ on either side)."""
    left = max(text.rfind(mark, 0, start) for mark in "。！？!?") + 1
    rights = [i for i in (text.find(mark, end) for mark in "。！？!?") if i >= 0]
    return text[left : min(rights) if rights else len(text)]


def reads_as_target(figure: Figure, sentence: str, plan_year: int | None) -> bool:
    """Return True when a review figure reads as a target of the plan year."""
    if not any(cue in TARGET_CUES for cue in figure.cues):
        return False
    sentence = to_simplified(sentence)
    years = (f"{plan_year}年",) if plan_year else ()
    return any(word in sentence for word in PLAN_TIME_WORDS + years)


def structure_warnings(report_id: str, document: Document) -> list[str]:
    """Return the messages of what looks wrong in a work report's parts (empty when nothing)."""
    structure = document.structure
    plan_year = structure.plan_year if structure else None
    fix = HOW_TO_FIX.format(id=report_id)
    if not document.in_part("plan"):
        return [
            f"no plan part found in {document.source}: every figure is read as a review "
            f"outcome and no commitment can be found; {fix}",
            *_cued_review_figures(document),
        ]
    plan = (f for f in _part_figures(document, "plan") if figure_kind(document, f) == "commitment")
    messages = []
    if next(plan, None) is None:
        first = document.in_part("plan")[0].number
        messages.append(
            f"the plan part of {document.source} (from ¶{first}) holds no figure; {fix}"
        )
    suspicious = [
        figure
        for figure in _part_figures(document, "review", cued=True)
        if reads_as_target(
            figure,
            _sentence(document.paragraph(figure.paragraph).text, figure.start, figure.end),
            plan_year,
        )
    ]
    if suspicious:
        messages.append(
            f"{len(suspicious)} figure(s) of the review part of {document.source} read as "
            f"targets of {plan_year or 'the plan year'}: {_examples(suspicious)}; the plan may "
            f"start earlier: {fix}"
        )
    return messages


def _part_figures(document: Document, part: str, cued: bool = False) -> Iterator[Figure]:
    """Yield the figures of a part's paragraphs in order, scanned as they are asked for; with
    cued, only those of paragraphs holding a target cue (TARGET_CUES: a figure's cues are words
    of its paragraph, so no other paragraph can hold a figure that reads as a target)."""
    for paragraph in document.in_part(part):
        if cued:
            text = folded(paragraph.text)
            if not any(cue in text for cue in TARGET_CUES):
                continue
        yield from paragraph_figures(paragraph)


def _examples(figures: list[Figure]) -> str:
    """Return the first few figures as ¶N figure in “clause”, and how many more there are."""
    examples = "; ".join(f"¶{f.paragraph} {f.text} in “{f.clause}”" for f in figures[:MAX_EXAMPLES])
    more = f" (and {len(figures) - MAX_EXAMPLES} more)" if len(figures) > MAX_EXAMPLES else ""
    return examples + more


def _cued_review_figures(document: Document) -> list[str]:
    """Return the message naming the review figures of a text without a plan part that carry a
    comparator or commitment word (力争, 争取, 以上 …), or none when there is no such figure."""
    cued = [
        figure
        for figure in _part_figures(document, "review", cued=True)
        if figure.label is None and any(cue in TARGET_CUES for cue in figure.cues)
    ]
    if not cued:
        return []
    return [
        f"{len(cued)} figure(s) of the review part of {document.source} read as targets "
        f"({'、'.join(TARGET_CUES)}): {_examples(cued)}; with no plan part they are read as "
        "outcomes (a review subsection's 力争 or 争取 starts no plan when the text has a review "
        "heading and no plan heading); if the plan starts among them, give its opening words as "
        "`plan_starts:` on the report"
    ]


def structure_messages(report_id: str, title: str) -> Callable[[Document], list[str]]:
    """Return a function giving the structure warnings of a report's text (none when it does
    not read as a work report)."""

    def messages(document: Document) -> list[str]:
        """Return the structure warnings of the report's text."""
        if not is_work_report(document, title):
            return []
        return structure_warnings(report_id, document)

    return messages


def structure_lines(report_id: str, document: Document) -> list[str]:
    """Return what `targets report` prints: layout, plan year, parts and headings."""
    structure = document.structure
    year = "unknown"
    layout = structure.layout if structure else "?"
    if structure and structure.plan_year:
        year = f"{structure.plan_year} (from {structure.year_from or 'the text'})"
    kinds = Counter(
        (f.part, figure_kind(document, f)) for f in find_figures(document) if f.label is None
    )
    lines = [
        f"{report_id} ({document.source}): {len(document.paragraphs)} paragraphs, "
        f"layout {layout}, plan year {year}",
        "",
        "parts:",
    ]
    numbers: dict[str, list[int]] = {}
    for paragraph in document.paragraphs:
        numbers.setdefault(paragraph.part, []).append(paragraph.number)
    starts: dict[str, PartStart] = {}
    for start in structure.starts if structure else ():
        starts.setdefault(start.part, start)  # how the part first starts
    for part in ("front", "review", "plan", "annex"):
        found = numbers.get(part)
        if not found:
            lines.append(f"  {part:<7} none")
            continue
        span = _spans(found)
        counted = _figure_counts(part, kinds)
        decided = starts.get(part)
        how = (
            f"{decided.how}{': ' + decided.evidence if decided.evidence else ''}" if decided else ""
        )
        confidence = f" (confidence {decided.confidence:.2f})" if decided else ""
        lines.append(f"  {part:<7} {span:<12} {counted:<28} {how}{confidence}")
    lines += ["", "chapters and headings:"]
    for paragraph in document.paragraphs:
        if paragraph.part not in ("review", "plan"):
            continue
        label = _heading_of(paragraph.text, paragraph.chapter, paragraph.heading)
        if label:
            lines.append(f"  ¶{paragraph.number:<4} {paragraph.part:<6} {label}")
    return lines


def _spans(numbers: list[int]) -> str:
    """Return paragraph numbers as runs: ¶3–¶6, ¶9 (a part may come back, as a news item's
    review after its plan)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"¶{r[0]}–¶{r[-1]}" if len(r) > 1 else f"¶{r[0]}" for r in runs)


def _figure_counts(part: str, kinds: Counter) -> str:
    """Return how many figures of a part are commitments, outcomes or other."""
    found = {kind: count for (p, kind), count in kinds.items() if p == part}
    if not found:
        return "no figure"
    order = ("commitment", "outcome", "other")
    return ", ".join(f"{found[k]} {k}{'s' if found[k] != 1 else ''}" for k in order if k in found)


_TITLE_LINE = re.compile(r"^[^。！？；;，,]{1,40}$")


def _heading_of(text: str, chapter: str | None, heading: str | None) -> str:
    """Return a paragraph's part heading, chapter title or heading sentence, else ""."""
    if _TITLE_LINE.match(text):
        return text
    if chapter and text.startswith(("（", "(")):
        return f"{chapter} {heading}" if heading else chapter
    return f"    {heading}" if heading else ""
