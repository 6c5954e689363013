"""The reports' texts of a load, read once and kept parsed while each file is unchanged
(`read_report_cached`), and values derived from a text remembered on disk (`ReportTexts`).

A report file is read again only when its size or modification time changes, so a dashboard
re-validating targets.yaml after each save does not re-parse unchanged reports.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.cache.dependencies import text_state
from loaders.cache.file_cache import resolved_name
from loaders.cache.file_outcome import read_entry, write_entry
from loaders.cache.memo import Memo, current_memo
from loaders.model import Report
from loaders.problems import Where
from loaders.textfile import inside_folder, is_regular_file
from loaders.texts.quotes import closest_passage
from loaders.texts.report import Document, ReportResult, read_report

if TYPE_CHECKING:
    from loaders.rules.validator import Validator


def read_report_cached(
    path: Path,
    plan_year: int | None = None,
    plan_starts: str | None = None,
    memo: Memo | None = None,
) -> ReportResult:
    """Return read_report(path, …), reused while the file keeps its state (`text_state`: size,
    modification and change times, inode; never while it was changed just now), kept in
    `memo.reports` (the current memo's when none is given)."""
    state = text_state(path)
    if state is None or len(state) > TEXT_STATE_FIELDS:
        return read_report(path, plan_year=plan_year, plan_starts=plan_starts)
    memo = current_memo() if memo is None else memo
    return memo.reports(path, str(path.resolve()), tuple(state), plan_year, plan_starts)


#: the fields of a settled text's state (a racy one has one more: it is never reused)
TEXT_STATE_FIELDS = 4


def load_documents(
    validator: Validator, reports: Iterable[tuple[int, Report]], memo: Memo
) -> dict[str, Document]:
    """Return the texts of the reports that can be read, by id. A report's file is a readable
    text in seeds/; one that is missing or unreadable leaves its report valid and its quotes
    unchecked, and the problem with the file is listed once."""
    read: dict[str, Document] = {}
    for index, report in reports:
        if report.file is None:
            if report.plan_starts is not None:
                validator.problem(
                    Where(("reports", index), report.id) / "plan_starts",
                    "quote-not-checkable",
                    "cannot be checked: the report has no file in seeds/; remove plan_starts",
                )
            continue
        path = validator.seeds / report.file
        if not inside_folder(path, validator.seeds):
            validator.problem(
                Where(("reports", index), report.id) / "file",
                "outside-folder",
                f'"{report.file}" is a link to a file outside {validator.seeds.name}/: copy the '
                "report's text into it instead of linking to it",
            )
            continue
        if not is_regular_file(path) and os.path.lexists(path):
            validator.problem(
                Where(("reports", index), report.id) / "file",
                "not-a-file",
                f'"{report.file}" in {validator.seeds.name}/ is not a regular file (a pipe, a '
                "device, a folder or a link loop): put the report's text there as a file",
            )
            continue
        if not is_regular_file(path):
            validator.problem(
                Where(("reports", index), report.id) / "file",
                "report-file-missing",
                f'"{report.file}" is not in {validator.seeds.name}/: put the report\'s text there, or give publisher instead of file',
            )
            continue
        result = read_report_cached(path, report.plan_year, report.plan_starts, memo)
        if result.document is None:
            validator.problems.extend(result.problems)
        else:
            read[report.id] = result.document
            if report.plan_starts is not None:
                check_plan_starts(validator, index, report, result.document)
    return read


def check_plan_starts(validator: Validator, index: int, report: Report, document: Document) -> None:
    """A report's plan_starts words are in its text, where the plan part was made to start."""
    plan = document.structure.start_of("plan") if document.structure else None
    if plan is not None and plan.how.startswith("override"):
        return
    closest = closest_passage(document, report.plan_starts or "")
    validator.problem(
        Where(("reports", index), report.id) / "plan_starts",
        "quote-not-found",
        f'not found in {report.file}; closest passage: "{closest}" — copy the opening '
        "words of the plan part exactly as the report writes them (`targets report "
        f"{report.id}` shows its paragraphs)",
    )


def derived(
    documents: Mapping[str, Document],
    report_id: str,
    kind: str,
    args: tuple,
    compute: Callable[[Document], Any],
) -> Any:
    """Return compute(a report's text): remembered while the text is unchanged when the texts
    are a load's (ReportTexts), computed now for texts given otherwise."""
    if isinstance(documents, ReportTexts):
        return documents.derived(report_id, kind, args, compute)
    return compute(documents[report_id])


def derived_for_each(
    documents: Mapping[str, Document],
    kind: str,
    args: Mapping[str, tuple],
    compute: Callable[[str], Callable[[Document], Any]],
) -> dict[str, Any]:
    """Return `derived` for every report of `args` (id → its args; compute(id) gives its
    function). For a load's texts the whole answer is also remembered under one key of every
    text and args, so a check of 1,000 unchanged reports reads one cache entry, not 1,000."""
    if not isinstance(documents, ReportTexts):
        return {i: compute(i)(documents[i]) for i in args}
    return documents.derived_for_each(kind, args, compute)


class ReportTexts(Mapping[str, Document]):
    """The texts of the valid reports by id, each read when first asked for (and kept parsed
    by `read_report_cached` while its file is unchanged), in the memo of the load that made
    them (the current one when none is given)."""

    def __init__(
        self,
        seeds: Path,
        reports: Iterable[Report],
        read: Mapping[str, Document] | None = None,
        cache_dir: Path | None = None,
        memo: Memo | None = None,
    ) -> None:
        self._reports = {r.id: r for r in reports if r.file is not None}
        self._seeds = seeds
        self._cache_dir = cache_dir
        self._memo = current_memo() if memo is None else memo
        #: the texts read so far (`read`: those read while validating, kept as they were)
        self._read: dict[str, Document | None] = {
            i: d for i, d in (read or {}).items() if i in self._reports
        }

    def __getstate__(self) -> dict[str, Any]:
        """Return what a pickle keeps: the reports, the seeds folder and the cache folder (the
        texts read and this process's memo are not kept)."""
        return {"reports": self._reports, "seeds": self._seeds, "cache_dir": self._cache_dir}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Reopen the texts from a pickle: none read, with this process's memo."""
        self._reports = state["reports"]
        self._seeds = state["seeds"]
        self._cache_dir = state["cache_dir"]
        self._memo = current_memo()
        self._read = {}

    def __getitem__(self, report_id: str) -> Document:
        """Return a report's text, read now if not yet; KeyError when it cannot be read."""
        if report_id not in self._read:
            report = self._reports[report_id]
            path = self._seeds / str(report.file)
            result = read_report_cached(path, report.plan_year, report.plan_starts, self._memo)
            self._read[report_id] = result.document
        document = self._read[report_id]
        if document is None:
            raise KeyError(report_id)
        return document

    def text_key(self, report_id: str) -> tuple:
        """Return what a report's reading depends on: its file (size and modification time
        included), plan year and plan_starts."""
        report = self._reports[report_id]
        path = os.path.join(self._seeds, str(report.file))
        state = text_state(path)
        size_and_time = None if state is None else tuple(state)
        return (resolved_name(path), size_and_time, report.plan_year, report.plan_starts)

    def derived(
        self, report_id: str, kind: str, args: tuple, compute: Callable[[Document], Any]
    ) -> Any:
        """Return compute(the report's text), remembered (in memory and in the disk cache) while
        the text, `kind` and `args` are unchanged; compute must return JSON data."""
        key = (kind, report_id, self.text_key(report_id), args)
        remembered = self._memo.derived
        if key in remembered:
            return remembered[key]
        value = read_entry(self._cache_dir, "derived", key)
        if value is None:
            value = compute(self[report_id])
            write_entry(self._cache_dir, "derived", key, value, self._memo)
        remembered[key] = value
        return value

    def derived_for_each(
        self,
        kind: str,
        args: Mapping[str, tuple],
        compute: Callable[[str], Callable[[Document], Any]],
    ) -> dict[str, Any]:
        """Return `derived` for every report of `args`, remembered as a whole too (in memory
        and in the disk cache) while every text and args are unchanged."""
        named = repr(sorted((i, self.text_key(i), args[i]) for i in args))
        digest = hashlib.blake2b(named.encode("utf-8", "surrogatepass"), digest_size=16)
        key = (kind, "each", digest.hexdigest())
        remembered = self._memo.derived
        if key in remembered:
            return dict(remembered[key])
        stored = read_entry(self._cache_dir, "derived", key)
        if isinstance(stored, dict) and set(stored) == set(args):
            remembered[key] = stored
            return dict(stored)
        values = {i: self.derived(i, kind, args[i], compute(i)) for i in args}
        write_entry(self._cache_dir, "derived", key, values, self._memo)
        remembered[key] = values
        return dict(values)

    def __iter__(self) -> Iterator[str]:
        """Return the ids of the reports whose text can be read."""
        return iter(self._reports)

    def __len__(self) -> int:
        """Return the number of reports with a readable text."""
        return len(self._reports)
