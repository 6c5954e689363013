"""The `targets` command: check, export, find (loaders.cli.find), draft (loaders.cli.draft),
init (loaders.cli.init), import (loaders.cli.importing), report (a report's parts,
loaders.figures.diagnostics) and schema.

Exit codes, the same for every subcommand: 0 done (the file is valid); 1 problems found (check
and export: problems in the targets file, whose valid records are still used; find --untracked:
plan figures neither tracked nor excluded); 2 the targets file or a report cannot be read (init:
a file already there; import: a document that cannot be read or imported).

A reader that stops reading early (`targets export | head -1`) is not an error: the command
stops writing, says nothing and exits 0, whatever it would have returned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TextIO, cast

from loaders.cli.check import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNREADABLE,
    command_load,
    print_problems,
    report_check,
)
from loaders.figures.diagnostics import structure_lines
from loaders.figures.later import later_kind
from loaders.load.report_warnings import report_warnings
from loaders.model import Report
from loaders.problems import terminal_text
from loaders.record.export import commitment_rows, write_csv, write_json
from loaders.record.schema import schema_markdown
from loaders.settings import targets_path
from loaders.texts.report import Document, read_report


def iso_date(text: str) -> dt.date:
    """Return the date an argument gives as YYYY-MM-DD; argparse shows why another is not one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        reason = str(error).removeprefix("Invalid isoformat string: ")
        why = "" if reason.startswith("'") else f" ({reason})"
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a date{why}: give it as YYYY-MM-DD, e.g. 2024-03-15'
        ) from None


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
    check = commands.add_parser("check", help="validate targets.yaml and verify every quote")
    check.add_argument(
        "--strict", action="store_true", help="treat warnings as problems (exit 1 when any)"
    )
    export = commands.add_parser("export", help="one row per commitment, with its status")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=iso_date,
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
    find.add_argument(
        "--write",
        action="store_true",
        help="with --suggest: add the candidates (the best per commitment, or --pick) as "
        "progress entries, then run the check",
    )
    find.add_argument(
        "--pick",
        metavar="N,N",
        help="with --suggest --write: the numbers of the candidates to add, as printed",
    )
    draft = commands.add_parser(
        "draft", help="draft a commitment record for every untracked plan figure of a report"
    )
    draft.add_argument("report", help="a report id declared under reports:, its text in seeds/")
    draft.add_argument(
        "--write",
        action="store_true",
        help="append the drafts to the targets file (new lines only), then check it",
    )
    draft.add_argument(  # also accepted after the command: `targets draft qc-2023 --targets x`
        "--targets", metavar="PATH", default=argparse.SUPPRESS, help="targets file to read"
    )
    init = commands.add_parser(
        "init", help="start a new tracker: targets.yaml with empty sections, seeds/, .gitignore"
    )
    init.add_argument("directory", nargs="?", default=".", metavar="DIR", help="default: here")
    init.add_argument("--place", help="the place as it names itself: 龙门县")
    init.add_argument("--place-en", help='the place in English: "Longmen County"')
    imported = commands.add_parser(
        "import",
        help="put a report (PDF, saved web page .html, Word .docx, .txt) in seeds/ as text and "
        "declare it under reports:",
    )
    imported.add_argument("path", metavar="PATH", help="the downloaded document")
    imported.add_argument("--id", help="the report's id (default: from --place-en and the year)")
    imported.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="the day it was delivered or published (default: read from the text)",
    )
    imported.add_argument("--url", help="where it was published")
    imported.add_argument("--title", help="the title as published (default: read from the text)")
    imported.add_argument("--title-en", help='the English title (default: "TODO: English title")')
    imported.add_argument(
        "--place", help="the place it is about (default: that of the last report with one)"
    )
    imported.add_argument("--place-en", help="the place in English")
    imported.add_argument(  # also accepted after the command, as for draft
        "--targets", metavar="PATH", default=argparse.SUPPRESS, help="targets file to add it to"
    )
    structure = commands.add_parser(
        "report", help="the parts, chapters and headings the reader found in a report"
    )
    structure.add_argument("report", help="a report id from targets.yaml or a text file")
    commands.add_parser("schema", help="print the targets.yaml field reference (Markdown)")
    return parser


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the targets command, writing to out and err (default: stdout, stderr); return its exit code."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    with redirect_stdout(out), redirect_stderr(err):  # argparse's --help, usage and errors
        args = build_parser().parse_args(argv)
    command = COMMANDS[args.command]
    try:
        code = command(args, escaping(out), escaping(err))
        out.flush()
    except BrokenPipeError:
        _reader_gone(out)
        return EXIT_OK
    return code


