"""Exit codes and the outcome of a check, shared by every subcommand of `targets`."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from loaders.load.processes import processes_wanted
from loaders.load.report_warnings import report_warnings
from loaders.load.targets import LoadResult, load_targets

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2  # see the module's docstring


def command_load(path: Path, seeds: Path | None) -> LoadResult:
    """Return a set loaded for a subcommand that reads it whole (check, export, find, draft,
    report): the files not cached shared over the CPUs (TARGETS_PROCESSES)."""
    return load_targets(path, seeds, processes=processes_wanted())


def print_problems(result: LoadResult, out: TextIO) -> None:
    """Write one line per problem."""
    for problem in result.problems:
        out.write(f"{problem}\n")


def report_check(result: LoadResult, path: Path, out: TextIO) -> int:
    """Write the outcome of `targets check` and return its exit code.

    Warnings about the reports' structure (no plan part found …) are written after the
    problems and leave the exit code alone.
    """
    print_problems(result, out)
    if result.unreadable:
        return EXIT_UNREADABLE
    warnings = report_warnings(result.declared, result.documents, str(path), result.declared_in)
    for warning in warnings:
        out.write(f"{warning}\n")
    counts = result.counts
    to_review = f"; {counts.drafts} draft(s) to review" if counts.drafts else ""
    if result.errors:
        out.write(
            f"{len(result.errors)} problem(s) in {path}; "
            f"{counts.commitments} valid commitment(s) shown by the dashboard{to_review}\n"
        )
        return EXIT_PROBLEMS
    out.write(
        f"{path}: OK — {counts.commitments} commitments, {counts.exclusions} exclusions, "
        f"{counts.reports} reports; {counts.quotes} quotes verified{to_review}"
        f"{f'; {len(warnings)} warning(s)' if warnings else ''}\n"
    )
    return EXIT_OK
