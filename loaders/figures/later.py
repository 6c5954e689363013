"""What kind of later document a report is, which year its outcomes are for, and which of its
paragraphs hold outcomes.

- a work report (工作报告): its review part holds the outcomes of the year before its own;
- a plan-execution report (关于…计划执行情况…的报告): the execution part holds the outcomes of
  the year it names; the part with next year's draft plan never does;
- a statistical bulletin (统计公报): every figure is an outcome of the year it names;
- a period release (1—6月, 前三季度, 上半年 …): partial-year figures, never a year's outcome.

The kind is read from the title and the opening paragraphs; a report record's `kind:` (one of
KINDS) overrides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.texts.report import Document
from loaders.texts.script import to_simplified
from loaders.wording import REPORT_KINDS

KINDS = REPORT_KINDS
WORK_REPORT, PLAN_EXECUTION, BULLETIN, PERIOD = REPORT_KINDS
#: paragraphs read for the kind after the title
OPENING_PARAGRAPHS = 4

_PERIOD = re.compile(
    r"(?:1|一)\s*[—\-－~～至到]\s*(?:\d{1,2}|[二三四五六七八九十]{1,2})\s*月"
    r"|前三季度|上半年|第?一季度|前两个月|二季度|三季度"
)
_YEAR = r"((?:19|20)\d{2})\s*年"
_BULLETIN_YEAR = re.compile(_YEAR + r"[^。]{0,40}?统计公报")
_EXECUTION_YEAR = re.compile(_YEAR + r"[^。]{0,30}?计划执行情况")
#: a heading that opens next year's plan in a plan-execution report
_NEXT_PLAN = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])?[^。]{0,20}?"
    r"(?:(?:19|20)\d{2}\s*年)?[^。]{0,30}?"
    r"(?:计划草案|总体要求和主要目标|主要预期目标|主要目标和重点任务|主要任务|计划安排|工作安排|"
    r"目标任务|总体要求|预期目标)"
)


#: a heading about what was done, never the start of the next plan
_REPORTS_DONE = re.compile(r"情况|完成|进展|成效|回顾")


@dataclass(frozen=True)
class LaterKind:
    """A later document's kind, the year its outcomes are for, and where they are."""

    kind: str  # one of KINDS
    outcome_year: int | None
    how: str  # what the kind and the year were read from
    outcome_paragraphs: frozenset[int]  # the paragraphs whose figures are outcomes

    @property
    def partial(self) -> bool:
        """Return True for a period release: its figures are never a year's outcome."""
        return self.kind == PERIOD


def later_kind(
    document: Document, title: str = "", date_year: int | None = None, kind: str | None = None
) -> LaterKind:
    """Return the kind of a later document, its outcome year and its outcome paragraphs."""
    opening = to_simplified(
        title + "\n" + "\n".join(p.text for p in document.paragraphs[:OPENING_PARAGRAPHS])
    )
    head = to_simplified(title) or opening
    how = f"kind: {kind} (the report record)" if kind else ""
    if kind is None:
        kind, how = _kind_of(head, opening)
    year = _outcome_year(kind, opening, document, date_year)
    numbers = [p.number for p in document.paragraphs]
    if kind == PERIOD:
        return LaterKind(kind, year, how, frozenset())
    if kind == BULLETIN:
        return LaterKind(kind, year, how, frozenset(numbers[1:] or numbers))
    if kind == PLAN_EXECUTION:
        start = _next_plan_start(document)
        where = f"; next year's plan from ¶{start}" if start else ""
        kept = frozenset(n for n in numbers if start is None or n < start)
        return LaterKind(kind, year, how + where, kept)
    review = frozenset(p.number for p in document.paragraphs if p.part == "review")
    return LaterKind(kind, year, how, review)


def _kind_of(head: str, opening: str) -> tuple[str, str]:
    """Return the kind read from the title (else the opening) and what it was read from."""
    for text, where in ((head, "title"), (opening, "opening")):
        if "统计公报" in text:
            return BULLETIN, f"统计公报 in the {where}"
        if "计划执行情况" in text:
            return PLAN_EXECUTION, f"计划执行情况 in the {where}"
        period = _PERIOD.search(text)
        if period and "工作报告" not in text:
            return PERIOD, f"{period.group()} in the {where}: partial-year figures"
        if "工作报告" in text:
            return WORK_REPORT, f"工作报告 in the {where}"
    return WORK_REPORT, "no kind named: read as a work report (its review part)"


def _outcome_year(kind: str, opening: str, document: Document, date_year: int | None) -> int | None:
    """Return the year a document's outcomes are for."""
    pattern = {BULLETIN: _BULLETIN_YEAR, PLAN_EXECUTION: _EXECUTION_YEAR}.get(kind)
    if pattern is not None:
        found = pattern.search(opening)
        if found:
            return int(found.group(1))
    if kind == PERIOD:
        found = re.search(_YEAR, opening)
        if found:
            return int(found.group(1))
        return date_year
    plan_year = document.structure.plan_year if document.structure else None
    if plan_year is not None and kind == WORK_REPORT:
        return plan_year - 1
    return date_year - 1 if date_year is not None else None


def _next_plan_start(document: Document) -> int | None:
    """Return the paragraph where a plan-execution report's next-year plan starts, or None."""
    for paragraph in document.paragraphs[1:]:
        text = to_simplified(paragraph.text.strip())
        if len(text) <= 60 and _NEXT_PLAN.match(text) and not _REPORTS_DONE.search(text):
            return paragraph.number
    plan = document.in_part("plan")
    return plan[0].number if plan else None