class _Escaping:
    """A text stream that writes to another with every control character escaped but the line
    end and the tab (loaders.problems.terminal_text): values and report texts the commands print
    cannot move the cursor, recolour or rewrite a line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Return the number of characters given, after writing them escaped."""
        self._stream.write(terminal_text(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream written to."""
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        """Return the attribute of the stream written to (encoding, isatty …)."""
        return getattr(self._stream, name)


def escaping(stream: TextIO) -> TextIO:
    """Return a stream writing to this one with control characters escaped."""
    return cast(TextIO, _Escaping(stream))


def command_line(argv: list[str] | None = None) -> int:
    """Return the exit code of the targets command as a shell runs it: main() with Python's
    cyclic garbage collector off. A command loads once and exits; the collector would only walk
    every record made again before it does (0.1 s of a `targets check` at 51,000 commitments).
    """
    gc.disable()
    return main(argv)


def _reader_gone(out: TextIO) -> None:
    """Drop what is left to write to stdout once its reader has gone (head, less)."""
    if out is sys.stdout:
        # Python flushes sys.stdout at exit, and the unwritten rest would fail again with
        # "Exception ignored … BrokenPipeError"; with no sys.stdout it flushes nothing.
        sys.stdout = None


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets check`: every problem, then a summary; return the exit code."""
    path = targets_path(args.targets)
    result = command_load(path, _seeds(args))
    code = report_check(result, path, out)
    if code == EXIT_OK and args.strict and result.warnings:
        out.write(f"--strict: {len(result.warnings)} warning(s) count as problems\n")
        return EXIT_PROBLEMS
    return code


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets export`: one row per valid commitment; return the exit code."""
    path = targets_path(args.targets)
    result = command_load(path, _seeds(args))
    if result.unreadable:
        print_problems(result, err)
        return EXIT_UNREADABLE
    rows = commitment_rows(result.targets, args.as_of or dt.date.today())
    (write_csv if args.format == "csv" else write_json)(rows, out)
    if result.errors:
        err.write(
            f"{len(result.errors)} problem(s) in {path}: exported the valid records only; "
            "run `targets check` to see them\n"
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def run_find(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets find` (loaders.cli.find); return the exit code."""
    from loaders.cli.find import find_command  # the finder's modules load only when asked for

    path = targets_path(args.targets)
    return find_command(
        args.report,
        untracked=args.untracked,
        suggest=args.suggest,
        write=args.write,
        pick=args.pick,
        fmt=args.format,
        targets_path=path,
        seeds_dir=_seeds(args) or path.parent / "seeds",
        out=out,
        err=err,
    )


def run_draft(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets draft` (loaders.cli.draft); return the exit code."""
    from loaders.cli.draft import draft_command

    path = targets_path(args.targets)
    return draft_command(
        args.report,
        write=args.write,
        targets_path=path,
        seeds_dir=_seeds(args) or path.parent / "seeds",
        out=out,
        err=err,
    )


def run_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets init` (loaders.cli.init); return the exit code."""
    from loaders.cli.init import init_command

    return init_command(Path(args.directory), args.place, args.place_en, out, err)


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets import` (loaders.cli.importing); return the exit code."""
    from loaders.cli.importing import ImportRequest, import_command  # PDF, HTML, Word readers

    path = targets_path(args.targets)
    request = ImportRequest(
        Path(args.path),
        report_id=args.id,
        date=args.date,
        url=args.url,
        title=args.title,
        title_en=args.title_en,
        place=args.place,
        place_en=args.place_en,
    )
    return import_command(
        request,
        targets_path=path,
        seeds_dir=_seeds(args) or path.parent / "seeds",
        out=out,
        err=err,
    )


def kind_line(document: Document, report: Report | None) -> str:
    """Return what `targets report` says of a document read as a later one: its kind, the year
    its outcomes are for and the paragraphs that hold them."""
    kind = later_kind(
        document,
        report.title if report else "",
        report.date.year if report else None,
        report.kind if report else None,
    )
    held = sorted(kind.outcome_paragraphs)
    where = f"¶{held[0]}–¶{held[-1]}" if held else "none (partial-year figures)"
    return (
        f"as a later document: {kind.kind} ({kind.how}); outcomes of "
        f"{kind.outcome_year or 'an unknown year'} in {where}"
    )


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets report`: the parts and headings of a report and its warnings."""
    path = targets_path(args.targets)
    result = command_load(path, _seeds(args))
    report = args.report
    if report in result.documents:
        report_id, document = report, result.documents[report]
    elif Path(report).is_file():
        read = read_report(Path(report))
        if read.document is None:
            for problem in read.problems:
                err.write(f"{problem}\n")
            return EXIT_UNREADABLE
        report_id, document = report, read.document
    elif result.unreadable:
        for problem in result.problems:
            err.write(f"{problem}\n")
        return EXIT_UNREADABLE
    else:
        ids = ", ".join(result.documents) or "none"
        err.write(
            f'unknown report "{report}": give a report id of targets.yaml with a text in '
            f"seeds/ ({ids}) or the path of a report's text file\n"
        )
        return EXIT_UNREADABLE
    warnings = report_warnings(result.targets, {report_id: document}, str(path))
    lines = structure_lines(report_id, document)
    known = result.targets.report(report_id)
    lines += ["", kind_line(document, known)]
    lines += ["", *map(str, warnings)] if warnings else ["", "no warning"]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def run_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `targets schema`: the field reference as Markdown; return the exit code."""
    out.write(schema_markdown())
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "check": run_check,
    "export": run_export,
    "find": run_find,
    "draft": run_draft,
    "init": run_init,
    "import": run_import,
    "report": run_report,
    "schema": run_schema,
}


def _seeds(args: argparse.Namespace) -> Path | None:
    """Return the seeds folder given with --seeds, or None for the default."""
    return Path(args.seeds) if args.seeds else None
