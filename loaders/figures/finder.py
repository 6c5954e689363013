"""The figures of a report, classified: commitments and outcomes, and what targets.yaml tracks.

A figure in the plan part of a report is a **commitment**, one in the review an **outcome**
(front matter and annex: **other**). A figure is *tracked* when a record of targets.yaml holds it:
the record's quote (found with loaders.texts.quotes.find_quote) is in the same paragraph, starts at or
before the figure and reaches past its start, and the figure's value is the record's value in
the record's unit (1.8万个 is 18000 个). The records are a commitment's target quote, its
baseline quote and its progress quotes; a milestone (op "done") holds the grades in its quote
(4A级, 三甲, 三星级). A figure is *excluded* when an exclusion's quote covers it and its
`figure` is the figure as written. Every other plan figure is *untracked*.

`coverage(targets, documents)` sums this up per report for the dashboard. Suggested outcomes
are in loaders.figures.suggest; the `targets find` command that prints all of this is loaders.cli.find.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from loaders.figures.scan import Figure, figures_in_text, find_figures, unit_multiplier
from loaders.model import Exclusion, TargetsFile
from loaders.texts.matching import normalise
from loaders.texts.parts import reads_as_review
from loaders.texts.quotes import QuoteMatch, find_quotes
from loaders.texts.report import Document
from loaders.texts.script import to_simplified
from loaders.wording import COUNT_UNITS, OCCURRENCE_UNITS

__all__ = [
    "FoundFigure",
    "ReportCoverage",
    "classify_figures",
    "coverage",
]

KIND_OF_PART = {"plan": "commitment", "review": "outcome"}
GENERIC_COUNT_UNITS = ("个", "项")


@dataclass(frozen=True)
class FoundFigure:
    """A figure of a report with its kind and the targets.yaml records that account for it."""

    report_id: str
    figure: Figure
    kind: str  # commitment (plan), outcome (review) or other (front matter, annex)
    tracked_by: tuple[str, ...] = ()  # "school-places-2022", "school-places-2022 (baseline)"
    excluded_by: Exclusion | None = None

    @property
    def tracked(self) -> bool:
        """Return True when a commitment, baseline or progress record holds the figure."""
        return bool(self.tracked_by)

    @property
    def untracked(self) -> bool:
        """Return True for a commitment figure that no record tracks or excludes."""
        return self.kind == "commitment" and not self.tracked_by and self.excluded_by is None

    @property
    def op(self) -> str:
        """Return the comparator; a bare figure in the plan is a floor (>=), as in targets.yaml."""
        if self.figure.op == "=" and self.kind == "commitment" and self.figure.measure != "grade":
            return ">="
        return self.figure.op

    def as_dict(self) -> dict[str, Any]:
        """Return the figure as a JSON-ready mapping (what `targets find --format json` prints)."""
        figure = self.figure
        return {
            "report": self.report_id,
            "paragraph": figure.paragraph,
            "part": figure.part,
            "kind": self.kind,
            "figure": figure.text,
            "number": figure.number,
            "value": figure.value,
            "high": figure.high,
            "unit": figure.unit,
            "base_value": figure.base_value,
            "base_unit": figure.base_unit,
            "op": self.op,
            "measure": figure.measure,
            "cues": list(figure.cues),
            "label": figure.label,
            "clause": figure.clause,
            "tracked_by": ", ".join(self.tracked_by) or None,
            "excluded": self.excluded_by.reason if self.excluded_by else None,
        }


@dataclass(frozen=True)
class ReportCoverage:
    """How many of a report's plan figures targets.yaml tracks, excludes, and leaves untracked."""

    report_id: str
    title: str
    total: int  # M: every figure of the plan part
    tracked: int  # N: held by a commitment (or one of its baseline or progress quotes)
    excluded: int  # accounted for by an exclusion with its reason
    untracked: tuple[FoundFigure, ...]  # the rest, each with clause and paragraph

    @property
    def quantitative(self) -> int:
        """Return the plan figures that are not excluded: the quantitative commitments."""
        return self.total - self.excluded

    @property
    def complete(self) -> bool:
        """Return True when every plan figure is tracked or excluded."""
        return not self.untracked


# ---- classifying ---------------------------------------------------------------------------


