"""The figures of a report, classified: commitments and outcomes, and what targets.yaml tracks.

A figure in the plan part of a report is a **commitment**, one in the review an **outcome**
(front matter and annex: **other**). A figure is *tracked* when a record of targets.yaml holds it:
the record's quote (found with loaders.quotes.find_quote) is in the same paragraph, starts at or
before the figure and reaches past its start, and the figure's value is the record's value in
the record's unit (1.8万个 is 18000 个). The records are a commitment's target quote, its
baseline quote and its progress quotes; a milestone (op "done") holds the grades in its quote
(4A级, 三甲, 三星级). A figure is *excluded* when an exclusion's quote covers it and its
`figure` is the figure as written. Every other plan figure is *untracked*.

`coverage(targets, documents)` sums this up per report for the dashboard; `suggest_progress`
lists a later report's review figures that may be the outcome of a commitment; `find_command`
is `targets find`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from loaders.figures import (
    COUNT_UNITS,
    Figure,
    figures_in_text,
    find_figures,
    unit_multiplier,
    words,
)
from loaders.model import Commitment, Exclusion, TargetsFile
from loaders.parts import reads_as_review
from loaders.quotes import QuoteMatch, find_quotes, normalise
from loaders.report import Document, display_width, read_report
from loaders.script import to_simplified
from loaders.validate import LoadResult, load_targets

__all__ = [
    "FoundFigure",
    "ReportCoverage",
    "Suggestion",
    "classify_figures",
    "coverage",
    "find_command",
    "find_figures",
    "suggest_progress",
    "untracked_figures",
]

KIND_OF_PART = {"plan": "commitment", "review": "outcome"}
GENERIC_COUNT_UNITS = ("个", "项")
EXIT_OK, EXIT_UNTRACKED, EXIT_UNREADABLE = 0, 1, 2


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


# ---- classifying ---------------------------------------------------------------------------


def classify_figures(targets: TargetsFile, report_id: str, document: Document) -> list[FoundFigure]:
    """Return every figure of a report with its kind, tracked_by and exclusion."""
    figures = find_figures(document)
    by_paragraph: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        by_paragraph.setdefault(figure.paragraph, []).append(index)
    tracked: dict[int, list[str]] = {}
    excluded: dict[int, Exclusion] = {}
    for record, quote, part, unit, value in _records(targets, report_id):
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


def _records(
    targets: TargetsFile, report_id: str
) -> Iterable[tuple[str, str, str, str | None, float | None]]:
    """Yield (record name, quote, part, unit, value) for every quote of targets.yaml in a report.

    The part is where the quote belongs: a target in the plan, a baseline or progress figure in
    the review. The value is None for a milestone, whose quote holds grades, not an amount.
    """
    for c in targets.commitments:
        unit = c.target.unit
        if c.report == report_id:
            yield c.id, c.quote, "plan", unit, c.target.value
        baseline = c.baseline
        if baseline is not None and (baseline.source or c.report) == report_id:
            yield f"{c.id} (baseline)", baseline.quote, "review", unit, baseline.value
        for entry in c.progress:
            if entry.source == report_id and entry.quote:
                value = None if entry.done else entry.value
                name = f"{c.id} (progress {entry.period_year})"
                yield name, entry.quote, "review", unit, value


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
    """Return True when two base units measure the same thing (个 and 项 both count)."""
    if unit == other:
        return True
    counts = unit in COUNT_UNITS and other in COUNT_UNITS
    return counts and (unit in GENERIC_COUNT_UNITS or other in GENERIC_COUNT_UNITS)


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


def matches(figure: Figure, unit: str | None, value: float) -> bool:
    """Return True when the figure, in the unit, is the value (either end of a range)."""
    found = value_in_unit(figure, unit)
    if found is None:
        return False
    candidates = [found]
    if figure.high is not None and figure.value:
        candidates.append(found * figure.high / figure.value)
    return any(abs(candidate - value) <= 1e-9 * max(1.0, abs(value)) for candidate in candidates)


def untracked_figures(targets: TargetsFile, documents: dict[str, Document]) -> list[FoundFigure]:
    """Return the plan figures of every report that no record tracks or excludes."""
    return [f for item in coverage(targets, documents) for f in item.untracked]


def coverage(targets: TargetsFile, documents: dict[str, Document]) -> list[ReportCoverage]:
    """Return, per report with a plan, how many plan figures targets.yaml tracks and excludes.

    `documents` maps report ids to their Documents (LoadResult.documents). One ReportCoverage
    per report that has plan figures or commitments, in the order of targets.yaml's reports
    (then any other ids, sorted): `report_id`, `title`, `total` (M: every plan figure the finder
    reports), `tracked` (N: held by a commitment, baseline or progress quote), `excluded`
    (accounted for by an exclusion), and `untracked` (the rest, as FoundFigures whose `.figure`
    has `.text`, `.clause` and `.paragraph`). tracked + excluded + len(untracked) == total;
    `quantitative` is total − excluded, the quantitative commitments.
    """
    order = [r.id for r in targets.reports if r.id in documents]
    order += sorted(set(documents) - set(order))
    committed = {c.report for c in targets.commitments}
    result = []
    for report_id in order:
        plan = [
            f
            for f in classify_figures(targets, report_id, documents[report_id])
            if f.kind == "commitment"
        ]
        if not plan and report_id not in committed:
            continue
        report = targets.report(report_id)
        result.append(
            ReportCoverage(
                report_id=report_id,
                title=report.title if report else report_id,
                total=len(plan),
                tracked=sum(1 for f in plan if f.tracked),
                excluded=sum(1 for f in plan if not f.tracked and f.excluded_by is not None),
                untracked=tuple(f for f in plan if f.untracked),
            )
        )
    return result


# ---- suggesting outcomes -------------------------------------------------------------------

# Two-character words too common in these reports to say what a figure measures.
STOP_WORDS = frozenset(
    words(
        "新增 完成 推进 推动 加快 建设 力争 确保 实现 开展 全面 持续 以上 以内 左右 控制 增长 同比"
        " 项目 工作 全区 全县 全市 全镇 全年 年度 重点 新建 达到 提高 提升 积极 扎实 稳步 加强 大力"
        " 深入 进一步 有序 累计 成功 创建 力促 打造 高标 标准 实施 聚焦 分别 其中 投入 计划 规上 发展"
    )
)
_STOP_PATTERN = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_SENTENCE_END = re.compile(r"[。；！？;!?]")
MAX_SUGGESTIONS_PER_COMMITMENT = 3


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
        if target.op == "done" or target.value is None or commitment.report == later_report_id:
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
            value = value_in_unit(item.figure, target.unit)
            if value is None:
                continue
            clause_words = words & _words(item.figure.clause)
            sentence = _sentence_before(later_document, item.figure)
            sentence_words = (words & _words(sentence)) - clause_words
            score = 2 * len(clause_words) + len(sentence_words)
            if score >= 2:
                measure_text = _measure_text(commitment.title + "，" + commitment.quote)
                shared = tuple(_runs(measure_text, clause_words))
                shared += tuple(_runs(measure_text, sentence_words))
                candidates.append((score, item, value, shared))
        candidates.sort(key=lambda c: (-c[0], c[1].figure.paragraph, c[1].figure.start))
        for score, item, value, shared in candidates[:MAX_SUGGESTIONS_PER_COMMITMENT]:
            year = later_year - 1 if later_year is not None else commitment.year
            suggestions.append(Suggestion(commitment, item, value, year, shared, score))
    return suggestions


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


# ---- the command ---------------------------------------------------------------------------


def find_command(
    report: str | None,
    *,
    untracked: bool = False,
    fmt: str = "table",
    targets_path: Path,
    seeds_dir: Path,
    out: TextIO,
    suggest: str | None = None,
    err: TextIO | None = None,
) -> int:
    """Run `targets find` and return its exit code.

    0: done (and, with --untracked, every plan figure is tracked or excluded); 1: --untracked
    found untracked figures; 2: a report or the targets file could not be read.
    """
    err = err or sys.stderr
    result = load_targets(targets_path, seeds_dir)
    if result.unreadable and not (report and Path(report).is_file()):
        for problem in result.problems:
            err.write(f"{problem}\n")
        return EXIT_UNREADABLE
    if result.problems and not result.unreadable:
        err.write(
            f"note: {len(result.problems)} problem(s) in {targets_path}: figures are matched "
            "against its valid records only; run `targets check` to see them\n"
        )
    documents = dict(result.documents)
    selected: list[str] | None = None
    if report:
        report_id = _resolve(report, result, documents, err)
        if report_id is None:
            return EXIT_UNREADABLE
        selected = [report_id]
    targets = result.targets
    if suggest:
        later_id = _resolve(suggest, result, documents, err)
        if later_id is None:
            return EXIT_UNREADABLE
        found = suggest_progress(targets, later_id, documents[later_id], selected and selected[0])
        _write_suggestions(found, later_id, fmt, out)
        return EXIT_OK
    chosen = {rid: documents[rid] for rid in (selected or documents)}
    from loaders.diagnostics import report_warnings  # diagnostics reads the finder's kinds

    for warning in report_warnings(targets, chosen, str(targets_path)):
        err.write(f"{warning}\n")
    try:
        if untracked:
            items = coverage(targets, chosen)
            _write_untracked(items, fmt, out)
            return EXIT_UNTRACKED if any(item.untracked for item in items) else EXIT_OK
        figures = [f for rid, doc in chosen.items() for f in classify_figures(targets, rid, doc)]
        _write_figures(figures, chosen, fmt, out)
    except BrokenPipeError:
        _stop_writing(out)  # the reader (head, less) has had enough: not an error
    return EXIT_OK


def _stop_writing(out: TextIO) -> None:
    """Point stdout at /dev/null after a broken pipe, so Python's exit does not complain."""
    if out is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _resolve(
    report: str, result: LoadResult, documents: dict[str, Document], err: TextIO
) -> str | None:
    """Return the report id for a report id or a text file, reading the file if needed."""
    if report in documents:
        return report
    known = result.targets.report(report)
    if known is not None:
        err.write(
            f'report "{report}" has no readable text in seeds/'
            f"{f' ({known.file})' if known.file else ' (it is not in seeds/)'}\n"
        )
        return None
    path = Path(report)
    if path.is_file():
        for item in result.targets.reports:
            if item.file and item.id in documents and path.name == item.file:
                return item.id
        read = read_report(path)
        if read.document is None:
            for problem in read.problems:
                err.write(f"{problem}\n")
            return None
        documents[str(path)] = read.document
        return str(path)
    ids = ", ".join(r.id for r in result.targets.reports if r.id in documents) or "none"
    err.write(
        f'unknown report "{report}": give a report id of targets.yaml ({ids}) '
        "or the path of a report's text file\n"
    )
    return None


