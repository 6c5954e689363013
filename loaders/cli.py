"""The `targets` command: check, export, find, report and schema.

Exit codes of `targets check`: 0 valid, 1 problems found, 2 file unreadable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TextIO

from loaders.diagnostics import report_warnings, structure_lines
from loaders.export import commitment_rows, write_csv, write_json
from loaders.report import read_report
from loaders.schema import schema_markdown
from loaders.validate import LoadResult, load_targets, targets_path

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the targets command."""
    parser = argparse.ArgumentParser(
        prog="targets",
        description="Check and export targets.yaml, and find figures in government work reports.",
    )
    parser.add_argument(
        "--targets",
        metavar="PATH",
        help="targets file to read (default: $TARGETS_FILE, else targets.yaml)",
    )
    parser.add_argument(
        "--seeds",
        metavar="DIR",
        help="folder of report texts (default: seeds/ beside the targets file)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("check", help="validate targets.yaml and verify every quote")
    export = commands.add_parser("export", help="one row per commitment, with its status")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=dt.date.fromisoformat,
        help="status on this day (default: today)",
    )
    find = commands.add_parser("find", help="every figure in a report, classified")
    find.add_argument(
        "report",
        nargs="?",
        help="a report id from targets.yaml or a text file (default: all seeds)",
    )
    find.add_argument("--format", choices=("table", "json"), default="table")
    find.add_argument(
        "--untracked",
        action="store_true",
        help="only plan figures neither tracked nor excluded (exit 1 if there are any)",
    )
    find.add_argument(
        "--suggest",
        metavar="LATER_REPORT",
        help="review figures of a later report that may be outcomes of REPORT's commitments",
    )
    structure = commands.add_parser(
        "report", help="the parts, chapters and headings the reader found in a report"
    )
    structure.add_argument("report", help="a report id from targets.yaml or a text file")
    commands.add_parser("schema", help="print the targets.yaml field reference (Markdown)")
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    """Run the targets command and return its exit code."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    path = targets_path(args.targets)
    seeds = Path(args.seeds) if args.seeds else None
    if args.command == "schema":
        out.write(schema_markdown())
        return EXIT_OK
    if args.command == "find":
        from loaders.finder import find_command

        return find_command(
            args.report,
            untracked=args.untracked,
            suggest=args.suggest,
            fmt=args.format,
            targets_path=path,
            seeds_dir=seeds or path.parent / "seeds",
            out=out,
        )
    result = load_targets(path, seeds)
    if args.command == "report":
        return report_structure(result, args.report, path, out)
    if args.command == "check":
        return report_check(result, path, out)
    if result.unreadable:
        print_problems(result, sys.stderr)
        return EXIT_UNREADABLE
    rows = commitment_rows(result.targets, args.as_of or dt.date.today())
    (write_csv if args.format == "csv" else write_json)(rows, out)
    if result.problems:
        sys.stderr.write(
            f"{len(result.problems)} problem(s) in {path}: exported the valid records only; "
            "run `targets check` to see them\n"
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def print_problems(result: LoadResult, out: TextIO) -> None:
    """Write one line per problem."""
    for problem in result.problems:
        out.write(f"{problem}\n")


def report_structure(result: LoadResult, report: str, path: Path, out: TextIO) -> int:
    """Write `targets report`: the parts and headings of a report and its warnings."""
    if report in result.documents:
        report_id, document = report, result.documents[report]
    elif Path(report).is_file():
        read = read_report(Path(report))
        if read.document is None:
            for problem in read.problems:
                sys.stderr.write(f"{problem}\n")
            return EXIT_UNREADABLE
        report_id, document = report, read.document
    else:
        ids = ", ".join(result.documents) or "none"
        sys.stderr.write(
            f'unknown report "{report}": give a report id of targets.yaml with a text in '
            f"seeds/ ({ids}) or the path of a report's text file\n"
        )
        return EXIT_UNREADABLE
    warnings = report_warnings(result.targets, {report_id: document}, str(path))
    lines = structure_lines(report_id, document)
    lines += ["", *map(str, warnings)] if warnings else ["", "no warning"]
    try:
        out.write("\n".join(lines) + "\n")
    except BrokenPipeError:  # the reader (head, less) has had enough: not an error
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def report_check(result: LoadResult, path: Path, out: TextIO) -> int:
    """Write the outcome of `targets check` and return its exit code.

    Warnings about the reports' structure (no plan part found …) are written after the
    problems and leave the exit code alone.
    """
    print_problems(result, out)
    if result.unreadable:
        return EXIT_UNREADABLE
    warnings = report_warnings(result.targets, result.documents, str(path))
    for warning in warnings:
        out.write(f"{warning}\n")
    targets = result.targets
    if result.problems:
        out.write(
            f"{len(result.problems)} problem(s) in {path}; "
            f"{len(targets.commitments)} valid commitment(s) shown by the dashboard\n"
        )
        return EXIT_PROBLEMS
    quotes = sum(
        1 + (c.baseline is not None) + sum(p.quote is not None for p in c.progress)
        for c in targets.commitments
    ) + len(targets.exclusions)
    out.write(
        f"{path}: OK — {len(targets.commitments)} commitments, {len(targets.exclusions)} exclusions, "
        f"{len(targets.reports)} reports; {quotes} quotes verified"
        f"{f'; {len(warnings)} warning(s)' if warnings else ''}\n"
    )
    return EXIT_OK