def classify_figures(
    targets: TargetsFile,
    report_id: str,
    document: Document,
    quotes: Mapping[str, list[QuotedRecord]] | None = None,
) -> list[FoundFigure]:
    """Return every figure of a report with its kind, tracked_by and exclusion. `quotes` is
    `quotes_by_report(targets)`, made once by a caller that classifies many reports."""
    if quotes is None:
        quotes = quotes_by_report(targets, report_id)
    figures = find_figures(document)
    by_paragraph: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        by_paragraph.setdefault(figure.paragraph, []).append(index)
    tracked: dict[int, list[str]] = {}
    excluded: dict[int, Exclusion] = {}
    for record, quote, part, unit, value in quotes.get(report_id, ()):
        for match in _quote_matches(document, quote, part):
            for index in by_paragraph.get(match.paragraph, ()):
                figure = figures[index]
                if _covers(match, figure) and (
                    figure.measure == "grade" if value is None else matches(figure, unit, value)
                ):
                    tracked.setdefault(index, []).append(record)
    for exclusion in targets.exclusions:
        if exclusion.report != report_id:
            continue
        wanted = normalise(exclusion.figure)
        for match in _quote_matches(document, exclusion.quote, "plan"):
            for index in by_paragraph.get(match.paragraph, ()):
                figure = figures[index]
                if _covers(match, figure) and normalise(figure.text) == wanted:
                    excluded.setdefault(index, exclusion)
    return [
        FoundFigure(
            report_id,
            figure,
            figure_kind(document, figure),
            tuple(dict.fromkeys(tracked.get(index, ()))),
            excluded.get(index),
        )
        for index, figure in enumerate(figures)
    ]


def figure_kind(document: Document, figure: Figure) -> str:
    """Return commitment (plan), outcome (review) or other (front, annex) for a figure.

    A plan figure in a sentence about last year (去年…, 在去年…的基础上) is an outcome.
    """
    kind = KIND_OF_PART.get(figure.part, "other")
    if kind == "commitment" and figure.paragraph:
        plan_year = document.structure.plan_year if document.structure else None
        if reads_as_review(document.paragraph(figure.paragraph).text, figure.start, plan_year):
            return "outcome"
    return kind


#: a quote of targets.yaml: (record name, quote, part, unit, value)
QuotedRecord = tuple[str, str, str, str | None, float | None]


def quotes_by_report(
    targets: TargetsFile, only: str | None = None
) -> dict[str, list[QuotedRecord]]:
    """Return, by report id, (record name, quote, part, unit, value) for every quote of
    targets.yaml in that report (in one pass over the commitments; only one report's when
    `only` names it).

    The part is where the quote belongs: a target in the plan, a baseline or progress figure in
    the review. The value is None for a milestone, whose quote holds grades, not an amount.
    """
    found: dict[str, list[QuotedRecord]] = {}
    for c in targets.commitments:
        unit = c.target.unit
        if only is None or c.report == only:
            found.setdefault(c.report, []).append((c.id, c.quote, "plan", unit, c.target.value))
        baseline = c.baseline
        if baseline is not None:
            source = baseline.source or c.report
            if only is None or source == only:
                found.setdefault(source, []).append(
                    (f"{c.id} (baseline)", baseline.quote, "review", unit, baseline.value)
                )
        for entry in c.progress:
            if entry.quote and (only is None or entry.source == only):
                value = None if entry.done else entry.value
                name = f"{c.id} (progress {entry.period_year})"
                found.setdefault(entry.source, []).append(
                    (name, entry.quote, "review", unit, value)
                )
    return found


def _quote_matches(document: Document, quote: str, part: str) -> list[QuoteMatch]:
    """Return the quote's places in the part it belongs to, else its first place (if any).

    `targets check` verifies a quote wherever it first occurs; a clause repeated in the review
    and the plan (严格执行中央八项规定精神) still accounts for the figure in the right part.
    """
    matches = find_quotes(document, quote)
    in_part = [m for m in matches if document.paragraph(m.paragraph).part == part]
    return in_part or matches[:1]


def _covers(match: QuoteMatch, figure: Figure) -> bool:
    """Return True when the quote's span holds the start of the figure."""
    return match.start <= figure.start < match.end


def same_dimension(unit: str, other: str) -> bool:
    """Return True when two base units measure the same thing (个 and 项 both count things;
    人次 and 次 count occurrences and visits, which 个 does not)."""
    if unit == other:
        return True
    counts = unit in COUNT_UNITS and other in COUNT_UNITS
    occurrences = unit in OCCURRENCE_UNITS or other in OCCURRENCE_UNITS
    generic = unit in GENERIC_COUNT_UNITS or other in GENERIC_COUNT_UNITS
    return counts and generic and not occurrences


