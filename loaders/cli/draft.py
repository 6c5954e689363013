"""`targets draft REPORT [--write]`: the drafted records as YAML, or added to the targets file.

Without --write the drafts are printed as YAML (new areas, then commitments, then the
candidates as comments). With --write the areas and commitments are appended to their sections
of the targets file as new lines only (loaders.record.yaml_append), and `targets check` runs.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TextIO

from loaders.cli.check import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, command_load, report_check
from loaders.drafting.draft import draft_report
from loaders.drafting.draft_types import Draft, DraftedArea, DraftResult
from loaders.load.targets import LoadResult
from loaders.model import TargetsFile
from loaders.record.file_writer import WriteError, edit_file
from loaders.record.yaml_append import (
    AppendError,
    append_to_section,
    section_layout,
    section_records,
)
from loaders.record.yaml_scalars import flow_scalar, yaml_number, yaml_scalar

DRAFT_NOTE = "review each record, then delete its `draft: true` (README: Tracking a new report)"


# ---- YAML text -----------------------------------------------------------------------------


def area_lines(area: DraftedArea) -> list[str]:
    """Return a drafted area as unindented YAML lines."""
    lines = [
        f"- id: {yaml_scalar(area.id)}",
        f"  name: {yaml_scalar(area.name)}",
        f"  name_en: {yaml_scalar(area.name_en)}",
    ]
    if area.chapter:
        lines[0] += f"  # {area.chapter} of the plan: its chapter is read from the quotes"
    return lines


def commitment_lines(draft: Draft, step: int = 2) -> list[str]:
    """Return a drafted commitment as unindented YAML lines, with what to check as comments."""
    inner = " " * step
    figure = draft.found.figure
    where = f"¶{figure.paragraph}"
    if draft.carried_from is not None:
        shared = "、".join(draft.shared_words[:4])
        origin = f"{where}: same measure as {draft.carried_from.id} (shares {shared})"
    else:
        origin = f"{where}: a new measure"
    target: dict[str, str | None] = {"op": draft.target.op}
    if draft.target.value is not None:
        target["value"] = _number(draft.target.value, figure.number, figure.value)
        target["unit"] = draft.target.unit
    if draft.target.tolerance is not None:
        target["tolerance"] = yaml_number(draft.target.tolerance)
    lines = [
        f"- id: {yaml_scalar(draft.id)}  # {origin}",
        f"  report: {yaml_scalar(draft.report)}",
        f"  year: {draft.year}",
        f"  area: {yaml_scalar(draft.area)}",
    ]
    if draft.metric:
        lines.append(f"  metric: {yaml_scalar(draft.metric)}")
    lines += [
        f"  title: {yaml_scalar(draft.title)}",
        f"  title_en: {yaml_scalar(draft.title_en)}",
        f"  target: {_flow(target)}",
        f"  quote: {yaml_scalar(draft.quote)}",
    ]
    if draft.baseline is not None and draft.baseline_figure is not None:  # set together
        baseline = draft.baseline
        lines += [
            f"  baseline:  # ¶{draft.baseline_figure.figure.paragraph}, the review: same measure?",
            f"  {inner}year: {baseline.year}",
            f"  {inner}value: {yaml_number(baseline.value)}",
            f"  {inner}quote: {yaml_scalar(baseline.quote)}",
        ]
    lines.append("  draft: true")
    for note in draft.notes:
        lines.insert(1, f"  # check: {note}")
    return lines


def _number(value: float, written: str, found: float | None) -> str:
    """Return the target value, as the report writes it when unconverted (10.0 stays 10.0)."""
    plain = written.replace(",", "")
    if found is not None and value == found and plain.replace(".", "", 1).isdigit():
        return plain
    return yaml_number(value)


def _flow(target: dict) -> str:
    """Return the target as a flow mapping, op in double quotes as targets.yaml writes it."""
    parts = [f"op: {json.dumps(target['op'])}"]
    if "value" in target:
        parts += [f"value: {target['value']}", f"unit: {flow_scalar(target['unit'])}"]
    if "tolerance" in target:
        parts.append(f"tolerance: {target['tolerance']}")
    return "{" + ", ".join(parts) + "}"


def candidate_lines(result: DraftResult) -> list[str]:
    """Return the exclusion and milestone candidates as YAML comments."""
    lines: list[str] = []
    if result.names:
        lines += [
            "",
            "# Figures that read as names, not amounts: add each under `exclusions:` with the reason,",
            "# or record it as a commitment if it is one.",
        ]
        for item in result.names:
            figure = item.figure
            lines += [
                f"#  - report: {result.report_id}",
                f"#    figure: {yaml_scalar(figure.text.replace(' ', ''))}",
                f"#    quote: {yaml_scalar(figure.clause)}",
                f"#    reason: {yaml_scalar('TODO: ' + (figure.label or 'why it is not a commitment'))}",
            ]
    if result.milestones:
        lines += [
            "",
            "# Milestone candidates (no figure to draft): record those that are commitments with",
            '# `target: {op: "done"}` and the clause as the quote.',
        ]
        for candidate in result.milestones:
            chapter = f" {candidate.chapter}" if candidate.chapter else ""
            lines.append(f"#   ¶{candidate.paragraph}{chapter} {candidate.clause}")
    for item, reason in result.skipped:
        if not lines or not lines[-1].startswith("# Not drafted"):
            lines += ["", "# Not drafted:"]
        figure = item.figure
        lines.append(
            f"#   ¶{figure.paragraph} {figure.text.replace(' ', '')}: {reason}: {figure.clause}"
        )
    return lines


def draft_text(result: DraftResult, step: int = 2, indent: str = "  ") -> str:
    """Return everything drafted from a report as YAML text (what `targets draft` prints)."""
    out = [
        f"# targets draft {result.report_id}: {len(result.drafts)} commitment(s) for {result.year}"
        f"{f', {len(result.areas)} new area(s)' if result.areas else ''}; {DRAFT_NOTE}"
    ]
    if result.areas:
        out.append("areas:")
        for area in result.areas:
            out += [indent + line for line in area_lines(area)]
        out.append("")
    if result.drafts:
        out.append("commitments:")
        for number, draft in enumerate(result.drafts):
            if number:
                out.append("")
            out += [indent + line for line in commitment_lines(draft, step)]
    if not result.drafts and not result.areas:
        out.append("# nothing to draft: every plan figure is tracked, excluded or not an amount")
    out += candidate_lines(result)
    return "\n".join(out) + "\n"


def write_drafts(text: str, result: DraftResult) -> str:
    """Return the targets file's text with the drafted areas and commitments appended."""
    step = section_layout(text, "commitments").step
    text = append_to_section(text, "areas", [area_lines(a) for a in result.areas])
    heading = f"# ---- {result.report_id}: drafted by `targets draft`; {DRAFT_NOTE}"
    items = [commitment_lines(d, step) for d in result.drafts]
    if items:
        items[0] = [heading, *items[0]]
    return append_to_section(text, "commitments", items)


