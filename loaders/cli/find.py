"""`targets find`: every figure of a report, classified, as a table or JSON.

The library does the finding (loaders.figures.finder, loaders.figures.suggest); this module reads the files the
command names, prints and returns the exit code: 0 done (with --untracked: every plan figure is
tracked or excluded), 1 --untracked found untracked figures, 2 a report or the targets file
could not be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import yaml

from loaders.cli.check import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, command_load, report_check
from loaders.figures.finder import (
    FoundFigure,
    ReportCoverage,
    classify_figures,
    coverage,
    quotes_by_report,
)
from loaders.figures.suggest import Suggestion, suggest_progress
from loaders.load.report_warnings import report_warnings
from loaders.load.targets import LoadResult
from loaders.texts.report import Document, display_width, read_report


def find_command(
    report: str | None,
    *,
    untracked: bool = False,
    fmt: str = "table",
    targets_path: Path,
    seeds_dir: Path,
    out: TextIO,
    err: TextIO,
    suggest: str | None = None,
    write: bool = False,
    pick: str | None = None,
) -> int:
    """Run `targets find` and return its exit code.

    0: done (and, with --untracked, every plan figure is tracked or excluded); 1: --untracked
    found untracked figures; 2: a report or the targets file could not be read.
    """
    result = command_load(targets_path, seeds_dir)
    if result.unreadable and not (report and Path(report).is_file()):
        for problem in result.problems:
            err.write(f"{problem}\n")
        return EXIT_UNREADABLE
    if result.errors and not result.unreadable:
        err.write(
            f"note: {len(result.errors)} problem(s) in {targets_path}: figures are matched "
            "against its valid records only; run `targets check` to see them\n"
        )
    documents = dict(result.documents)
    report_id: str | None = None
    if report:
        report_id = _resolve(report, result, documents, err)
        if report_id is None:
            return EXIT_UNREADABLE
    targets = result.targets
    if suggest:
        later_id = _resolve(suggest, result, documents, err)
        if later_id is None:
            return EXIT_UNREADABLE
        if write and result.targets.report(later_id) is None:
            err.write(
                f"--write: {suggest} is not the text of a report declared in {targets_path}: "
                "declare it under `reports:` (id, title, title_en, date, file) with its text in "
                "seeds/, then give its id, so that progress names its source by id\n"
            )
            return EXIT_UNREADABLE
        found = suggest_progress(targets, later_id, documents[later_id], report_id)
        _write_suggestions(found, later_id, fmt, out)
        if write and result.errors:
            err.write(
                f"{len(result.errors)} problem(s) in {targets_path}: nothing written; fix them "
                "first (`targets check`), so the new entries can be checked\n"
            )
            return EXIT_PROBLEMS
        if write:
            return accept_suggestions(
                found, pick, later_id, targets_path, seeds_dir, out, err, result
            )
        return EXIT_OK
    chosen = {rid: documents[rid] for rid in ([report_id] if report_id else documents)}
    for warning in report_warnings(targets, chosen, str(targets_path)):
        err.write(f"{warning}\n")
    if untracked:
        items = coverage(targets, chosen)
        _write_untracked(items, fmt, out)
        return EXIT_PROBLEMS if any(item.untracked for item in items) else EXIT_OK
    quotes = quotes_by_report(targets)
    figures = [
        f for rid, doc in chosen.items() for f in classify_figures(targets, rid, doc, quotes)
    ]
    _write_figures(figures, chosen, fmt, out)
    return EXIT_OK


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
        found = [f.as_dict() for item in items for f in item.untracked]
        json.dump(found, out, ensure_ascii=False, indent=2)
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
    """Write candidate outcomes, numbered, each with its quote and whether --write records it."""
    if fmt == "json":
        json.dump([s.as_dict() for s in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if not items:
        out.write(f"No outcome in {later_id} matches a recorded commitment's measure.\n")
        return
    current = None
    for number, item in enumerate(items, 1):
        c = item.commitment
        if c.id != current:
            current = c.id
            target = (
                "done"
                if c.target.op == "done"
                else (f"{c.target.op} {_number(c.target.value)} {c.target.unit}")
            )
            out.write(f"\n{c.id}  {c.title}  (target {target}, {c.year})\n")
        if item.done is None:
            said = f"{item.figure.replace(' ', '')} = {_number(item.value)} {c.target.unit}"
            entry = f"value: {_number(item.value)}"
        else:
            said = f"{item.figure}: {'done' if item.done else 'under way'}"
            entry = f"done: {'true' if item.done else 'false'}"
        verdict = "will write" if item.write else f"not written: {item.reason}"
        measure = f", measures {item.measure}" if item.measure else ""
        out.write(
            f"  [{number}] ¶{item.paragraph} {said}  (likeness {item.score:.2f}{measure}) "
            f"— {verdict}\n"
            f"      progress: - {{year: {item.year}, {entry}, source: {later_id}, "
            f'quote: "{item.quote}"}}\n'
        )
    writes = sum(item.write for item in items)
    out.write(
        f"\n{writes} outcome(s) sure enough for --write; the others need --pick N after "
        "checking their quote says what the commitment measures.\n"
    )


def accept_suggestions(
    items: list[Suggestion],
    pick: str | None,
    later_id: str,
    targets_path: Path,
    seeds_dir: Path,
    out: TextIO,
    err: TextIO,
    result: LoadResult | None = None,
) -> int:
    """Add the picked candidates (default: those sure enough to write) under their commitments'
    `progress` in the file each commitment is written in, as new lines only (one writer at a
    time, a save made meanwhile kept: loaders.record.file_writer), then run `targets check`;
    return its exit code."""
    from loaders.record.file_writer import WriteError, edit_file
    from loaders.record.yaml_append import AppendError, insert_after_record, section_records

    if pick:
        try:
            numbers = [int(part) for part in pick.split(",") if part.strip()]
        except ValueError:
            err.write(f'--pick "{pick}": give the candidates\' numbers, e.g. --pick 1,3\n')
            return EXIT_PROBLEMS
        wrong = [n for n in numbers if not 1 <= n <= len(items)]
        if wrong:
            err.write(f"--pick: no candidate numbered {wrong[0]} (1 to {len(items)})\n")
            return EXIT_PROBLEMS
        chosen = [items[n - 1] for n in numbers]
    else:
        chosen = [item for item in items if item.write]
    if not chosen:
        out.write("Nothing to add.\n")
        return EXIT_OK
    files = result.commitment_files if result is not None else {}
    by_file: dict[str, list[Suggestion]] = {}
    for item in chosen:
        by_file.setdefault(files.get(item.commitment.id, str(targets_path)), []).append(item)
    added: dict[str, int] = {}
    for name, items_here in by_file.items():
        count = [0]

        def edit(text: str, items_here: list[Suggestion] = items_here, count: list = count) -> str:
            """Return text with the entries added that its records do not hold yet."""
            records = {r.get("id"): r for r in section_records(text, "commitments")}
            count[0] = 0
            for item in items_here:
                entry = progress_entry(item, later_id)
                held = records.get(item.commitment.id, {}).get("progress")
                if isinstance(held, list) and entry_data(item, later_id) in held:
                    continue  # already there: another writer added it
                text = insert_after_record(
                    text, "commitments", item.commitment.id, "progress", [entry]
                )
                count[0] += 1
            return text

        try:
            edit_file(name, edit)
        except AppendError as error:
            err.write(f"{name}: not written: {error}\n")
            return EXIT_PROBLEMS
        except WriteError as error:
            err.write(f"{error}\n")
            return EXIT_UNREADABLE
        added[name] = count[0]
    total = sum(added.values())
    where = ", ".join(added) if len(added) > 1 else next(iter(added))
    if not total:
        out.write(f"\nNothing added: {where} already holds these progress entries; checking it:\n")
    else:
        out.write(
            f"\nAdded {total} progress entr{'y' if total == 1 else 'ies'} to {where}; "
            "checking it:\n"
        )
    return report_check(command_load(targets_path, seeds_dir), targets_path, out)


def progress_entry(item: Suggestion, later_id: str) -> list[str]:
    """Return a candidate as the lines of a progress entry, unindented."""
    from loaders.record.yaml_scalars import yaml_scalar

    said = (
        f"  value: {_number(item.value)}"
        if item.done is None
        else f"  done: {'true' if item.done else 'false'}"
    )
    return [
        f"- year: {item.year}",
        said,
        f"  source: {later_id}",
        f"  quote: {yaml_scalar(item.quote)}",
    ]


def entry_data(item: Suggestion, later_id: str) -> object:
    """Return a candidate's progress entry as its YAML lines read back."""
    return yaml.safe_load("\n".join(progress_entry(item, later_id)))[0]