def value_in_unit(figure: Figure, unit: str | None) -> float | None:
    """Return the figure's value in a unit (1.8万个 in 个 → 18000), or None if incompatible."""
    if figure.value is None or unit is None:
        return None
    unit = to_simplified(unit)  # figures carry simplified units: 萬人 is 万人
    if figure.unit == unit:
        return figure.value
    multiplier, base = unit_multiplier(unit)
    if figure.base_value is None or not same_dimension(figure.base_unit, base or unit):
        return None
    return figure.base_value / multiplier


def measure_falls(quote: str, value: float | None = None) -> bool:
    """Return True when a commitment measures a fall (能耗下降3%: its quote writes the target as
    a fall): a reported fall is then a positive figure of it. Its title is not read: a title
    such as 为企业减税降费 names an amount, not a fall."""
    figures = figures_in_text(quote)
    if value is not None:
        figures = [f for f in figures if f.value == value] or figures
    return any(f.direction < 0 for f in figures)


def outcome_value(figure: Figure, unit: str | None, falls: bool = False) -> float | None:
    """Return a figure as an outcome of a measure, in the unit, with its sign: 下降2.1% is -2.1
    of a growth rate, and 2.1 of a measure that is itself a fall (`falls`)."""
    found = value_in_unit(figure, unit)
    if found is None:
        return None
    return found * figure.direction * (-1 if falls else 1)


def matches(figure: Figure, unit: str | None, value: float) -> bool:
    """Return True when the figure, in the unit, is the value (either end of a range); a fall
    (下降2.1%) is its figure whichever sign the record gives it (the value check says which)."""
    if value < 0 and figure.direction < 0:
        value = -value
    found = value_in_unit(figure, unit)
    if found is None:
        return False
    candidates = [found]
    if figure.high is not None and figure.value:
        candidates.append(found * figure.high / figure.value)
    return any(abs(candidate - value) <= 1e-9 * max(1.0, abs(value)) for candidate in candidates)


def coverage_order(targets: TargetsFile, documents: Mapping[str, Document]) -> list[str]:
    """Return the ids of the reports with a text: in the order of targets.yaml's reports, then
    any other ids, sorted."""
    order = [r.id for r in targets.reports if r.id in documents]
    return order + sorted(set(documents) - set(order))


def report_coverage(
    targets: TargetsFile,
    report_id: str,
    document: Document,
    quotes: Mapping[str, list[QuotedRecord]],
    committed: Collection[str],
) -> ReportCoverage | None:
    """Return one report's coverage (see `coverage`), None when it has no plan figure and no
    commitment comes from it (`committed`: the reports commitments come from)."""
    plan = [
        f for f in classify_figures(targets, report_id, document, quotes) if f.kind == "commitment"
    ]
    if not plan and report_id not in committed:
        return None
    report = targets.report(report_id)
    return ReportCoverage(
        report_id=report_id,
        title=report.title if report else report_id,
        total=len(plan),
        tracked=sum(1 for f in plan if f.tracked),
        excluded=sum(1 for f in plan if not f.tracked and f.excluded_by is not None),
        untracked=tuple(f for f in plan if f.untracked),
    )


def coverage(targets: TargetsFile, documents: Mapping[str, Document]) -> list[ReportCoverage]:
    """Return, per report with a plan, how many plan figures targets.yaml tracks and excludes.

    `documents` maps report ids to their Documents (LoadResult.documents). One ReportCoverage
    per report that has plan figures or commitments, in the order of targets.yaml's reports
    (then any other ids, sorted): `report_id`, `title`, `total` (M: every plan figure the finder
    reports), `tracked` (N: held by a commitment, baseline or progress quote), `excluded`
    (accounted for by an exclusion), and `untracked` (the rest, as FoundFigures whose `.figure`
    has `.text`, `.clause` and `.paragraph`). tracked + excluded + len(untracked) == total;
    `quantitative` is total − excluded, the quantitative commitments.
    """
    committed = {c.report for c in targets.commitments}
    quotes = quotes_by_report(targets)
    result = []
    for report_id in coverage_order(targets, documents):
        item = report_coverage(targets, report_id, documents[report_id], quotes, committed)
        if item is not None:
            result.append(item)
    return result