# ---- output --------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    """Return a number as people write it: 6900, 1.8, 18000 (no trailing .0)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.6g}" if abs(value) < 1e15 else f"{value:.3e}"


def _status(found: FoundFigure) -> str:
    """Return what accounts for a figure, for the table."""
    if found.tracked_by:
        return ", ".join(found.tracked_by)
    if found.excluded_by is not None:
        reason = found.excluded_by.reason
        return f"excluded: {reason if len(reason) <= 40 else reason[:39] + '…'}"
    if found.kind != "commitment":
        return ""
    return "UNTRACKED" + (f" (name? {found.figure.label})" if found.figure.label else "")


def _pad(text: str, width: int) -> str:
    """Return text padded with spaces to a display width (CJK characters count 2)."""
    return text + " " * max(0, width - display_width(text))


def _write_table(rows: list[list[str]], out: TextIO) -> None:
    """Write rows as aligned columns; the last column is not padded."""
    if not rows:
        return
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        out.write("  ".join(cells).rstrip() + "\n")


def _figure_row(found: FoundFigure) -> list[str]:
    """Return a figure's table cells: ¶, kind, figure, value, op, status, clause."""
    figure = found.figure
    if figure.value is None:
        value = figure.number
    elif figure.high is not None:
        value = f"{_number(figure.value)}–{_number(figure.high)} {figure.unit}".strip()
    else:
        value = f"{_number(figure.value)} {figure.unit}".strip()
        if figure.unit != figure.base_unit:
            value += f" = {_number(figure.base_value)} {figure.base_unit}"
    return [
        f"¶{figure.paragraph}",
        found.kind,
        figure.text.replace(" ", ""),
        value,
        found.op,
        _status(found),
        figure.clause,
    ]