# ---- the command ---------------------------------------------------------------------------


def draft_command(
    report: str,
    *,
    write: bool,
    targets_path: Path,
    seeds_dir: Path,
    out: TextIO,
    err: TextIO | None = None,
) -> int:
    """Run `targets draft` and return its exit code (with --write, that of the check after)."""
    err = err or sys.stderr
    result = command_load(targets_path, seeds_dir)
    if result.unreadable:
        for problem in result.problems:
            err.write(f"{problem}\n")
        return EXIT_UNREADABLE
    errors = result.errors
    if errors and write:
        err.write(
            f"{len(errors)} problem(s) in {targets_path}: fix them first (`targets check`), so "
            "the drafts can be checked\n"
        )
        return EXIT_PROBLEMS
    if errors:
        err.write(
            f"note: {len(errors)} problem(s) in {targets_path}: drafted against its valid "
            "records only; run `targets check` to see them\n"
        )
    targets = result.targets
    message = _report_problem(report, targets, result)
    if message:
        err.write(message + "\n")
        return EXIT_UNREADABLE
    drafted = draft_report(targets, report, result.documents[report])
    step = 2
    if write:
        written = [drafted]

        def edit(text: str) -> str:
            """Return text with the drafts appended that it does not hold yet (a draft another
            writer added meanwhile is not added twice)."""
            fresh = _not_yet_in(text, drafted)
            written[0] = fresh
            return write_drafts(text, fresh)

        try:
            edit_file(targets_path, edit)
        except AppendError as error:
            err.write(f"{targets_path}: {error}\n")
            return EXIT_PROBLEMS
        except WriteError as error:
            err.write(f"{error}\n")
            return EXIT_UNREADABLE
        done = written[0]
        out.write(
            f"{targets_path}: added {len(done.drafts)} drafted commitment(s)"
            f"{f' and {len(done.areas)} area(s)' if done.areas else ''} for {report}\n"
        )
        candidates = candidate_lines(drafted)
        if candidates:
            out.write("\n".join(candidates).lstrip("\n") + "\n\n")
        return report_check(command_load(targets_path, seeds_dir), targets_path, out)
    out.write(draft_text(drafted, step))
    return EXIT_OK


def _not_yet_in(text: str, drafted: DraftResult) -> DraftResult:
    """Return the drafts and areas whose ids the text does not hold yet."""
    commitments = {r.get("id") for r in section_records(text, "commitments")}
    areas = {r.get("id") for r in section_records(text, "areas")}
    return dataclasses.replace(
        drafted,
        drafts=tuple(d for d in drafted.drafts if d.id not in commitments),
        areas=tuple(a for a in drafted.areas if a.id not in areas),
    )


def _report_problem(report: str, targets: TargetsFile, result: LoadResult) -> str:
    """Return why a report cannot be drafted from, or an empty string."""
    known = targets.report(report)
    if known is None:
        ids = ", ".join(r.id for r in targets.reports) or "none"
        return (
            f'unknown report "{report}": declare it under `reports:` (id, title, title_en, date, '
            f"file) with its text in seeds/, then run `targets draft` again (reports: {ids})"
        )
    if report not in result.documents:
        where = f"seeds/{known.file}" if known.file else "seeds/ (it has no `file:`)"
        return f'report "{report}" has no readable text in {where}: nothing to draft from'
    return ""
