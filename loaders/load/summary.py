"""What a load found that a view shows before it reads a commitment, kept apart so a front end
can save it with the key of the inputs it was loaded from (`inputs_key`) and, when the inputs
still have that key, show it without loading: the problems, the files shown as their last good
version, the counts, the declared reports and areas, where each record is written, and the
report texts (reopened, none read). The commitments and their groups are loaded when first
asked for."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from loaders.cache.report_texts import ReportTexts
from loaders.load.result import KeptVersion, LoadResult, RecordCounts
from loaders.model import TargetsFile
from loaders.problems import Problem


@dataclass(frozen=True)
class LoadSummary:
    """A load's result without its commitments (see the module's docstring); picklable."""

    problems: list[Problem]
    unreadable: bool
    kept: list[KeptVersion]
    files: list[str]
    declared_in: dict[str, str]
    commitment_files: dict[str, str]
    counts: RecordCounts
    declared: TargetsFile
    documents: ReportTexts | None


def summary_of(result: LoadResult) -> LoadSummary:
    """Return a load's summary (its report texts are kept only when they are a load's)."""
    documents = result.documents if isinstance(result.documents, ReportTexts) else None
    return LoadSummary(
        problems=result.problems,
        unreadable=result.unreadable,
        kept=result.kept,
        files=result.files,
        declared_in=result.declared_in,
        commitment_files=result.commitment_files,
        counts=result.counts,
        declared=TargetsFile(reports=result.declared.reports, areas=result.declared.areas),
        documents=documents,
    )


def result_of(summary: LoadSummary, load: Callable[[], LoadResult]) -> LoadResult:
    """Return a load's result made from its summary: the records and their groups are
    `load()`'s, loaded when first asked for (once)."""
    loaded = functools.cache(load)
    return LoadResult(
        records=lambda: loaded().targets,
        problems=summary.problems,
        documents=summary.documents if summary.documents is not None else {},
        unreadable=summary.unreadable,
        kept=summary.kept,
        files=summary.files,
        declared_in=summary.declared_in,
        commitment_files=summary.commitment_files,
        known_counts=summary.counts,
        known_declared=summary.declared,
        known_groups=lambda: loaded().groups,
    )