def _write_figures(
    figures: list[FoundFigure], documents: dict[str, Document], fmt: str, out: TextIO
) -> None:
    """Write every figure of the chosen reports, as a table per report or one JSON list."""
    if fmt == "json":
        json.dump([f.as_dict() for f in figures], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for report_id, document in documents.items():
        mine = [f for f in figures if f.report_id == report_id]
        plan = [f for f in mine if f.kind == "commitment"]
        out.write(
            f"{report_id} ({document.source}): {len(mine)} figures; plan: {len(plan)} "
            f"({sum(f.tracked for f in plan)} tracked, "
            f"{sum(not f.tracked and f.excluded_by is not None for f in plan)} excluded, "
            f"{sum(f.untracked for f in plan)} untracked); "
            f"review: {sum(f.kind == 'outcome' for f in mine)}\n"
        )
        header = ["¶", "kind", "figure", "value", "op", "tracked by", "clause"]
        _write_table([header] + [_figure_row(f) for f in mine], out)
        out.write("\n")


def _write_untracked(items: list[ReportCoverage], fmt: str, out: TextIO) -> None:
    """Write the untracked plan figures of each report, or say that there are none."""
    if fmt == "json":
        rows = [f.as_dict() for item in items for f in item.untracked]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for item in items:
        out.write(
            f"{item.report_id}: {item.tracked} of {item.total} plan figures tracked, "
            f"{item.excluded} excluded, {len(item.untracked)} untracked\n"
        )
        rows = [_figure_row(f) for f in item.untracked]
        _write_table([[c for i, c in enumerate(r) if i != 1] for r in rows], out)
    if not any(item.untracked for item in items):
        out.write(
            "Every plan figure is tracked by a commitment or accounted for by an exclusion.\n"
        )
    else:
        out.write(
            "\nRecord each as a commitment, or add it under `exclusions:` with its reason "
            "(README: Finding untracked figures).\n"
        )


def _write_suggestions(items: list[Suggestion], later_id: str, fmt: str, out: TextIO) -> None:
    """Write candidate progress entries, each with the clause to check."""
    if fmt == "json":
        json.dump([s.as_dict() for s in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if not items:
        out.write(f"No review figure of {later_id} matches a recorded commitment's wording.\n")
        return
    current = None
    for item in items:
        c = item.commitment
        if c.id != current:
            current = c.id
            target = f"{c.target.op} {_number(c.target.value)} {c.target.unit}"
            out.write(f"\n{c.id}  {c.title}  (target {target}, {c.year})\n")
        figure = item.found.figure
        out.write(
            f"  ¶{figure.paragraph} {figure.text.replace(' ', '')} = {_number(item.value)} "
            f"{c.target.unit}  shares: {'、'.join(item.shared_words)}\n"
            f"      clause: {figure.clause}\n"
            f"      progress: - {{year: {item.year}, value: {_number(item.value)}, "
            f'source: {later_id}, quote: "{figure.clause}"}}\n'
        )
    out.write(
        "\nCandidates only: check each clause says what the commitment measures before adding "
        "it under `progress`.\n"
    )
